import { describe, expect, it } from "vitest";
import { PathMapping } from "./PathMapping.ts";

describe("PathMapping", () => {
  const map = PathMapping.parse("/Volumes/News=/mnt/news; \\\\nas\\News\\=/mnt/news ;/Volumes/News/Archiv=/mnt/archiv");

  it("finds a Mac's and a Windows machine's path of one file under this worker's prefix", () => {
    expect(map.local("/Volumes/News/2026/Landtag Sitzung.mxf")).toBe("/mnt/news/2026/Landtag Sitzung.mxf");
    expect(map.local("\\\\nas\\News\\2026\\Landtag Sitzung.mxf")).toBe("/mnt/news/2026/Landtag Sitzung.mxf");
    // Windows paths match without regard to case or slash direction.
    expect(map.local("\\\\NAS\\news/2026/a.mxf")).toBe("/mnt/news/2026/a.mxf");
  });

  it("takes the longest matching prefix, whole folder names only, and leaves other paths as they are", () => {
    expect(map.local("/Volumes/News/Archiv/1999/b.mxf")).toBe("/mnt/archiv/1999/b.mxf");
    expect(map.local("/Volumes/NewsRoom/c.mxf")).toBe("/Volumes/NewsRoom/c.mxf");
    expect(map.local("/Volumes/news/c.mxf")).toBe("/Volumes/news/c.mxf");
    expect(PathMapping.parse(undefined).local("/mnt/news/d.mxf")).toBe("/mnt/news/d.mxf");
  });

  it("refuses a rule it cannot read", () => {
    expect(() => PathMapping.parse("/Volumes/News")).toThrow(/SICHTER_PATH_MAP/);
    expect(() => PathMapping.parse("=/mnt/news")).toThrow(/SICHTER_PATH_MAP/);
  });
});
