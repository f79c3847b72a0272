import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureSamples } from "../../bench/samples/ensureSamples.ts";
import { ffmpeg, makeCutClip, makeTempDir } from "./fixtures.ts";
import { runCli } from "./runCli.ts";

let dir: string;
let clip: string;
let home: string;

beforeAll(async () => {
  dir = makeTempDir();
  home = path.join(dir, "home");
  clip = path.join(dir, "cuts.mp4");
  await makeCutClip(clip, [40, 30, 50], {
    codecArgs: ["-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p"],
  });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const env = (): NodeJS.ProcessEnv => ({ SICHTER_HOME: home });

/** A user-facing failure: stable code first, one line, no stack trace. */
function expectCleanError(stderr: string, code: string): void {
  expect(stderr).toMatch(new RegExp(`^${code}: `));
  expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(stderr.trim().split("\n")).toHaveLength(1);
}

describe("sichter probe", () => {
  it("prints JSON with rational rate and keyframes", async () => {
    const r = await runCli(["probe", clip, "--json"], { env: env() });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ frameRate: "25/1", frameCount: 120, codec: "h264", dropFrame: false });
    expect(doc.keyframes).toEqual(expect.arrayContaining([0, 25]));
    expect(doc.frameTimes).toBeUndefined();
  });

  it.each([
    ["missing file", () => path.join(dir, "missing.mov"), "SICHTER_E_FILE_NOT_FOUND"],
    ["directory", () => dir, "SICHTER_E_NOT_A_FILE"],
    ["zero-length", () => writeFile("zero.mp4", ""), "SICHTER_E_PROBE_EMPTY_FILE"],
    ["not a video", () => writeFile("readme.mp4", "hello ".repeat(200)), "SICHTER_E_PROBE_NOT_MEDIA"],
  ])("%s: exit 1 with a stable code", async (_name, file, code) => {
    const r = await runCli(["probe", file(), "--json"], { env: env() });
    expect(r.code).toBe(1);
    expectCleanError(r.stderr, code);
    expect(r.stdout).toBe("");
  });

  it("audio-only file: SICHTER_E_PROBE_NOT_VIDEO", async () => {
    const file = path.join(dir, "voice.wav");
    await ffmpeg(["-f", "lavfi", "-i", "sine=duration=0.5", file]);
    const r = await runCli(["probe", file], { env: env() });
    expect(r.code).toBe(1);
    expectCleanError(r.stderr, "SICHTER_E_PROBE_NOT_VIDEO");
  });

  it("permission denied: SICHTER_E_PERMISSION_DENIED", async () => {
    const file = path.join(dir, "secret.mp4");
    fs.copyFileSync(clip, file);
    fs.chmodSync(file, 0o000);
    // root reads any file regardless of mode bits, so run the CLI as an unprivileged user there.
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      fs.chmodSync(dir, 0o755);
      fs.mkdirSync(home, { recursive: true, mode: 0o777 });
      fs.chmodSync(home, 0o777);
    }
    const r = await runCli(["probe", file], { env: env(), ...(asRoot && { uid: 65534, gid: 65534 }) });
    expect(r.code).toBe(1);
    expectCleanError(r.stderr, "SICHTER_E_PERMISSION_DENIED");
  });

  it("speaks German when asked", async () => {
    const r = await runCli(["probe", path.join(dir, "fehlt.mp4")], { env: { ...env(), SICHTER_LANG: "de" } });
    expect(r.stderr).toContain("SICHTER_E_FILE_NOT_FOUND: Datei nicht gefunden");
  });

  it("usage errors exit 2", async () => {
    const r = await runCli(["probe"], { env: env() });
    expect(r.code).toBe(2);
    expectCleanError(r.stderr, "SICHTER_E_USAGE");
    const unknown = await runCli(["shots", clip, "--bogus"], { env: env() });
    expect(unknown.code).toBe(2);
    expectCleanError(unknown.stderr, "SICHTER_E_USAGE");
  });
});

