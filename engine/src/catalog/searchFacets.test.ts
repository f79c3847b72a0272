import { describe, expect, it } from "vitest";
import { enclosingFolder, facetWords, folderFacet, folders } from "./searchFacets.ts";

describe("searchFacets", () => {
  it("lists every folder of POSIX and Windows paths, without the bare root", () => {
    expect(folders("/archiv/2025/politik/clip.mxf")).toEqual(["/archiv/", "/archiv/2025/", "/archiv/2025/politik/"]);
    expect(folders("D:\\Footage\\Landtag\\A001.mov")).toEqual(["D:\\Footage\\", "D:\\Footage\\Landtag\\"]);
    expect(folders("\\\\nas\\news\\clip.mp4")).toEqual(["\\\\nas\\", "\\\\nas\\news\\"]);
    expect(folders("clip.mp4")).toEqual([]);
  });

  it("finds the whole folder a typed prefix lies in", () => {
    expect(enclosingFolder("/archiv/2025/pol")).toBe("/archiv/2025/");
    expect(enclosingFolder("/archiv/2025/")).toBe("/archiv/2025/");
    expect(enclosingFolder("/arch")).toBeUndefined();
    expect(enclosingFolder("arch")).toBeUndefined();
  });

  it("writes one token per folder that tells folders apart, and the status", () => {
    expect(folderFacet("/a/b/")).not.toBe(folderFacet("/b/a/"));
    expect(folderFacet("/a/b/")).toMatch(/^folder[0-9a-f]{16}$/);
    const words = facetWords("rejected", "/a/b/c.mov").split(" ");
    expect(words).toEqual(["statusrejected", folderFacet("/a/"), folderFacet("/a/b/")]);
  });
});
