import { CancellationToken } from "../core/Cancellation.ts";
import { runTool } from "./ToolProcess.ts";

/**
 * Decodes one tiny frame. A container can have a perfect index and garbage payload (a truncated
 * upload, a disk error); this is the cheapest proof that the stream really decodes.
 */
export async function decodesFirstFrame(file: string, token = CancellationToken.None): Promise<boolean> {
  const exit = await runTool(
    "ffmpeg",
    [
      "-v",
      "error",
      "-nostdin",
      "-i",
      file,
      "-map",
      "0:v:0",
      "-frames:v",
      "1",
      "-vf",
      "scale=8:8,format=gray",
      "-f",
      "rawvideo",
      "pipe:1",
    ],
    token,
  );
  return exit.code === 0 && exit.output.length >= 64;
}
