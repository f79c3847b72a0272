import fs from "node:fs";
import { news, newsLong } from "../bench/samples/newsClips.ts";
import { burstPositions, BURST_FRAMES } from "./src/analysis/motion/burstPositions.ts";
import { globalMotion } from "./src/analysis/motion/globalMotion.ts";
import { toPairMotion } from "./src/analysis/motion/classifyMotion.ts";

const W = Number(process.env.W ?? 160), H = (W * 9) / 16;
for (const [file, def] of [["h264-news-1080p25", news], ["h264-news-5min-1080p25", newsLong]] as const) {
  const raw = fs.readFileSync(`/tmp/motion/${file}.${W}.gray`);
  const media = JSON.parse(fs.readFileSync(`/tmp/motion/${file}.media.json`, "utf8"));
  const shots = JSON.parse(fs.readFileSync(`/tmp/motion/${file}.shots.json`, "utf8"));
  const truth = JSON.parse(fs.readFileSync(`/work/main/.samples/${file}.truth.json`, "utf8"));
  const pic = (f: number) => ({ width: W, height: H, data: Float32Array.from(raw.subarray(f * W * H, (f + 1) * W * H)) });
  const only = process.env.SHOTS?.split(",").map(Number);
  for (const m of truth.motion) {
    if (only && !only.includes(m.shot)) continue;
    const t = truth.shots[m.shot];
    const spec = (def.timeline as any).shots[m.shot];
    const look = spec.look;
    const desc = look.kind === "pan" ? `drift ${look.drift ?? ""} shake ${look.shake ?? ""}` : look.kind === "zoom" ? `zoom ${JSON.stringify(look.move)}` : look.kind;
    const shot = shots.find((s: any) => s.startFrame <= (t.startFrame + t.endFrame) / 2 && s.endFrame > (t.startFrame + t.endFrame) / 2);
    console.log(`shot ${m.shot} ${m.type} [${t.startFrame}-${t.endFrame}] det [${shot.startFrame}-${shot.endFrame}] ${desc} ev ${spec.events?.map((e: any) => e.region).join(",")}`);
    for (const at of burstPositions(shot, media.keyframes, 25)) {
      const row: string[] = [];
      for (let f = at + 1; f < Math.min(at + BURST_FRAMES, shot.endFrame); f++) {
        const g = globalMotion(pic(f - 1), pic(f));
        const p = toPairMotion(g, W);
        row.push(`${p.dx.toFixed(1)},${p.dy.toFixed(1)},${p.dz.toFixed(1)}${g.fitsNoMotion ? "s" : ""} r${g.residual.toFixed(0)}`);
      }
      console.log(`  @${at}: ${row.join("  ")}`);
    }
  }
}
