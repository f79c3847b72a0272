/**
 * What the CEP panel reads to find the current clip: the Project panel selection, and the active
 * sequence's video clips with the playhead. Raw ticks and rates cross the bridge; the panel maps
 * them with the same common code as the UXP panel.
 */
namespace Sichter {
  interface ClipInfo {
    itemId: string;
    name: string;
    mediaPath: string;
    /** Frames per second of the media, as the footage interpretation says. */
    fps: number;
    /** The media's start timecode in ticks (what its markers' timecodes count from). */
    mediaStart: string;
  }

  function clipInfo(item: ProjectItem): ClipInfo {
    return {
      itemId: item.nodeId,
      name: item.name,
      mediaPath: item.getMediaPath(),
      fps: item.getFootageInterpretation().frameRate,
      mediaStart: item.startTime().ticks
    };
  }

  /** The selected media clips, in selection order (bins and sequences passed over). */
  register("selectedClips", function () {
    var selected = app.getCurrentProjectViewSelection();
    var clips: ClipInfo[] = [];
    if (!selected) return clips;
    for (var i = 0; i < selected.length; i++) {
      var item = selected[i] as ProjectItem;
      if (item.type === ProjectItemType.CLIP && !item.isSequence() && item.getMediaPath() !== "") clips.push(clipInfo(item));
    }
    return clips;
  });

  /** The active sequence: its name, frame length, playhead and every clip on its video tracks; null without one. */
  register("activeSequence", function () {
    var sequence = app.project.activeSequence;
    if (!sequence) return null;
    var clips: { track: number; name: string; start: string; end: string; inPoint: string; outPoint: string; disabled: boolean; speed: number; clip: ClipInfo }[] = [];
    var tracks = sequence.videoTracks;
    for (var t = 0; t < tracks.numTracks; t++) {
      var items = (tracks[t] as Track).clips;
      for (var c = 0; c < items.numItems; c++) {
        var placed = items[c] as TrackItem;
        var item = placed.projectItem;
        // Titles, adjustment layers and nested sequences have no media file to analyse.
        if (!item || item.type !== ProjectItemType.CLIP || item.isSequence() || item.getMediaPath() === "") continue;
        clips.push({
          track: t,
          name: placed.name,
          start: placed.start.ticks,
          end: placed.end.ticks,
          inPoint: placed.inPoint.ticks,
          outPoint: placed.outPoint.ticks,
          disabled: placed.disabled === true,
          speed: placed.getSpeed(),
          clip: clipInfo(item)
        });
      }
    }
    return { name: sequence.name, ticksPerFrame: sequence.timebase, playhead: sequence.getPlayerPosition().ticks, clips: clips };
  });
}