describe("sichter shots", () => {
  it("prints the documented JSON shape with exact cut frames", async () => {
    const r = await runCli(["shots", clip, "--json"], { env: env() });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ frameRate: "25/1", dropFrame: false, startTimecode: "00:00:00:00", frameCount: 120 });
    expect(doc.file).toBe(fs.realpathSync(clip));
    expect(doc.shots.map((s: { startFrame: number }) => s.startFrame)).toEqual([0, 40, 70]);
    expect(doc.shots[0]).toMatchObject({ index: 0, startFrame: 0, endFrame: 40, transition: null });
    expect(doc.shots[1]).toMatchObject({
      index: 1,
      startFrame: 40,
      endFrame: 70,
      startTimecode: "00:00:01:15",
      transition: { type: "cut", startFrame: 40, endFrame: 40 },
    });
    expect(doc.shots[2].endFrame).toBe(120);
  });

  it("prints a table with timecodes, and no progress bar when piped", async () => {
    const r = await runCli(["shots", clip, "--exact"], { env: env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/00:00:01:15\s+00:00:02:20\s+30\s+cut/);
    expect(r.stderr).toBe("");
  });

  it("works on unicode paths with spaces", async () => {
    const file = path.join(dir, "Bürgerschaft Sitzung – Ausschnitt 1.mp4");
    fs.copyFileSync(clip, file);
    const r = await runCli(["shots", file, "--json"], { env: env() });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).shots).toHaveLength(3);
  });

  it("Ctrl-C cancels: exit 130 and no ffmpeg left running", async () => {
    const long = await sampleClip("h264-gradual-1080p25.mp4");
    const { spawn } = await import("node:child_process");
    const { CLI } = await import("./runCli.ts");
    const child = spawn(process.execPath, [CLI, "shots", long, "--exact"], {
      env: { ...process.env, ...env() },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    await waitFor(() => childFfmpegCount(child.pid!) > 0, 15_000);
    child.kill("SIGINT");
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(130);
    expect(stderr).toContain("SICHTER_E_CANCELLED");
    expect(childFfmpegCount(child.pid!)).toBe(0);
  });
});

describe("sichter keyframes", () => {
  const jobFolders = (): string[] => {
    const temp = path.join(home, "tmp");
    return fs.existsSync(temp) ? fs.readdirSync(temp).filter((n) => n.startsWith("job-")) : [];
  };

  it("writes JPEGs and index.json, and leaves no temporary folder", async () => {
    const out = path.join(dir, "frames");
    const r = await runCli(["keyframes", clip, "--out", out, "--width", "160"], { env: env() });
    expect(r.code).toBe(0);
    const index = JSON.parse(fs.readFileSync(path.join(out, "index.json"), "utf8"));
    expect(index.frameRate).toBe("25/1");
    expect(index.keyframes.length).toBeGreaterThanOrEqual(3);
    for (const k of index.keyframes) expect(fs.existsSync(path.join(out, k.file))).toBe(true);
    expect(jobFolders()).toEqual([]);
  });

  it("refuses an output path that is a file, before any work", async () => {
    const r = await runCli(["keyframes", clip, "--out", clip], { env: env() });
    expect(r.code).toBe(1);
    expectCleanError(r.stderr, "SICHTER_E_OUTPUT_NOT_WRITABLE");
  });

  it("cancelled midway: no temporary folder, no index.json", async () => {
    const long = await sampleClip("h264-cuts-1080p25.mp4");
    const out = path.join(dir, "cancelled");
    const { spawn } = await import("node:child_process");
    const { CLI } = await import("./runCli.ts");
    const child = spawn(process.execPath, [CLI, "keyframes", long, "--out", out], {
      env: { ...process.env, ...env() },
      stdio: ["ignore", "pipe", "pipe"],
    });
    await waitFor(() => jobFolders().length > 0, 15_000);
    child.kill("SIGTERM");
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(130);
    expect(jobFolders()).toEqual([]);
    expect(fs.existsSync(path.join(out, "index.json"))).toBe(false);
  });
});

/** A generated 1080p sample (made by the global setup): long enough to be cancelled midway. */
async function sampleClip(file: string): Promise<string> {
  const set = await ensureSamples();
  return set.samples.find((s) => s.file === file)!.path;
}

function writeFile(name: string, content: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

/** ffmpeg processes whose parent is `pid`, read from /proc. */
function childFfmpegCount(pid: number): number {
  let count = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[1]) === pid && stat.includes("(ffmpeg)")) count++;
    } catch {
      // the process ended while we looked
    }
  }
  return count;
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((r) => setTimeout(r, 20));
  }
}
