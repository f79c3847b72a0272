import fs from "node:fs";
import { probeMedia } from "./src/media/probeMedia.ts";
const out: Record<string, unknown> = {};
for (const file of ["h264-news-1080p25", "h264-news-5min-1080p25"]) {
  const m = await probeMedia(`/work/main/.samples/${file}.mp4`);
  fs.writeFileSync(`/tmp/motion/${file}.media.json`, JSON.stringify(m));
  console.log(file, m.keyframes.length, m.keyframes.slice(0, 20));
}
