import {
  type MediaInfo,
  type AnalysisInput,
  type Analyzer,
  CancellationToken,
  Progress,
  type ExtensionAnalysisInput,
  type ExtensionAnalyzer,
  type SichterApi,
} from "@sichter/engine/extension-api";
import { describe, expect, it } from "vitest";
import { registerBuiltinAnalyzer } from "./registerBuiltinAnalyzer.ts";

/** Registers a recording analyzer the way a built-in extension does and returns what it was given. */
async function inputSeenBy(input: ExtensionAnalysisInput): Promise<AnalysisInput> {
  let seen: AnalysisInput | undefined;
  const recorder: Analyzer = {
    id: "test.recorder",
    version: "1.0.0",
    async analyze(given) {
      seen = given;
      return { tags: [] };
    },
  };
  let registered: ExtensionAnalyzer | undefined;
  const api = {
    analyzers: { register: (_id: string, analyzer: ExtensionAnalyzer) => ((registered = analyzer), { dispose() {} }) },
  } as unknown as SichterApi;
  registerBuiltinAnalyzer(api, recorder);
  await registered!.analyze(input, Progress.None, CancellationToken.None);
  return seen!;
}

// The fields the adapter could touch; the rest of the probe result does not matter here.
const media = {
  path: "/clips/a.mp4",
  keyframes: [0, 50],
  frameRate: "25/1",
  frameCount: 100,
  durationSeconds: 4,
  width: 1920,
  height: 1080,
} as unknown as MediaInfo;
const base = { media, shots: [], keyframes: [], language: "de" as const, frames: { rgb: async () => [] } };

describe("a built-in analyzer behind the extension API", () => {
  it("gets the index of the job's frame store as it arrived (built-ins only: the engine sends it to no other)", async () => {
    const frameStore = {
      pictures: [
        {
          file: "/temp/job-1/keyframes.small.rgb",
          width: 64,
          height: 36,
          pixelFormat: "rgb24" as const,
          spans: [[0, 1] as const, [50, 1] as const],
        },
      ],
    };
    const input = { ...base, frameStore };
    const seen = await inputSeenBy(input);
    expect(seen.frameStore).toBe(frameStore);
    expect(seen.media).toBe(media);
    expect(typeof seen.frames.rgb).toBe("function");
  });

  it("gets none when the shot step made none", async () => {
    expect((await inputSeenBy(base)).frameStore).toBeUndefined();
  });
});
