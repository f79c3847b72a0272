import { runTool } from "../../src/media/ToolProcess.ts";
import type { TestColour } from "./decodeJpeg.ts";

/**
 * Test pictures made by ffmpeg from lavfi colour sources: a plain keyframe of one colour, or a
 * contact-sheet-like grid of coloured tiles. Labels are not drawn: the simulators read the grid and
 * the labels from the prompt, as a real model reads them from the prompt too.
 */
export async function solidJpeg(colour: TestColour, width = 64, height = width): Promise<Buffer> {
  return encode(["-f", "lavfi", "-i", `color=c=${colour}:s=${width}x${height}`]);
}

/**
 * A grid of `colours` (rows of tile colours, reading order), each tile `tile` pixels square, joined
 * with xstack. A short last row is padded with black tiles, as a contact sheet leaves cells empty.
 */
export async function gridJpeg(colours: readonly (readonly TestColour[])[], tile = 48): Promise<Buffer> {
  const columns = Math.max(...colours.map((row) => row.length));
  const cells = colours.flatMap((row) => [...row, ...Array<TestColour>(columns - row.length).fill("black")]);
  if (cells.length === 1) return solidJpeg(cells[0]!, tile);
  const inputs = cells.flatMap((colour) => ["-f", "lavfi", "-i", `color=c=${colour}:s=${tile}x${tile}`]);
  const layout = cells.map((_, i) => `${(i % columns) * tile}_${Math.floor(i / columns) * tile}`).join("|");
  const pads = cells.map((_, i) => `[${i}:v]`).join("");
  return encode([
    ...inputs,
    "-filter_complex",
    `${pads}xstack=inputs=${cells.length}:layout=${layout}[out]`,
    "-map",
    "[out]",
  ]);
}

async function encode(inputArgs: string[]): Promise<Buffer> {
  const run = await runTool("ffmpeg", [
    "-v",
    "error",
    "-nostdin",
    ...inputArgs,
    "-frames:v",
    "1",
    "-q:v",
    "3",
    "-f",
    "mjpeg",
    "pipe:1",
  ]);
  if (run.code !== 0 || run.output.length === 0) throw new Error(`ffmpeg could not make the test JPEG: ${run.stderr}`);
  return run.output;
}
