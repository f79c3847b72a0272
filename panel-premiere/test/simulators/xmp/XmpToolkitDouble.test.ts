import { describe, expect, it } from "vitest";
import { XMPConst, XMPMeta } from "./XmpToolkitDouble.ts";

/** A packet shaped like Premiere's: attribute properties, a marker track, keywords, a lang-alt. */
const PREMIERE_PACKET = `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Adobe XMP Core 9.1-c002">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:xmpDM="http://ns.adobe.com/xmp/1.0/DynamicMedia/"
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmp:CreatorTool="Camera &amp; Co"
    xmpDM:videoFrameRate="25.000000">
   <xmpDM:Tracks>
    <rdf:Bag>
     <rdf:li>
      <rdf:Description xmpDM:trackName="Comment" xmpDM:frameRate="f254016000000">
       <xmpDM:markers>
        <rdf:Seq>
         <rdf:li xmpDM:startTime="0" xmpDM:name="Kamera A"/>
        </rdf:Seq>
       </xmpDM:markers>
      </rdf:Description>
     </rdf:li>
    </rdf:Bag>
   </xmpDM:Tracks>
   <dc:subject><rdf:Bag><rdf:li>Köln</rdf:li><rdf:li>&lt;Dom&gt;</rdf:li></rdf:Bag></dc:subject>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">Redaktion</rdf:li></rdf:Alt></dc:description>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;

const DM = "http://ns.adobe.com/xmp/1.0/DynamicMedia/";

describe("XMPMeta double", () => {
  it("reads attribute and element properties, arrays and lang-alts", () => {
    const meta = new XMPMeta(PREMIERE_PACKET);
    expect(meta.getProperty("http://ns.adobe.com/xap/1.0/", "CreatorTool")?.value).toBe("Camera & Co");
    expect(meta.countArrayItems(XMPConst.NS_DC, "subject")).toBe(2);
    expect(meta.getArrayItem(XMPConst.NS_DC, "subject", 2)?.value).toBe("<Dom>");
    expect(meta.getLocalizedText(XMPConst.NS_DC, "description", null, "x-default")).toBe("Redaktion");
    expect(meta.getQualifier(XMPConst.NS_DC, "description[1]", XMPConst.NS_XML, "lang")?.value).toBe("x-default");
    expect(meta.getProperty(DM, "Tracks")?.options).toBe(XMPConst.PROP_IS_ARRAY);
  });

  it("keeps every foreign property through an edit and a round trip", () => {
    const meta = new XMPMeta(PREMIERE_PACKET);
    meta.appendArrayItem(XMPConst.NS_DC, "subject", "Rhein");
    meta.setLocalizedText(XMPConst.NS_DC, "description", null, "de", "3 Einstellungen");
    const again = new XMPMeta(meta.serialize());
    expect(again.serialize()).toBe(meta.serialize());
    const text = again.serialize();
    expect(text).toContain("f254016000000");
    expect(text).toContain("Kamera A");
    expect(again.getProperty("http://ns.adobe.com/xap/1.0/", "CreatorTool")?.value).toBe("Camera & Co");
    expect(again.getArrayItem(XMPConst.NS_DC, "subject", 3)?.value).toBe("Rhein");
    expect(again.getLocalizedText(XMPConst.NS_DC, "description", "de", "de")).toBe("3 Einstellungen");
    expect(again.getLocalizedText(XMPConst.NS_DC, "description", null, "x-default")).toBe("Redaktion");
  });

  it("creates arrays in the form it is told and registers namespaces", () => {
    const ns = "http://example.invalid/ns/1.0/";
    expect(XMPMeta.registerNamespace(ns, "ex")).toBe("ex:");
    const meta = new XMPMeta();
    expect(() => meta.appendArrayItem(ns, "list", "a")).toThrow();
    meta.appendArrayItem(ns, "list", "a", 0, XMPConst.ARRAY_IS_ORDERED);
    expect(meta.serialize()).toContain('xmlns:ex="http://example.invalid/ns/1.0/"');
    expect(meta.serialize()).toContain("<rdf:Seq>");
    meta.deleteArrayItem(ns, "list", 1);
    expect(meta.countArrayItems(ns, "list")).toBe(0);
  });

  it("refuses malformed packets", () => {
    expect(() => new XMPMeta("<x:xmpmeta>")).toThrow();
    expect(() => new XMPMeta('<x:xmpmeta xmlns:x="adobe:ns:meta/"><a></b></x:xmpmeta>')).toThrow();
  });
});
