import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ffmpeg, makeTempDir } from "./fixtures.ts";
import { runCli } from "./runCli.ts";

/**
 * Follows the tutorial in docs/extensions.md as written: its files are the fenced blocks with a
 * `title="<path>"` info string, installed with the real CLI and run on a clip of one dark and one
 * bright shot. If the doc's code or commands stop working, this fails.
 */
const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../docs/extensions.md");
const doc = fs.readFileSync(DOC, "utf8");

interface DocFile {
  readonly language: string;
  readonly title: string;
  readonly content: string;
}

/** Fenced blocks whose info string names a file: ```js title="my-analyzer/extension.mjs" */
function tutorialFiles(markdown: string): DocFile[] {
  const files: DocFile[] = [];
  const fence = /^```(\S+)[ \t]+title="([^"]+)"[ \t]*\n([\s\S]*?)^```[ \t]*$/gm;
  for (const match of markdown.matchAll(fence))
    files.push({ language: match[1]!, title: match[2]!, content: match[3]! });
  return files;
}

const files = tutorialFiles(doc);
const root = makeTempDir("sichter-tutorial-");
const home = path.join(root, "home");
const env = { SICHTER_HOME: home };
const cwd = root;

const manifestFile = files.find((f) => f.title.endsWith("/package.json"));
const manifest = manifestFile
  ? (JSON.parse(manifestFile.content) as {
      name: string;
      version: string;
      publisher: string;
      sichter: { main: string; contributes: { analyzers: Array<{ id: string }> } };
    })
  : undefined;
const extensionId = manifest ? `${manifest.publisher}.${manifest.name}` : "";
const analyzerId = manifest?.sichter.contributes.analyzers[0]?.id ?? "";
const folder = manifestFile ? path.dirname(manifestFile.title) : "";

interface AnalyzeOutput {
  clips: Array<{
    shots: Array<{ index: number; startFrame: number; endFrame: number }>;
    tags: Array<{
      label: string;
      kind: string;
      language: string;
      source: string;
      status: string;
      confidence: number;
      startFrame: number;
      endFrame: number;
    }>;
    failures: Array<{ analyzer: string; code: string; message: string }>;
  }>;
}

async function analyzeJson(lang: "de" | "en"): Promise<AnalyzeOutput> {
  const result = await runCli(["analyze", "clip.mp4", "--json", "--no-write", "--lang", lang], { cwd, env });
  expect(result.stderr).not.toContain("SICHTER_E_");
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as AnalyzeOutput;
}

const ownTags = (output: AnalyzeOutput) => output.clips[0]!.tags.filter((t) => t.kind === analyzerId);

