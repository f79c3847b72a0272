/** Finding project items in the ExtendScript DOM. */
namespace Sichter {
  /** The clip with node id `itemId`, else the first clip whose media path is `mediaPath`; bins searched too. */
  export function findClip(itemId: string | null, mediaPath: string): ProjectItem | null {
    var byPath: ProjectItem | null = null;
    var folders: ProjectItem[] = [app.project.rootItem];
    while (folders.length > 0) {
      var children = (folders.shift() as ProjectItem).children;
      for (var i = 0; i < children.numItems; i++) {
        var item = children[i] as ProjectItem;
        if (item.type === ProjectItemType.BIN) {
          folders.push(item);
        } else if (item.type === ProjectItemType.CLIP && !item.isSequence()) {
          if (itemId !== null && item.nodeId === itemId) return item;
          if (byPath === null && item.getMediaPath() === mediaPath) byPath = item;
        }
      }
    }
    return byPath;
  }

  export function requireClip(itemId: string | null, mediaPath: string): ProjectItem {
    var item = findClip(itemId, mediaPath);
    if (item === null) throw failure("SICHTER_E_FILE_NOT_FOUND", mediaPath);
    return item;
  }

  /** Every marker of a collection, in its order. */
  export function markerList(markers: MarkerCollection): Marker[] {
    var list: Marker[] = [];
    var marker = markers.getFirstMarker();
    while (marker !== undefined && marker !== null) {
      list.push(marker);
      marker = markers.getNextMarker(marker);
    }
    return list;
  }

  var TICKS_PER_SECOND = 254016000000;

  /** Seconds for the DOM's setters, from a tick count (exact to the tick for the first hours of media). */
  export function secondsOf(ticks: string): number {
    return Number(ticks) / TICKS_PER_SECOND;
  }
}
