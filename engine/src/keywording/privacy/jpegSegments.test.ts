import { ErrorCode } from "@sichter/shared/errors";
import { beforeAll, describe, expect, it } from "vitest";
import { SichterError } from "../../core/SichterError.ts";
import type { RgbImage } from "../../media/FrameSource.ts";
import { encodeJpeg } from "./encodeJpeg.ts";
import { assertCleanJpeg, jpegSegments, jpegSize } from "./jpegSegments.ts";

/** A gradient, so the scan data is not trivially short. */
function gradient(width: number, height: number): RgbImage {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.set([(x * 255) / width, (y * 255) / height, 128], (y * width + x) * 3);
  }
  return { width, height, data };
}

/** A marker segment: FF, marker, 16-bit length (payload + 2), payload. */
function segment(marker: number, payload: Buffer | string): Buffer {
  const body = Buffer.isBuffer(payload) ? payload : Buffer.from(payload, "latin1");
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([head, body]);
}

function insertAt(jpeg: Buffer, at: number, bytes: Buffer): Buffer {
  return Buffer.concat([jpeg.subarray(0, at), bytes, jpeg.subarray(at)]);
}

/** Where the first DQT starts: right after SOI and JFIF, where cameras put their metadata. */
function afterHeader(jpeg: Buffer): number {
  return jpegSegments(jpeg).find((s) => s.name === "DQT")!.offset;
}

function refusal(buf: Uint8Array, maxLongSide = 768): SichterError {
  try {
    assertCleanJpeg(buf, maxLongSide);
  } catch (error) {
    expect(error).toBeInstanceOf(SichterError);
    expect((error as SichterError).code).toBe(ErrorCode.PRIVACY_IMAGE_REFUSED);
    return error as SichterError;
  }
  throw new Error("assertCleanJpeg accepted the image");
}

const EXIF = segment(
  0xe1,
  Buffer.concat([Buffer.from("Exif\0\0", "latin1"), Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8, 0, 0])]),
);
const XMP = segment(0xe1, "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF/></x:xmpmeta>");
const ICC = segment(
  0xe2,
  Buffer.concat([Buffer.from("ICC_PROFILE\0", "latin1"), Buffer.from([1, 1]), Buffer.alloc(128, 7)]),
);
const COM = segment(0xfe, "shot on a phone at 52.52N 13.40E");

