import { describe, expect, it } from "vitest";
import { thumbnailUrl } from "./wireCatalog.ts";

describe("thumbnailUrl", () => {
  it("serves a stored thumbnail under /thumbnails/, each segment encoded", () => {
    expect(thumbnailUrl("12/34-0000100.jpg")).toBe("/thumbnails/12/34-0000100.jpg");
    // Pictures of older catalogs sit in folders named after the media file.
    expect(thumbnailUrl("Straße_Köln.mxf/0000025.jpg")).toBe("/thumbnails/Stra%C3%9Fe_K%C3%B6ln.mxf/0000025.jpg");
    expect(thumbnailUrl("a#b?c/0000001.jpg")).toBe("/thumbnails/a%23b%3Fc/0000001.jpg");
    expect(thumbnailUrl(null)).toBeNull();
  });
});
