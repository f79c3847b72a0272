/**
 * The active sequence's markers and Sichter's ledger of them, kept in the XMP of the sequence's
 * project item (as the UXP panel keeps it). The panel maps clip frames to sequence time and decides
 * which markers are Sichter's with the code the UXP panel runs; the JSX reads and carries out.
 */
namespace Sichter {
  interface LedgerNames {
    namespace: string;
    prefix: string;
    markers: string;
  }

  function requireSequence(): Sequence {
    var sequence = app.project.activeSequence;
    if (!sequence) throw failure("SICHTER_E_FILE_NOT_FOUND", "no active sequence");
    return sequence;
  }

  /** The active sequence's name, markers and ledger; null without one. */
  register("readSequenceMarkers", function (args: { names: LedgerNames }) {
    var sequence = app.project.activeSequence;
    if (!sequence) return null;
    loadXmpLibrary();
    XMPMeta.registerNamespace(args.names.namespace, args.names.prefix);
    var meta = new XMPMeta(sequence.projectItem.getXMPMetadata());
    var markers: { guid: string; start: string; end: string; name: string; comments: string; colorIndex: number }[] = [];
    var list = markerList(sequence.markers);
    for (var i = 0; i < list.length; i++) {
      var marker = list[i] as Marker;
      markers.push({
        guid: marker.guid,
        start: marker.start.ticks,
        end: (marker.end as Time).ticks,
        name: marker.name,
        comments: marker.comments,
        colorIndex: marker.getColorByIndex(i)
      });
    }
    return { name: sequence.name, markers: markers, ledger: readStrings(meta, args.names.namespace, args.names.markers) };
  });

  /** Removes, changes and adds sequence markers in one call (a whole auto-mark at once); answers the added guids. */
  register("writeSequenceMarkers", function (args: MarkerChanges) {
    return { added: applyMarkerChanges(requireSequence().markers, args) };
  });

  /** Replaces Sichter's ledger in the sequence item's XMP, keeping everything else in the packet. */
  register("writeSequenceLedger", function (args: { names: LedgerNames; ledger: string[] }) {
    var sequence = requireSequence();
    loadXmpLibrary();
    XMPMeta.registerNamespace(args.names.namespace, args.names.prefix);
    // setXMPMetadata replaces the whole packet: read it, change the ledger, write it all back.
    var meta = new XMPMeta(sequence.projectItem.getXMPMetadata());
    writeBag(meta, args.names.namespace, args.names.markers, args.ledger);
    if (!sequence.projectItem.setXMPMetadata(meta.serialize())) throw failure("SICHTER_E_XMP_WRITE_FAILED", sequence.name);
    return { written: true };
  });
}