beforeAll(async () => {
  for (const file of files) {
    const target = path.resolve(root, file.title);
    if (!target.startsWith(root + path.sep)) throw new Error(`tutorial file ${file.title} points outside its folder`);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, file.content);
  }
  // The tutorial's clip: 2 s black, then 2 s white (25 fps): shots [0, 50) and [50, 100).
  await ffmpeg([
    "-f",
    "lavfi",
    "-i",
    "color=c=black:s=320x180:r=25:d=2",
    "-f",
    "lavfi",
    "-i",
    "color=c=white:s=320x180:r=25:d=2",
    "-filter_complex",
    "[0:v][1:v]concat=n=2:v=1:a=0[out]",
    "-map",
    "[out]",
    "-c:v",
    "libx264",
    "-preset",
    "ultrafast",
    "-pix_fmt",
    "yuv420p",
    path.join(root, "clip.mp4"),
  ]);
}, 60_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("docs/extensions.md tutorial", () => {
  it("marks its files as titled code blocks: a manifest and the entry module it names", () => {
    expect(manifestFile, 'a block with title="<folder>/package.json"').toBeDefined();
    expect(analyzerId).not.toBe("");
    expect(files.map((f) => f.title)).toContain(`${folder}/${manifest!.sichter.main}`);
    expect(files.every((f) => f.title.startsWith(`${folder}/`))).toBe(true);
  });

  it("keeps code and manifest under 50 lines in total", () => {
    const lines = files.reduce((sum, f) => sum + f.content.replace(/\n$/, "").split("\n").length, 0);
    expect(lines).toBeGreaterThan(0);
    expect(lines).toBeLessThan(50);
    // The doc states its own size; keep that claim true.
    expect(doc).toContain(`${lines} lines of manifest and code`);
  });

  it("shows the commands this test runs", () => {
    expect(doc).toContain(`npx sichter extensions install ./${folder}`);
    expect(doc).toContain("npx sichter analyze clip.mp4");
    for (const action of ["disable", "enable", "uninstall"])
      expect(doc).toContain(`npx sichter extensions ${action} ${extensionId}`);
  });

  it("installs with the CLI as the tutorial says", async () => {
    const result = await runCli(["extensions", "install", `./${folder}`], { cwd, env });
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain(`Installed ${extensionId} ${manifest!.version}.`);
    expect(doc).toContain(`Installed ${extensionId} ${manifest!.version}.`);
    const listed = JSON.parse((await runCli(["extensions", "list", "--json"], { cwd, env })).stdout);
    expect(listed.problems).toEqual([]);
    expect(listed.extensions.filter((e: { builtin: boolean }) => !e.builtin)).toEqual([
      expect.objectContaining({ id: extensionId, enabled: true, builtin: false }),
    ]);
  });

  it('tags the dark shot "dunkel" and the bright shot "hell"', async () => {
    const output = await analyzeJson("de");
    const clip = output.clips[0]!;
    expect(clip.failures).toEqual([]);
    expect(clip.shots.map((s) => [s.startFrame, s.endFrame])).toEqual([
      [0, 50],
      [50, 100],
    ]);
    const tags = ownTags(output);
    expect(tags.map((t) => ({ label: t.label, startFrame: t.startFrame, endFrame: t.endFrame }))).toEqual([
      { label: "dunkel", startFrame: 0, endFrame: 50 },
      { label: "hell", startFrame: 50, endFrame: 100 },
    ]);
    for (const tag of tags) {
      expect(tag).toMatchObject({ language: "de", source: "vision", status: "suggested" });
      expect(tag.confidence).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('labels in English with --lang en ("dark"/"bright"), as the tutorial says', async () => {
    expect(ownTags(await analyzeJson("en")).map((t) => t.label)).toEqual(["dark", "bright"]);
  });

  it("shows the German summary line and writes the labels into clip.xmp", async () => {
    const result = await runCli(["analyze", "clip.mp4"], { cwd, env: { ...env, SICHTER_LANG: "de" } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("2 Einstellungen, 3 Tags (dunkel, hell)");
    expect(doc).toContain("2 Einstellungen, 3 Tags (dunkel, hell)");
    const xmp = fs.readFileSync(path.join(root, "clip.xmp"), "utf8");
    expect(xmp).toContain("<rdf:li>dunkel</rdf:li>");
    expect(xmp).toContain("<rdf:li>hell</rdf:li>");
  });

  it("disables, enables and uninstalls as the tutorial says", async () => {
    expect((await runCli(["extensions", "disable", extensionId], { cwd, env })).code).toBe(0);
    expect(ownTags(await analyzeJson("de"))).toEqual([]);
    expect((await runCli(["extensions", "enable", extensionId], { cwd, env })).code).toBe(0);
    expect((await runCli(["extensions", "uninstall", extensionId], { cwd, env })).stdout).toContain(
      `Uninstalled ${extensionId}.`,
    );
    const left = JSON.parse((await runCli(["extensions", "list", "--json"], { cwd, env })).stdout).extensions as Array<{
      builtin: boolean;
    }>;
    expect(left.filter((e) => !e.builtin)).toEqual([]);
  });
});
