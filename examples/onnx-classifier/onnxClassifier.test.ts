import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ffmpeg, makeTempDir } from "../../engine/test/fixtures.ts";
import { runCli } from "../../engine/test/runCli.ts";
import { colourModel } from "./colourModel.ts";

const EXAMPLE = path.dirname(fileURLToPath(import.meta.url));
const ID = "examples.onnx-classifier";
const FPS = 25;
const SHOT_FRAMES = 2 * FPS;

interface Output {
  clips: Array<{
    shots: Array<{ startFrame: number; endFrame: number }>;
    tags: Array<{
      label: string;
      kind: string;
      source: string;
      confidence: number;
      startFrame: number;
      endFrame: number;
    }>;
    failures: Array<{ analyzer: string; code: string; message: string }>;
  }>;
}

const root = makeTempDir("sichter-onnx-classifier-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const clip = path.join(root, "red-then-blue.mp4");
const model = path.join(root, "colour.onnx");
const labels = path.join(root, "labels.json");

/** Installs `folder` into a fresh SICHTER_HOME with the model and labels configured, then analyzes the clip. */
async function analyzeWith(name: string, folder: string): Promise<Output> {
  const env = { SICHTER_HOME: path.join(root, name) };
  const install = await runCli(["extensions", "install", folder], { env });
  expect(install.code, install.stderr).toBe(0);
  fs.mkdirSync(path.join(env.SICHTER_HOME, "config"), { recursive: true });
  fs.writeFileSync(
    path.join(env.SICHTER_HOME, "config", "extensions.json"),
    JSON.stringify({ disabled: [], settings: { [ID]: { model, labels } } }),
  );
  const result = await runCli(["analyze", clip, "--json", "--no-write"], { env });
  expect(result.stdout, result.stderr).not.toBe("");
  return JSON.parse(result.stdout) as Output;
}

beforeAll(async () => {
  fs.writeFileSync(model, colourModel(224));
  fs.writeFileSync(labels, JSON.stringify(["rot", "grün", "blau"]));
  const seconds = SHOT_FRAMES / FPS;
  await ffmpeg([
    "-f",
    "lavfi",
    "-i",
    `color=c=red:s=320x180:r=${FPS}:d=${seconds}`,
    "-f",
    "lavfi",
    "-i",
    `color=c=blue:s=320x180:r=${FPS}:d=${seconds}`,
    "-filter_complex",
    "[0:v][1:v]concat=n=2:v=1:a=0,format=yuv420p[out]",
    "-map",
    "[out]",
    "-c:v",
    "libx264",
    "-preset",
    "ultrafast",
    clip,
  ]);
}, 60_000);

describe("the ONNX image classifier example", () => {
  it('tags a red shot "rot" and a blue one "blau" with the model the test wrote', async () => {
    const output = await analyzeWith("home", EXAMPLE);
    const result = output.clips[0]!;
    expect(result.failures.filter((f) => f.analyzer === ID)).toEqual([]);
    expect(result.shots.map((s) => [s.startFrame, s.endFrame])).toEqual([
      [0, SHOT_FRAMES],
      [SHOT_FRAMES, 2 * SHOT_FRAMES],
    ]);
    const tags = result.tags.filter((t) => t.kind === "classifier");
    expect(tags).toEqual([
      expect.objectContaining({
        label: "rot",
        kind: "classifier",
        source: "vision",
        startFrame: 0,
        endFrame: SHOT_FRAMES,
      }),
      expect.objectContaining({
        label: "blau",
        kind: "classifier",
        source: "vision",
        startFrame: SHOT_FRAMES,
        endFrame: 2 * SHOT_FRAMES,
      }),
    ]);
    for (const tag of tags) expect(tag.confidence).toBeGreaterThan(0.9);
  });

  it("fails with a clear error, without loading the runtime, when the manifest lacks the permission", async () => {
    const folder = path.join(root, "without-permission");
    fs.cpSync(EXAMPLE, folder, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, "package.json"), "utf8"));
    delete manifest.sichter.permissions;
    fs.writeFileSync(path.join(folder, "package.json"), JSON.stringify(manifest, null, 2));
    const result = (await analyzeWith("home-without-permission", folder)).clips[0]!;
    expect(result.tags.filter((t) => t.kind === "classifier")).toEqual([]);
    expect(result.failures).toEqual([
      expect.objectContaining({
        analyzer: ID,
        code: "SICHTER_E_EXTENSION_FAILED",
        message: expect.stringContaining('"onnxRuntime" permission'),
      }),
    ]);
  });
});
