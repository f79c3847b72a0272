import fs from "node:fs";
import { probeMedia } from "./src/media/probeMedia.ts";
import { detectShots } from "./src/analysis/shots/ShotDetector.ts";
import { mediaFrameSource } from "./src/media/FrameSource.ts";
import { MotionAnalyzer } from "./src/analysis/motion/MotionAnalyzer.ts";

const files = process.argv.slice(2);
for (const file of files.length ? files : ["h264-news-1080p25", "h264-news-5min-1080p25"]) {
  const path = `/work/main/.samples/${file}.mp4`;
  const truth = JSON.parse(fs.readFileSync(`/work/main/.samples/${file}.truth.json`, "utf8"));
  const media = await probeMedia(path);
  const cache = `/tmp/motion/${file}.shots.json`;
  let shots;
  if (fs.existsSync(cache)) shots = JSON.parse(fs.readFileSync(cache, "utf8"));
  else {
    shots = (await detectShots(media)).shots;
    fs.writeFileSync(cache, JSON.stringify(shots));
  }
  const t0 = performance.now();
  const { tags } = await new MotionAnalyzer().analyze({ media, shots, keyframes: [], frames: mediaFrameSource(media), language: "en" });
  const ms = performance.now() - t0;
  let right = 0;
  const confusion = new Map<string, number>();
  for (const m of truth.motion) {
    const s = truth.shots[m.shot];
    let best = "none", bestOverlap = 0;
    const parts: string[] = [];
    for (const t of tags) {
      const o = Math.min(t.endFrame, s.endFrame) - Math.max(t.startFrame, s.startFrame);
      if (o > 0) parts.push(`${t.kind.slice(7)}(${t.confidence})[${t.startFrame}-${t.endFrame}] ${t.provenance[0]?.evidence ?? ""}`);
      if (o > bestOverlap) { bestOverlap = o; best = t.kind.slice(7); }
    }
    const ok = best === m.type;
    if (ok) right++;
    const key = `${m.type} -> ${best}`;
    confusion.set(key, (confusion.get(key) ?? 0) + 1);
    if (!ok || process.env.ALL) console.log(`${ok ? "  " : "XX"} shot ${m.shot} [${s.startFrame}-${s.endFrame}] ${m.type}: ${parts.join(" | ")}`);
  }
  console.log(`${file}: ${right}/${truth.motion.length} in ${(ms / 1000).toFixed(2)} s`);
  console.log([...confusion].filter(([k]) => k.split(" -> ")[0] !== k.split(" -> ")[1]).map(([k, v]) => `${k}: ${v}`).join("; "));
}
