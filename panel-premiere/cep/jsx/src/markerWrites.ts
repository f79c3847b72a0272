/** Writing markers into one collection (a clip's or the active sequence's) as the panel planned them. */
namespace Sichter {
  export interface MarkerWrite {
    guid?: string;
    start: string;
    end: string;
    name: string;
    comments: string;
    colorIndex: number;
  }

  /** Markers to take out (by guid), to change in place (by guid) and to add. */
  export interface MarkerChanges {
    remove: string[];
    update: MarkerWrite[];
    add: MarkerWrite[];
  }

  /** Carries out the changes; answers the guids of the added markers, in order. */
  export function applyMarkerChanges(markers: MarkerCollection, changes: MarkerChanges): string[] {
    var byGuid: { [guid: string]: Marker } = {};
    var list = markerList(markers);
    for (var i = 0; i < list.length; i++) byGuid[(list[i] as Marker).guid] = list[i] as Marker;
    for (var r = 0; r < changes.remove.length; r++) {
      var gone = byGuid[changes.remove[r] as string];
      if (gone) markers.deleteMarker(gone);
    }
    for (var u = 0; u < changes.update.length; u++) {
      var change = changes.update[u] as MarkerWrite;
      var existing = byGuid[change.guid as string];
      if (existing) setMarker(markers, existing, change);
    }
    var added: string[] = [];
    for (var a = 0; a < changes.add.length; a++) {
      var wanted = changes.add[a] as MarkerWrite;
      var created = markers.createMarker(secondsOf(wanted.start));
      setMarker(markers, created, wanted);
      added.push(created.guid);
    }
    return added;
  }

  /** Sets everything but the start: a marker that moves is removed and added again by the panel. */
  function setMarker(markers: MarkerCollection, marker: Marker, wanted: MarkerWrite): void {
    marker.name = wanted.name;
    marker.comments = wanted.comments;
    marker.end = secondsOf(wanted.end);
    marker.setTypeAsComment();
    marker.setColorByIndex(wanted.colorIndex, indexOf(markers, marker));
  }

  function indexOf(markers: MarkerCollection, marker: Marker): number {
    var list = markerList(markers);
    for (var i = 0; i < list.length; i++) if ((list[i] as Marker).guid === marker.guid) return i;
    return -1;
  }
}
