import { CancellationToken } from "../core/Cancellation.ts";
import { startTool } from "./ToolProcess.ts";

/**
 * Decodes one tiny frame. A container can have a perfect index and garbage payload (a truncated
 * upload, a disk error); this is the cheapest proof that the stream really decodes.
 */
export async function decodesFirstFrame(file: string, token = CancellationToken.None): Promise<boolean> {
  const run = startTool(
    "ffmpeg",
    [
      "-v", "error", "-nostdin", "-i", file, "-map", "0:v:0", "-frames:v", "1",
      "-vf", "scale=8:8,format=gray", "-f", "rawvideo", "pipe:1",
    ],
    token,
  );
  let bytes = 0;
  run.stdout.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
  });
  const exit = await run.exit;
  return exit.code === 0 && bytes >= 64;
}
