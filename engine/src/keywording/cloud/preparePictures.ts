import { randomUUID } from "node:crypto";
import type { Keyframe } from "@sichter/shared/model";
import type { CancellationToken } from "../../core/Cancellation.ts";
import type { FrameSource } from "../../media/FrameSource.ts";
import type { ProviderImage } from "../../extensionApi/KeywordProvider.ts";
import { buildContactSheet } from "../privacy/ContactSheet.ts";
import { encodeJpeg } from "../privacy/encodeJpeg.ts";
import type { RepresentedKeyframe } from "./dedupeKeyframes.ts";

/** Pictures ready for providers, and which keyframes each tile of each picture stands for. */
export interface PreparedPictures {
  readonly images: ProviderImage[];
  /** `${imageId}/${tileLabel}` -> the keyframes the tile's answer belongs to. */
  readonly tiles: ReadonlyMap<string, readonly Keyframe[]>;
}

export interface PictureOptions {
  readonly maxLongSide: number;
  /** Tiles per contact sheet; 1 sends single keyframes. */
  readonly tilesPerSheet: number;
}

/**
 * Re-encodes keyframes from raw decoded pixels (never the keyframe JPEGs on disk, which could
 * carry anything ffmpeg put there) as clean JPEGs, single or tiled into labelled contact sheets.
 * Ids are random: nothing in a picture or its name points back to the file.
 */
export async function preparePictures(
  keyframes: readonly RepresentedKeyframe[],
  frames: FrameSource,
  options: PictureOptions,
  token: CancellationToken,
): Promise<PreparedPictures> {
  const images: ProviderImage[] = [];
  const tiles = new Map<string, readonly Keyframe[]>();
  const perSheet = tilesThatFit(options.maxLongSide, options.tilesPerSheet);
  for (let first = 0; first < keyframes.length; first += perSheet) {
    const group = keyframes.slice(first, first + perSheet);
    const id = randomUUID();
    if (perSheet === 1) {
      const [rgb] = await frames.rgb(group[0]!.keyframe.frame, options.maxLongSide, 1, token);
      const jpeg = await encodeJpeg(rgb!, { maxLongSide: options.maxLongSide }, token);
      images.push({
        id,
        jpegBase64: jpeg.jpeg.toString("base64"),
        width: jpeg.width,
        height: jpeg.height,
        tiles: [{ label: "1" }],
        columns: 1,
        rows: 1,
      });
      tiles.set(`${id}/1`, group[0]!.represents);
      continue;
    }
    const columns = Math.min(group.length, Math.ceil(Math.sqrt(perSheet)));
    const tileWidth = tileWidthFor(options.maxLongSide, columns);
    const decoded = [];
    for (const [i, k] of group.entries()) {
      const [rgb] = await frames.rgb(k.keyframe.frame, tileWidth, 1, token);
      decoded.push({ label: String(i + 1), image: rgb! });
    }
    const sheet = buildContactSheet(decoded, { columns, tileWidth });
    const jpeg = await encodeJpeg(sheet.image, { maxLongSide: options.maxLongSide }, token);
    images.push({
      id,
      jpegBase64: jpeg.jpeg.toString("base64"),
      width: jpeg.width,
      height: jpeg.height,
      tiles: decoded.map((d) => ({ label: d.label })),
      columns: sheet.columns,
      rows: sheet.rows,
    });
    for (const [i, k] of group.entries()) tiles.set(`${id}/${i + 1}`, k.represents);
  }
  return { images, tiles };
}

/** Below this a tile shows a model nothing and its label does not fit; a sheet has fewer tiles instead. */
const MIN_TILE_WIDTH = 32;

/** Gutters take a few pixels per column; the sheet stays within the long-side limit. */
function tileWidthFor(maxLongSide: number, columns: number): number {
  return Math.floor(maxLongSide / columns) - 8;
}

/**
 * Tiles per sheet for a long-side cap: as asked, unless the tiles would be narrower than
 * MIN_TILE_WIDTH (a small cap in the privacy settings); then fewer, down to single pictures.
 */
function tilesThatFit(maxLongSide: number, tilesPerSheet: number): number {
  let perSheet = Math.max(1, tilesPerSheet);
  while (perSheet > 1 && tileWidthFor(maxLongSide, Math.ceil(Math.sqrt(perSheet))) < MIN_TILE_WIDTH) perSheet--;
  return perSheet;
}