describe("jpeg segment parsing", () => {
  let clean: Buffer;
  beforeAll(async () => {
    clean = (await encodeJpeg(gradient(96, 54), { maxLongSide: 96 })).jpeg;
  });

  it("lists the header segments of a real encode and stops at the first scan", () => {
    const segments = jpegSegments(clean);
    expect(segments[0]).toEqual({ marker: 0xd8, name: "SOI", offset: 0, length: 0 });
    expect(segments.at(-1)!.name).toBe("SOS");
    expect(segments.map((s) => s.name)).toEqual(expect.arrayContaining(["DQT", "SOF0", "DHT"]));
    // Every segment starts where the one before it ended.
    for (let i = 1; i < segments.length; i++) {
      const previous = segments[i - 1]!;
      expect(segments[i]!.offset).toBe(previous.offset + 2 + previous.length);
      expect(clean[segments[i]!.offset]).toBe(0xff);
    }
    expect(jpegSize(clean)).toEqual({ width: 96, height: 54 });
  });

  it("walks through the scan data to the EOI when asked", () => {
    const all = jpegSegments(clean, { throughScans: true });
    expect(all.at(-1)).toEqual({ marker: 0xd9, name: "EOI", offset: clean.length - 2, length: 0 });
  });

  it("skips fill bytes before a marker", () => {
    const padded = insertAt(clean, afterHeader(clean), Buffer.from([0xff, 0xff, 0xff]));
    expect(jpegSegments(padded).map((s) => s.name)).toEqual(jpegSegments(clean).map((s) => s.name));
    expect(assertCleanJpeg(padded, 768)).toEqual({ width: 96, height: 54 });
  });

  it("passes a clean encode and returns its size", () => {
    expect(assertCleanJpeg(clean, 768)).toEqual({ width: 96, height: 54 });
    expect(assertCleanJpeg(clean, 96)).toEqual({ width: 96, height: 54 });
  });

  it.each([
    ["EXIF in APP1", EXIF, /APP1.*EXIF/],
    ["XMP in APP1", XMP, /APP1.*XMP/],
    ["an ICC profile in APP2", ICC, /APP2.*ICC/],
    ["a COM segment", COM, /comment \(COM\)/],
    ["an APP13 (Photoshop IPTC) block", segment(0xed, "Photoshop 3.0\0 8BIM"), /APP13/],
  ])("refuses the same JPEG with %s spliced in", (_name, inserted, detail) => {
    const dirty = insertAt(clean, afterHeader(clean), inserted);
    expect(jpegSegments(dirty).some((s) => s.marker === inserted[1])).toBe(true);
    expect(String(refusal(dirty).params.detail)).toMatch(detail);
  });

  it("refuses a COM hidden after the image data, where a header-only parser would not look", () => {
    const dirty = insertAt(clean, clean.length - 2, COM);
    expect(jpegSegments(dirty).some((s) => s.name === "COM")).toBe(false);
    expect(String(refusal(dirty).params.detail)).toMatch(/COM/);
  });

  it("refuses an APP0 that is not plain JFIF (JFXX extension, embedded thumbnail)", () => {
    const app0 = jpegSegments(clean).find((s) => s.name === "APP0");
    const jfxx = segment(
      0xe0,
      Buffer.concat([Buffer.from("JFXX\0", "latin1"), Buffer.from([0x10]), Buffer.alloc(30, 9)]),
    );
    expect(String(refusal(insertAt(clean, afterHeader(clean), jfxx)).params.detail)).toMatch(/not a JFIF/);
    const thumb = segment(
      0xe0,
      Buffer.concat([Buffer.from("JFIF\0", "latin1"), Buffer.from([1, 2, 0, 0, 1, 0, 1, 1, 1]), Buffer.alloc(3, 0)]),
    );
    const withThumbnail = app0
      ? Buffer.concat([clean.subarray(0, app0.offset), thumb, clean.subarray(app0.offset + 2 + app0.length)])
      : insertAt(clean, 2, thumb);
    expect(String(refusal(withThumbnail).params.detail)).toMatch(/thumbnail/);
  });

  it("refuses truncated files, trailing data and things that are not JPEGs", () => {
    expect(String(refusal(clean.subarray(0, Math.floor(clean.length / 2))).params.detail)).toMatch(/truncated/);
    expect(String(refusal(clean.subarray(0, clean.length - 2)).params.detail)).toMatch(/truncated/);
    expect(String(refusal(clean.subarray(0, 30)).params.detail)).toMatch(/truncated/);
    expect(String(refusal(Buffer.concat([clean, Buffer.from("GPS 52.52N")])).params.detail)).toMatch(
      /follow the end-of-image/,
    );
    expect(String(refusal(Buffer.from("\x89PNG\r\n\x1a\n0000", "latin1")).params.detail)).toMatch(/not a JPEG/);
    refusal(Buffer.alloc(0));
  });

  it("refuses images above the cap, and never allows more than 768 px whatever the caller asks", () => {
    expect(String(refusal(clean, 64).params.detail)).toMatch(/96x54, above the 64 px/);
    const sof = jpegSegments(clean).find((s) => s.name === "SOF0")!;
    const huge = Buffer.from(clean);
    huge.writeUInt16BE(1000, sof.offset + 7); // width
    expect(jpegSize(huge)).toEqual({ width: 1000, height: 54 });
    expect(String(refusal(huge, 5000).params.detail)).toMatch(/above the 768 px/);
  });
});
