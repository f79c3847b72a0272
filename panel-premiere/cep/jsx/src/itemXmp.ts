/** Reading and editing an item's XMP with AdobeXMPScript (the panel decides, the JSX only carries out). */
namespace Sichter {
  export function loadXmpLibrary(): void {
    if (ExternalObject.AdobeXMPScript === undefined) ExternalObject.AdobeXMPScript = new ExternalObject("lib:AdobeXMPScript");
  }

  export function readStrings(meta: XMPMetaInstance, ns: string, name: string): string[] {
    var values: string[] = [];
    var count = meta.countArrayItems(ns, name);
    for (var index = 1; index <= count; index++) {
      var item = meta.getArrayItem(ns, name, index);
      values.push(item ? item.toString() : "");
    }
    return values;
  }

  /** dc:description entries by language, x-default included. */
  export function readDescriptions(meta: XMPMetaInstance): { [language: string]: string } {
    var entries: { [language: string]: string } = {};
    var count = meta.countArrayItems(XMPConst.NS_DC, "description");
    for (var index = 1; index <= count; index++) {
      var language = meta.getQualifier(XMPConst.NS_DC, "description[" + index + "]", XMPConst.NS_XML, "lang");
      var item = meta.getArrayItem(XMPConst.NS_DC, "description", index);
      if (language) entries[language.toString()] = item ? item.toString() : "";
    }
    return entries;
  }

  /** Replaces an unordered array (a Bag) with `values`; an empty list removes it. */
  export function writeBag(meta: XMPMetaInstance, ns: string, name: string, values: string[]): void {
    meta.deleteProperty(ns, name);
    for (var i = 0; i < values.length; i++) meta.appendArrayItem(ns, name, values[i] as string, 0, XMPConst.PROP_IS_ARRAY);
  }
}
