import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeClip, makeTempDir } from "./fixtures.ts";
import { runCli } from "./runCli.ts";

const require = createRequire(import.meta.url);
const engineDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bundled = {
  ffmpeg: (require("@ffmpeg-installer/ffmpeg") as { path: string }).path,
  ffprobe: (require("@ffprobe-installer/ffprobe") as { path: string }).path,
};

// Root runs any file with one x bit, so as root the checks run as "nobody" (uid/gid 65534, no
// supplementary groups), as another editor on the same machine would; as anyone else the copies
// below are made unrunnable for everyone (mode 0644), which fails the same way for this user.
const asRoot = process.getuid?.() === 0;
const otherUser = asRoot ? { uid: 65534, gid: 65534 } : {};
const unrunnable = asRoot ? 0o744 : 0o644;

let dir: string;
let clip: string;

beforeAll(async () => {
  dir = makeTempDir();
  fs.chmodSync(dir, 0o755);
  clip = await makeClip(path.join(dir, "clip.mp4"), { seconds: 1 });
  fs.chmodSync(clip, 0o644);
  fs.mkdirSync(path.join(dir, "home"), { mode: 0o777 });
  fs.chmodSync(path.join(dir, "home"), 0o777);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The engine's environment without tool overrides, so the bundled binaries are the ones used. */
function bundledToolsEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, SICHTER_HOME: path.join(dir, "home"), ...extra };
  if (!("SICHTER_FFMPEG" in extra)) delete env.SICHTER_FFMPEG;
  if (!("SICHTER_FFPROBE" in extra)) delete env.SICHTER_FFPROBE;
  return env;
}

/** A real copy of the bundled ffprobe with the mode npm gave the pinned package (0744). */
function ffprobeCopy(name: string): string {
  const copy = path.join(dir, name);
  fs.copyFileSync(bundled.ffprobe, copy);
  fs.chmodSync(copy, unrunnable);
  return copy;
}

describe("the bundled ffmpeg and ffprobe", () => {
  it.each(Object.entries(bundled))("%s is installed readable and runnable by every user", (_tool, binary) => {
    expect((fs.statSync(binary).mode & 0o555).toString(8)).toBe("555");
  });

  it("probe works for a user other than the one who installed Sichter", async () => {
    const r = await runCli(["probe", clip, "--json"], { env: bundledToolsEnv(), ...otherUser });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ frameCount: 25, codec: "h264" });
  });

  it("the engine's install step gives every user read and run rights on a tool installed 0744", () => {
    const scripts = (
      JSON.parse(fs.readFileSync(path.join(engineDir, "package.json"), "utf8")) as { scripts?: Record<string, string> }
    ).scripts;
    // npm runs a workspace's own install scripts on every `npm install` and `npm ci` at the root.
    const postinstall = scripts?.postinstall ?? "";
    expect(postinstall).toMatch(/^node scripts\/\S+\.js$/);
    const copy = ffprobeCopy("installed-ffprobe");
    expect(spawnSync(copy, ["-version"], otherUser).error).toMatchObject({ code: "EACCES" });

    const step = spawnSync(process.execPath, [postinstall.split(" ")[1]!, copy], { cwd: engineDir, encoding: "utf8" });
    expect(step.stderr).toBe("");
    expect(step.status).toBe(0);
    expect((fs.statSync(copy).mode & 0o777).toString(8)).toBe("755");
    const run = spawnSync(copy, ["-version"], { ...otherUser, encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^ffprobe version/);
  });
});

describe("a tool this user may not run", () => {
  it("SICHTER_E_TOOL_NOT_EXECUTABLE names the file, its mode and the chmod that fixes it", async () => {
    const copy = ffprobeCopy("locked-ffprobe");
    const r = await runCli(["probe", clip], { env: bundledToolsEnv({ SICHTER_FFPROBE: copy }), ...otherUser });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^SICHTER_E_TOOL_NOT_EXECUTABLE: /);
    expect(r.stderr).toContain(`chmod a+rx "${copy}"`);
    expect(r.stderr).toContain(`mode ${unrunnable.toString(8)}`);
    expect(r.stderr).toContain("SICHTER_FFPROBE");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
