import { describe, expect, it } from "vitest";
import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphInk, hasGlyph } from "./bitmapFont.ts";

const DRAWN = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function bitmap(char: string): string {
  let bits = "";
  for (let y = 0; y < GLYPH_HEIGHT; y++) for (let x = 0; x < GLYPH_WIDTH; x++) bits += glyphInk(char, x, y) ? "#" : ".";
  return bits;
}

describe("bitmapFont", () => {
  it("has a distinct, non-empty glyph for every digit and capital", () => {
    const seen = new Map<string, string>();
    for (const char of DRAWN) {
      expect(hasGlyph(char), char).toBe(true);
      const bits = bitmap(char);
      expect(bits.includes("#"), `${char} has ink`).toBe(true);
      expect(seen.get(bits), `${char} looks like ${seen.get(bits)}`).toBeUndefined();
      seen.set(bits, char);
    }
  });

  it("draws nothing outside the 5x7 box and refuses characters it does not have", () => {
    for (const char of DRAWN) {
      for (let y = -1; y <= GLYPH_HEIGHT; y++) {
        expect(glyphInk(char, GLYPH_WIDTH, y)).toBe(false);
        expect(glyphInk(char, -1, y)).toBe(false);
      }
      expect(glyphInk(char, 0, GLYPH_HEIGHT)).toBe(false);
    }
    for (const char of ["a", "z", "Ä", "?", "", "10"]) expect(hasGlyph(char), char).toBe(false);
    expect(() => glyphInk("a", 0, 0)).toThrow(RangeError);
  });
});
