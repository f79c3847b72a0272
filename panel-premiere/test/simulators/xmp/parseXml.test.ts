import { describe, expect, it } from "vitest";
import { parseXml } from "./parseXml.ts";

describe("parseXml", () => {
  it("resolves prefixes per scope and leaves unprefixed names without a default namespace in none", () => {
    const root = parseXml('<a x="1"><p:b xmlns:p="urn:p"><p:c>t &amp; &#x41;</p:c></p:b><d/></a>');
    expect([root.ns, root.local]).toEqual(["", "a"]);
    expect(root.attributes).toEqual([{ ns: "", local: "x", prefix: "", value: "1" }]);
    const b = root.children[0]!;
    expect([b.ns, b.local, b.children[0]?.text]).toEqual(["urn:p", "b", "t & A"]);
    expect(root.children[1]?.local).toBe("d");
  });

  it("refuses what is not well-formed", () => {
    expect(() => parseXml("<a><b></a>")).toThrow();
    expect(() => parseXml("<p:a/>")).toThrow(/undeclared prefix/);
    expect(() => parseXml("<a/><b/>")).toThrow();
    expect(() => parseXml("<a>&nbsp;</a>")).toThrow(/entity/);
  });
});
