/**
 * The clip methods of the CEP panel: read everything about a clip in one call, then write markers,
 * XMP and the project column. The decisions (which markers are Sichter's, the keyword merge) are
 * made in the panel by the same code the UXP panel runs; ExtendScript has no undo grouping, so
 * each write is its own step.
 */
namespace Sichter {
  interface ClipArgs {
    itemId: string | null;
    mediaPath: string;
  }

  /** Where Sichter's private schema lives; the panel sends it so there is one source of these names. */
  interface XmpNames {
    namespace: string;
    prefix: string;
    markers: string;
    keywords: string;
  }

  register("readClip", function (args: ClipArgs & { names: XmpNames; column: { namespace: string; name: string } }) {
    var item = requireClip(args.itemId, args.mediaPath);
    loadXmpLibrary();
    XMPMeta.registerNamespace(args.names.namespace, args.names.prefix);
    var meta = new XMPMeta(item.getXMPMetadata());
    var column = new XMPMeta(item.getProjectMetadata()).getProperty(args.column.namespace, args.column.name);
    var markers: { guid: string; start: string; end: string; name: string; comments: string; colorIndex: number }[] = [];
    var list = markerList(item.getMarkers());
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
    return {
      itemId: item.nodeId,
      name: item.name,
      mediaPath: item.getMediaPath(),
      mediaStart: item.startTime().ticks,
      markers: markers,
      subject: readStrings(meta, XMPConst.NS_DC, "subject"),
      descriptions: readDescriptions(meta),
      ledger: readStrings(meta, args.names.namespace, args.names.markers),
      ownKeywords: readStrings(meta, args.names.namespace, args.names.keywords),
      column: column ? column.toString() : null
    };
  });

  /** Removes, changes and adds markers; answers the guids of the added ones, in order. */
  register("writeMarkers", function (args: ClipArgs & MarkerChanges) {
    return { added: applyMarkerChanges(requireClip(args.itemId, args.mediaPath).getMarkers(), args) };
  });

  register("writeXmp", function (args: ClipArgs & {
    names: XmpNames;
    subject: string[] | null;
    ownKeywords: string[] | null;
    ledger: string[] | null;
    descriptions: { [language: string]: string } | null;
  }) {
    var item = requireClip(args.itemId, args.mediaPath);
    loadXmpLibrary();
    XMPMeta.registerNamespace(args.names.namespace, args.names.prefix);
    // setXMPMetadata replaces the whole packet: read it, change Sichter's fields, write it all back.
    var meta = new XMPMeta(item.getXMPMetadata());
    if (args.subject !== null) writeBag(meta, XMPConst.NS_DC, "subject", args.subject);
    if (args.ownKeywords !== null) writeBag(meta, args.names.namespace, args.names.keywords, args.ownKeywords);
    if (args.ledger !== null) writeBag(meta, args.names.namespace, args.names.markers, args.ledger);
    if (args.descriptions !== null) {
      for (var language in args.descriptions) {
        if (args.descriptions.hasOwnProperty(language)) {
          meta.setLocalizedText(XMPConst.NS_DC, "description", null, language, args.descriptions[language] as string);
        }
      }
    }
    return { written: item.setXMPMetadata(meta.serialize()) };
  });

  register("writeColumn", function (args: ClipArgs & { namespace: string; name: string; label: string; value: string }) {
    var item = requireClip(args.itemId, args.mediaPath);
    loadXmpLibrary();
    // 2: a text column.
    if (!app.project.addPropertyToProjectMetadataSchema(args.name, args.label, 2)) {
      throw failure("SICHTER_E_XMP_WRITE_FAILED", "the project column could not be added");
    }
    var metadata = new XMPMeta(item.getProjectMetadata());
    metadata.setProperty(args.namespace, args.name, args.value);
    item.setProjectMetadata(metadata.serialize(), [args.name]);
    return { written: true };
  });
}
