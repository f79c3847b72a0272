import { parseArgs } from "node:util";
import { analysisBenchmark } from "./analysisBenchmark.ts";
import { shotsBenchmark } from "./shotsBenchmark.ts";
import { searchBenchmark } from "./searchBenchmark.ts";
import type { NewsroomPart } from "./newsroomBenchmark.ts";

const help = `Usage: npm run bench -- <shots|analysis|ocr|ocr-formats|keywords|motion|search|service|cloud|panel|newsroom> [options]

  shots      precision/recall/F1 and speed of Sichter's shot detection (fast and exact) against
             ffmpeg's scene filter on the generated samples, plus peak memory on a 10-minute clip
             --quick  leave out the 10-minute clip;  --json  raw rows after the table
             --random N --seed S [--seconds T]  instead: N clips drawn at random from seeds S..S+N-1
             (about T s each, default 20; cached in .samples/random), F1 per source and transition
             family, false transitions per 10 min, the worst clip, speed against ffmpeg's scene
             filter. Seeds 1000-1999 are for tuning; 2000 and above are held out: report on them,
             never tune on them
  analysis   the whole local analysis on the generated 5-minute news clip, as multiple of real time
  ocr        OCR word accuracy on generated lower thirds (German and English) and time per frame
  keywords   keyword precision, lower-third word recall and overlays turned into keywords per family
             of generated re-broadcast news (corner logos, URL watermarks, clocks, tickers, 480x270
             and 640x360 heavily compressed, busy backgrounds, small fonts)
             --seed S --count N  the clips of seeds S..S+N-1 (default 2000, 10); tune on 1000-1999,
             report on 2000 and above
  motion     camera motion on generated clips of each motion family (zoom then pan, wipe, fade to
             black, noisy webcam, busy texture, handheld, plain moves), each as H.264, ProRes and
             MJPEG: share of segments tagged right, left untagged and given a false tag, and whether
             the three codecs got the same tags
             --seed S --count N  seeds S..S+N-1 per family (default 2000, 5)
  ocr-formats  OCR and analysis time per minute of the same picture in H.264, ProRes and MJPEG,
             side by side in one run, with ratios to H.264 and whether the keywords are the same
  search     search latency p50/p95 on a generated catalog (default 100,000 clips, 1,000,000 tags),
             index build rate and size on disk;  --clips N  a smaller catalog
  service    round trips of engine.info and catalog.search over the engine's WebSocket at 1, 10 and
             50 clients, against the same handlers called in-process;  --clips N  catalog size;
             then the engine's memory at rest (engine and child processes) after two analyses,
             before and after the extension processes' idle timeout (10 s in the benchmark)
  cloud      requests, images, bytes and tokens per minute of footage that cloud keywording sends
             (OpenAI simulator on loopback) with single keyframes, dedupe and contact sheets, on the
             generated news clips (30 s and 5 min);  --quick  the 30 s clip only
  panel      the panel in Debian's chromium against a real engine: first usable paint after opening
             the pairing link (peer: a static empty page), its JavaScript gzipped, the review of the
             5-minute news clip rendered and scrolled (dropped frames), each against its target
  newsroom   on a throwaway PostgreSQL cluster: search p50/p95 on PostgreSQL and SQLite side by side
             over the same generated archive (default 100,000 clips, 1,000,000 tags), 2 sichter
             workers against 1 (each pinned to one core with taskset; runs of 1, 2, 2, 1 workers,
             wall time and the CPU time their processes used) on a batch of real analyses, and the
             shared queue's overhead per job;  --clips N  a smaller archive;  --part search,workers,queue
             only those parts`;

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      quick: { type: "boolean" },
      json: { type: "boolean" },
      clips: { type: "string" },
      part: { type: "string", multiple: true },
      random: { type: "string" },
      seed: { type: "string" },
      count: { type: "string" },
      seconds: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    allowPositionals: true,
  });
  const which = positionals[0] ?? "shots";
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  if (values.help) {
    process.stdout.write(`${help}\n`);
    return 0;
  }
  switch (which) {
    case "shots": {
      if (values.random !== undefined) {
        const { randomShotsBenchmark } = await import("./random/randomShotsBenchmark.ts");
        const { rows, table } = await randomShotsBenchmark({
          count: Number(values.random),
          seed: Number(values.seed ?? 2000),
          ...(values.seconds !== undefined && { seconds: Number(values.seconds) }),
          log,
        });
        process.stdout.write(`${table}\n`);
        if (values.json)
          process.stdout.write(
            `${JSON.stringify(
              rows.map((r) => ({
                ...r,
                score: {
                  ...r.score,
                  byShotFamily: Object.fromEntries(r.score.byShotFamily),
                  byTransition: Object.fromEntries(r.score.byTransition),
                },
              })),
              null,
              2,
            )}\n`,
          );
        return 0;
      }
      const { rows, table } = await shotsBenchmark({ long: !values.quick, log });
      process.stdout.write(`${table}\n`);
      if (values.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      return 0;
    }
    case "analysis":
      process.stdout.write(`${await analysisBenchmark({ log })}\n`);
      return 0;
    case "ocr": {
      const { ocrBenchmark } = await import("./ocrBenchmark.ts");
      process.stdout.write(`${await ocrBenchmark({ log })}\n`);
      return 0;
    }
    case "ocr-formats": {
      const { ocrFormatsBenchmark } = await import("./ocrFormatsBenchmark.ts");
      process.stdout.write(`${await ocrFormatsBenchmark({ log })}\n`);
      return 0;
    }
    case "keywords": {
      const { keywordBenchmark } = await import("./keywords/keywordBenchmark.ts");
      process.stdout.write(
        `${await keywordBenchmark({ seed: Number(values.seed ?? 2000), count: Number(values.count ?? 10), log })}\n`,
      );
      return 0;
    }
    case "motion": {
      const { motionBenchmark } = await import("./motion/motionBenchmark.ts");
      process.stdout.write(
        `${await motionBenchmark({ seed: Number(values.seed ?? 2000), count: Number(values.count ?? 5), log })}\n`,
      );
      return 0;
    }
    case "search":
      process.stdout.write(
        `${await searchBenchmark({ log, ...(values.clips !== undefined && { clips: Number(values.clips) }) })}\n`,
      );
      return 0;
    case "service": {
      const { serviceBenchmark } = await import("./serviceBenchmark.ts");
      process.stdout.write(
        `${await serviceBenchmark({ log, ...(values.clips !== undefined && { clips: Number(values.clips) }) })}\n`,
      );
      return 0;
    }
    case "cloud": {
      const { cloudBenchmark, CLOUD_CLIPS } = await import("./cloudBenchmark.ts");
      process.stdout.write(
        `${await cloudBenchmark({ log, ...(values.quick && { clips: CLOUD_CLIPS.slice(0, 1) }) })}\n`,
      );
      return 0;
    }
    case "panel": {
      const { panelBenchmark } = await import("./panel/panelBenchmark.ts");
      process.stdout.write(`${await panelBenchmark({ log })}\n`);
      return 0;
    }
    case "newsroom": {
      const { newsroomBenchmark, NEWSROOM_PARTS } = await import("./newsroomBenchmark.ts");
      const parts = values.part?.flatMap((p) => p.split(","));
      const unknown = parts?.find((p) => !(NEWSROOM_PARTS as readonly string[]).includes(p));
      if (unknown !== undefined) {
        process.stderr.write(`unknown part "${unknown}" (${NEWSROOM_PARTS.join(", ")})\n`);
        return 2;
      }
      process.stdout.write(
        `${await newsroomBenchmark({
          log,
          ...(values.clips !== undefined && { clips: Number(values.clips) }),
          ...(parts && { parts: parts as NewsroomPart[] }),
        })}\n`,
      );
      return 0;
    }
    default:
      process.stdout.write(`${help}\n`);
      return 2;
  }
}
