import fs from "node:fs";
import { readFrames } from "./src/media/FrameReader.ts";
const [file, w, h] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4])];
const out = fs.openSync(`/tmp/motion/${file}.${w}.gray`, "w");
let n = 0;
for await (const f of readFrames({ file: `/work/main/.samples/${file}.mp4`, geometry: { width: w, height: h, pixelFormat: "gray" }, fastDecode: true })) { fs.writeSync(out, f); n++; }
console.log(file, w, n);
