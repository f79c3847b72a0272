/** Showing a clip at a frame and bringing media into the project, for search results. */
namespace Sichter {
  register("setPlayerPosition", function (args: { ticks: string }) {
    var sequence = app.project.activeSequence;
    if (!sequence) throw failure("SICHTER_E_FILE_NOT_FOUND", "no active sequence");
    sequence.setPlayerPosition(args.ticks);
    return { ticks: sequence.getPlayerPosition().ticks };
  });

  /** ExtendScript cannot position the Source Monitor: the clip opens where the monitor left it. */
  register("openInSourceMonitor", function (args: { itemId: string | null; mediaPath: string }) {
    app.sourceMonitor.openProjectItem(requireClip(args.itemId, args.mediaPath));
    return { opened: true };
  });

  /** The project's clip of a media file, imported into the root bin first when the project lacks it. */
  register("importFile", function (args: { mediaPath: string }) {
    var item = findClip(null, args.mediaPath);
    if (item === null) {
      if (!app.project.importFiles([args.mediaPath], true, app.project.rootItem, false)) {
        throw failure("SICHTER_E_FILE_NOT_FOUND", args.mediaPath);
      }
      item = requireClip(null, args.mediaPath);
    }
    return { itemId: item.nodeId, name: item.name, mediaPath: item.getMediaPath() };
  });
}
