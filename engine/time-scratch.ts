import fs from "node:fs";
import { globalMotion } from "./src/analysis/motion/globalMotion.ts";
const W = Number(process.env.W ?? 160), H = (W * 9) / 16;
const raw = fs.readFileSync(`/tmp/motion/h264-news-5min-1080p25.${W}.gray`);
const pic = (f: number) => ({ width: W, height: H, data: Float32Array.from(raw.subarray(f * W * H, (f + 1) * W * H)) });
const t0 = performance.now();
for (let f = 100; f < 500; f++) globalMotion(pic(f), pic(f + 1));
console.log(W, ((performance.now() - t0) / 400).toFixed(2), "ms/pair");
