import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "@sichter/shared/errors";
import { makeCutClip, makeTempDir } from "../../test/fixtures.ts";
import type { Analyzer } from "../extensionApi/Analyzer.ts";
import { CancellationTokenSource } from "../core/Cancellation.ts";
import { isSichterError, SichterError } from "../core/SichterError.ts";
import { keyframeSelection, shotDetection } from "../../extensions/shots/stages.ts";
import { analyzeClip } from "./analyzeClip.ts";

let dir: string;
let clip: string;

beforeAll(async () => {
  dir = makeTempDir();
  process.env.SICHTER_HOME = path.join(dir, "home");
  clip = path.join(dir, "clip.mp4");
  await makeCutClip(clip, [50, 60, 40]);
});
afterAll(() => {
  delete process.env.SICHTER_HOME;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Stands in for OCR: "reads" a lower third in the second shot. */
const reader: Analyzer = {
  id: "test.reader",
  version: "1",
  async analyze(input) {
    const shot = input.shots[1]!;
    return {
      tags: [
        {
          label: "LANDTAG BRANDENBURG – Sitzung",
          kind: "ocr.line",
          language: input.language,
          source: "ocr",
          confidence: 0.8,
          startFrame: shot.startFrame + 5,
          endFrame: shot.endFrame - 5,
          status: "suggested",
          provenance: [{ producer: "test.reader" }],
        },
      ],
      text: [{ startFrame: shot.startFrame + 5, endFrame: shot.endFrame - 5, text: "LANDTAG BRANDENBURG – Sitzung" }],
    };
  },
};

const broken: Analyzer = {
  id: "test.broken",
  version: "1",
  async analyze() {
    throw new SichterError(ErrorCode.OCR_MODEL_UNAVAILABLE, { detail: "weights missing" });
  },
};

// The built-in first steps, in this process: this test is about the pipeline, not the extension host.
const steps = { shotDetection, keyframeSelection };

const jobFolders = (): string[] => {
  const temp = path.join(dir, "home", "tmp");
  return fs.existsSync(temp) ? fs.readdirSync(temp).filter((n) => n.startsWith("job-")) : [];
};

describe("analyzeClip", () => {
  it("runs every analyzer, keeps going past a failing one, and turns read text into keywords", async () => {
    const kept: string[] = [];
    const result = await analyzeClip(clip, {
      ...steps,
      analyzers: [broken, reader],
      language: "de",
      fingerprint: async () => "fp",
      keepKeyframe: (_k, file) => kept.push(fs.existsSync(file) ? "exists" : "missing"),
    });
    expect(result.tagSet.shots.map((s) => s.startFrame)).toEqual([0, 50, 110]);
    expect(result.failures).toEqual([
      {
        analyzer: "test.broken",
        code: ErrorCode.OCR_MODEL_UNAVAILABLE,
        message: expect.stringContaining("weights missing"),
      },
    ]);
    expect(result.plan.keywords).toEqual(["Landtag Brandenburg", "Sitzung"]);
    expect(
      result.tagSet.tags.filter((t) => t.kind === "keyword").every((t) => t.startFrame === 55 && t.endFrame === 105),
    ).toBe(true);
    expect(result.tagSet.ocrText).toHaveLength(1);
    expect(kept.length).toBeGreaterThanOrEqual(3);
    expect(kept.every((k) => k === "exists")).toBe(true);
    expect(jobFolders()).toEqual([]);
  });

  it("hands analyzers the job's frame store: the shot step's keyframe frames in a file of the job folder that goes with it", async () => {
    let seen: { file: string; count: number; width: number; size: number; others: string[] } | undefined;
    const looker: Analyzer = {
      id: "test.looker",
      version: "1",
      async analyze(input) {
        const pictures = input.frameStore?.pictures ?? [];
        const f = pictures.find((p) => path.basename(p.file) === "keyframes.rgb");
        const others = pictures
          .filter((p) => p !== f && p.width === f?.width && fs.existsSync(p.file))
          .map((p) => p.file);
        if (f) seen = { file: f.file, count: f.spans.length, width: f.width, size: fs.statSync(f.file).size, others };
        return { tags: [] };
      },
    };
    // Keyframes to pass: the shot step's keyframe pass runs only where there are several.
    const gop = path.join(dir, "gop.mp4");
    await makeCutClip(gop, [50, 60, 40], {
      codecArgs: ["-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p"],
    });
    const result = await analyzeClip(gop, {
      ...steps,
      analyzers: [looker],
      language: "de",
      fingerprint: async () => "fp",
    });
    expect(result.media.keyframes.length).toBeGreaterThan(2);
    expect(seen).toBeDefined();
    expect(seen!.count).toBe(result.media.keyframes.length);
    expect(seen!.width).toBe(320);
    expect(seen!.size).toBe(seen!.count * 320 * 180 * 3);
    expect(path.dirname(path.dirname(seen!.file))).toBe(path.join(dir, "home", "tmp"));
    // The frames kept besides the keyframes (the cut at 110 is x264's keyframe): beside them, and gone with them.
    expect(seen!.others.length).toBeGreaterThan(0);
    expect(seen!.others.every((file) => path.dirname(file) === path.dirname(seen!.file))).toBe(true);
    expect(fs.existsSync(seen!.file)).toBe(false);
    expect(seen!.others.some((file) => fs.existsSync(file))).toBe(false);
    expect(jobFolders()).toEqual([]);
  });

  it("prepares every step when the job starts, before shots are found; a failed preparation is left to the step's own call", async () => {
    const events: string[] = [];
    const prepared =
      (name: string, fails = false) =>
      async () => {
        events.push(`prepare ${name}`);
        if (fails) throw new Error(`${name} cannot start`);
      };
    const early: Analyzer = { ...reader, id: "test.early", prepare: prepared("early") };
    const failing: Analyzer = { ...broken, prepare: prepared("broken", true) };
    const result = await analyzeClip(clip, {
      shotDetection: {
        id: shotDetection.id,
        version: shotDetection.version,
        prepare: prepared("shots"),
        detect: (...args) => (events.push("detect"), shotDetection.detect(...args)),
      },
      keyframeSelection: {
        id: keyframeSelection.id,
        version: keyframeSelection.version,
        prepare: prepared("keyframes"),
        select: (...args) => keyframeSelection.select(...args),
      },
      analyzers: [early, failing],
      language: "de",
      fingerprint: async () => "fp",
    });
    expect(events).toEqual(["prepare shots", "prepare keyframes", "prepare early", "prepare broken", "detect"]);
    // The analyzer whose preparation failed still ran, and reported its own error.
    expect(result.failures.map((f) => f.code)).toEqual([ErrorCode.OCR_MODEL_UNAVAILABLE]);
    expect(result.tagSet.ocrText).toHaveLength(1);
  });

  it("starts an analyzer that needs only shots beside keyframe selection, and one that needs keyframes after it", async () => {
    const events: string[] = [];
    let release!: () => void;
    const selectionHeld = new Promise<void>((resolve) => (release = resolve));
    const onShots: Analyzer = {
      id: "test.on-shots",
      version: "1",
      startsAfter: "shots",
      async analyze(input) {
        events.push(`on-shots starts with ${input.keyframes.length} keyframes and ${input.shots.length} shots`);
        // Keyframe selection waits for this analyzer: it can only end if this one started first.
        release();
        return { tags: [] };
      },
    };
    const onKeyframes: Analyzer = {
      id: "test.on-keyframes",
      version: "1",
      async analyze(input) {
        events.push(`on-keyframes starts with ${input.keyframes.length > 0 ? "keyframes" : "none"}`);
        return { tags: [] };
      },
    };
    const result = await analyzeClip(clip, {
      shotDetection,
      keyframeSelection: {
        id: keyframeSelection.id,
        version: keyframeSelection.version,
        select: async (...args) => {
          await selectionHeld;
          const selected = await keyframeSelection.select(...args);
          events.push("keyframes chosen");
          return selected;
        },
      },
      analyzers: [onKeyframes, onShots],
      language: "de",
      fingerprint: async () => "fp",
    });
    expect(events).toEqual([
      "on-shots starts with 0 keyframes and 3 shots",
      "keyframes chosen",
      "on-keyframes starts with keyframes",
    ]);
    expect(result.failures).toEqual([]);
  });

  it("keyframe selection fails: the analyzers already running are cancelled and awaited before the error, no folder left", async () => {
    let state = "not started";
    const onShots: Analyzer = {
      id: "test.on-shots",
      version: "1",
      startsAfter: "shots",
      analyze: (_input, _progress, token) =>
        new Promise((_resolve, reject) => {
          state = "running";
          token.onCancellationRequested(() =>
            setTimeout(() => ((state = "stopped"), reject(new SichterError(ErrorCode.CANCELLED))), 50),
          );
        }),
    };
    const error = await analyzeClip(clip, {
      shotDetection,
      keyframeSelection: {
        id: keyframeSelection.id,
        version: keyframeSelection.version,
        select: async () => {
          await new Promise((resolve) => setTimeout(resolve, 20));
          throw new SichterError(ErrorCode.TOOL_FAILED, { tool: "ffmpeg", path: clip, detail: "broken burst" });
        },
      },
      analyzers: [onShots],
      language: "de",
      fingerprint: async () => "fp",
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isSichterError(error, ErrorCode.TOOL_FAILED)).toBe(true);
    expect(state).toBe("stopped");
    expect(jobFolders()).toEqual([]);
  });

  it("cancelled: CANCELLED and no temporary folder left", async () => {
    const cts = new CancellationTokenSource();
    const stopper: Analyzer = { id: "test.stopper", version: "1", analyze: async () => (cts.cancel(), { tags: [] }) };
    const error = await analyzeClip(
      clip,
      { ...steps, analyzers: [stopper, reader], language: "en", fingerprint: async () => "fp" },
      undefined,
      cts.token,
    ).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isSichterError(error, ErrorCode.CANCELLED)).toBe(true);
    expect(jobFolders()).toEqual([]);
  });
});
