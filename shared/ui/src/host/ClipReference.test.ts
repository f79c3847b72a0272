import { describe, expect, it } from "vitest";
import { clipFromPath, fileNameOf, folderNameOf } from "./ClipReference.ts";

describe("clip names from paths", () => {
  it("reads file and folder names with either separator", () => {
    expect(fileNameOf("/media/Landtag/A001.mov")).toBe("A001.mov");
    expect(fileNameOf("D:\\Footage\\Köln\\B002.mxf")).toBe("B002.mxf");
    expect(folderNameOf("/media/Landtag/A001.mov")).toBe("Landtag");
    expect(folderNameOf("D:\\Footage\\Köln\\B002.mxf")).toBe("Köln");
    expect(folderNameOf("/A001.mov")).toBe("");
    expect(clipFromPath("/media/A001.mov")).toEqual({ mediaPath: "/media/A001.mov", name: "A001.mov" });
  });
});
