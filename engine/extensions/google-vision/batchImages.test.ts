import { describe, expect, it } from "vitest";
import type { ProviderImage } from "@sichter/engine/extension-api";
import { batchImages } from "./batchImages.ts";

const image = (id: string, chars = 4): ProviderImage => ({
  id,
  jpegBase64: "A".repeat(chars),
  width: 1,
  height: 1,
  tiles: [{ label: "1" }],
  columns: 1,
  rows: 1,
});
const ids = (batches: ProviderImage[][]) => batches.map((b) => b.map((i) => i.id).join(""));

describe("batchImages", () => {
  it("groups by count, in order", () => {
    const images = [..."abcdefghijklmnopqr"].map((id) => image(id));
    expect(ids(batchImages(images, 16))).toEqual(["abcdefghijklmnop", "qr"]);
    expect(ids(batchImages(images.slice(0, 5), 2))).toEqual(["ab", "cd", "e"]);
    expect(batchImages([], 16)).toEqual([]);
  });

  it("starts a new group before the base64 data passes the limit; an oversized image goes alone", () => {
    const images = [image("a", 40), image("b", 40), image("c", 30), image("d", 200), image("e", 10)];
    expect(ids(batchImages(images, 16, 100))).toEqual(["ab", "c", "d", "e"]);
  });
});
