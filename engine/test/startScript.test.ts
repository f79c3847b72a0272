import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensurePanel, panelIsStale } from "../../scripts/panelBuild.js";
import { SAMPLE_CLIP, namesMediaFolders, offerSamples } from "../../scripts/sampleMedia.js";
import { makeTempDir } from "./fixtures.ts";

/** `npm start`: when it builds the browser panel, and what it runs and prints. */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
let dir: string;

beforeAll(() => {
  dir = makeTempDir("sichter-start-");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A panel package with one source file and, optionally, a build of it; times in seconds since 2025. */
function panel(
  name: string,
  times: { source: number; dist?: number },
): { ui: string; dist: string; sources: string[] } {
  const ui = path.join(dir, name);
  const source = path.join(ui, "src", "main.tsx");
  fs.mkdirSync(path.dirname(source), { recursive: true });
  fs.writeFileSync(source, "export {};\n");
  const at = (s: number): number => Date.UTC(2025, 0, 1) / 1000 + s;
  fs.utimesSync(source, at(times.source), at(times.source));
  const dist = path.join(ui, "dist");
  if (times.dist !== undefined) {
    fs.mkdirSync(dist, { recursive: true });
    fs.writeFileSync(path.join(dist, "index.html"), "<!doctype html>old");
    fs.utimesSync(path.join(dist, "index.html"), at(times.dist), at(times.dist));
  }
  return { ui, dist, sources: [path.join(ui, "src")] };
}

/** The build `npm run build:panel` would do, reduced to writing its index. */
const writesIndex = (dist: string) => (): boolean => {
  fs.mkdirSync(dist, { recursive: true });
  fs.writeFileSync(path.join(dist, "index.html"), "<!doctype html>new");
  return true;
};

describe("npm start builds the panel only when it must", () => {
  it("builds when there is no build yet", () => {
    const p = panel("none", { source: 10 });
    expect(ensurePanel({ distDir: p.dist, sources: p.sources, build: writesIndex(p.dist) })).toEqual({
      dir: p.dist,
      built: true,
      problem: null,
    });
    expect(fs.readFileSync(path.join(p.dist, "index.html"), "utf8")).toContain("new");
  });

  it("serves a build newer than every source as it is", () => {
    const p = panel("fresh", { source: 10, dist: 20 });
    let built = false;
    expect(ensurePanel({ distDir: p.dist, sources: p.sources, build: () => (built = true) })).toEqual({
      dir: p.dist,
      built: false,
      problem: null,
    });
    expect(built).toBe(false);
  });

  it("builds again when a source is newer than the build, but not for a changed test", () => {
    const p = panel("stale", { source: 10, dist: 20 });
    const testFile = path.join(p.ui, "src", "main.test.tsx");
    fs.writeFileSync(testFile, "");
    expect(panelIsStale(p.dist, p.sources)).toBe(false);
    fs.utimesSync(path.join(p.ui, "src", "main.tsx"), new Date(), new Date());
    expect(panelIsStale(p.dist, p.sources)).toBe(true);
    expect(ensurePanel({ distDir: p.dist, sources: p.sources, build: writesIndex(p.dist) }).built).toBe(true);
  });

  it("falls back to the previous build when building fails, and to none without one", () => {
    const stale = panel("failing", { source: 30, dist: 20 });
    expect(ensurePanel({ distDir: stale.dist, sources: stale.sources, build: () => false })).toMatchObject({
      dir: stale.dist,
      built: false,
      problem: expect.stringContaining("failed"),
    });
    const none = panel("failing-none", { source: 30 });
    expect(ensurePanel({ distDir: none.dist, sources: none.sources, build: () => false })).toMatchObject({
      dir: null,
      problem: expect.stringContaining("failed"),
    });
  });
});

describe("npm start", () => {
  it("runs the engine with the panel and prints one pairing link, the token in its fragment only", async () => {
    const home = path.join(dir, "home");
    const panelDir = path.join(dir, "built-panel");
    fs.mkdirSync(panelDir);
    fs.writeFileSync(path.join(panelDir, "index.html"), "<!doctype html><title>Sichter test panel</title>");
    const samples = path.join(dir, "samples-with-a-clip");
    fs.mkdirSync(samples);
    fs.writeFileSync(path.join(samples, "clip.mp4"), "");
    const child = spawn(
      process.execPath,
      [path.join(root, "scripts", "start.js"), "--port", "0", "--panel", panelDir],
      {
        env: { ...process.env, SICHTER_HOME: home, SICHTER_LANG: "en", SICHTER_SAMPLES: samples },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout!.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr!.on("data", (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      await expect.poll(() => /#token=/.test(output), { timeout: 30_000 }).toBe(true);
      const token = fs.readFileSync(path.join(home, "config", "engine-token"), "utf8").trim();
      const links = output.match(/https?:\/\/\S+/g) ?? [];
      expect(links).toHaveLength(1);
      const link = new URL(links[0]!);
      expect(link.hash).toBe(`#token=${token}`);
      expect(link.search).toBe("");
      expect(output.split(token)).toHaveLength(2);
      const page = await fetch(`${link.origin}/`);
      expect(await page.text()).toContain("Sichter test panel");
      // Without --media the newcomer's panel may browse the samples; a folder holding a clip is not regenerated.
      expect(output).toContain(`Folders the panel may browse:\n    ${samples}\n`);
      expect(output).not.toContain("Generating a sample");
      expect(output).toContain("`npx sichter token`");
    } finally {
      child.kill("SIGINT");
      expect(await exited).toBe(0);
    }
  }, 60_000);
});

describe("npm start offers sample media", () => {
  it("generates one sample clip in the background when the samples folder has none, and names --media folders as given", () => {
    const empty = path.join(dir, "samples-empty");
    const offer = offerSamples(root, { env: { SICHTER_SAMPLES: empty }, log: () => {} });
    try {
      expect(offer.dir).toBe(empty);
      expect(fs.statSync(empty).isDirectory()).toBe(true);
      expect(offer.generating).not.toBeNull();
      expect(offer.child?.spawnargs).toEqual(expect.arrayContaining(["--dir", empty, "--only", SAMPLE_CLIP]));
    } finally {
      offer.stop();
    }
    expect(namesMediaFolders(["--port", "0", "--media", "/x"])).toBe(true);
    expect(namesMediaFolders(["--media=/x"])).toBe(true);
    expect(namesMediaFolders(["--panel", "/p"])).toBe(false);
  });
});
