import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SichterClient } from "@sichter/shared/protocol";
import { startEngineWithClient, stopEngineWithClient, type EngineProcess } from "./engineProcess.ts";
import { makeClip, makeTempDir } from "./fixtures.ts";
import { runCli } from "./runCli.ts";

let dir: string;
let clip: string;
const home = (): string => path.join(dir, "home");

beforeAll(async () => {
  dir = makeTempDir();
  clip = await makeClip(path.join(dir, "clip.mp4"), { seconds: 1 });
  tooLongPath = makeDeepCopy(clip);
});
// rm walks the tree relative to each folder; Node's rmSync names every file by its whole path, which
// is longer than Linux takes at the bottom of the deep copy (ENAMETOOLONG).
afterAll(() => expect(spawnSync("rm", ["-rf", "--", dir]).status).toBe(0));

/** Paths no file system can hold, or that hold what an editor never meant to type. */
const tooLongName = (): string => path.join(dir, `${"a".repeat(300)}.mp4`);
// 130 characters but 260 bytes: the limit counts bytes, and German names take two for ü and ß.
const tooLongUmlauts = (): string => path.join(dir, `${"ü".repeat(100)}${"ß".repeat(28)}.mp4`);
let tooLongPath: () => string;
const withLineBreak = (): string => path.join(dir, "Landtag\nSitzung.mp4");

/**
 * A real copy of the clip 40 folders deep: every name is short, but the whole path is about 4900
 * bytes (in 2500 characters, within what the protocol carries), more than Linux opens at once. Made
 * one folder at a time, relative to the last, which is how such trees come about.
 */
function makeDeepCopy(file: string): () => string {
  const name = "ü".repeat(60);
  const made = spawnSync("sh", [
    "-c",
    `cd "$1" && for i in $(seq 40); do mkdir "$2" && cd -P "$2" || exit 1; done && cp "$3" clip.mp4`,
    "sh",
    dir,
    name,
    file,
  ]);
  expect(made.status).toBe(0);
  const deep = path.join(dir, ...Array.from({ length: 40 }, () => name), "clip.mp4");
  return () => deep;
}

/** A user-facing failure: the code first, on one line (a line break in the path is shown as \n). */
function expectOneLine(stderr: string, code: string, command: string): string {
  const [first, ...rest] = stderr.trim().split("\n");
  expect(first).toMatch(new RegExp(`^${code}: `));
  // analyze ends with its count of files done and failed.
  expect(rest).toEqual(command === "analyze" ? [expect.stringMatching(/^0 of 1 files analysed/)] : []);
  return first!;
}

describe("sichter probe and analyze on paths that cannot name a file", () => {
  it.each([
    ["a 304-byte file name", tooLongName, /304 bytes.*255/],
    ["a 260-byte file name of 130 characters", tooLongUmlauts, /260 bytes.*255/],
    ["a path longer than the system allows", () => tooLongPath(), /4\d{3} bytes long/],
    ["a line break in a path that does not exist", withLineBreak, /line break/],
  ])("%s: SICHTER_E_PATH_INVALID saying what is wrong", async (_name, file, says) => {
    for (const command of ["probe", "analyze"]) {
      const r = await runCli([command, file()], { env: { SICHTER_HOME: home() } });
      expect(r.code, command).toBe(1);
      expect(expectOneLine(r.stderr, "SICHTER_E_PATH_INVALID", command), command).toMatch(says);
    }
  });

  it("speaks German when asked", async () => {
    const r = await runCli(["probe", tooLongName()], { env: { SICHTER_HOME: home(), SICHTER_LANG: "de" } });
    expect(r.stderr).toMatch(/^SICHTER_E_PATH_INVALID: .*304 Byte.*255/);
  });

  it("a file whose name really holds a line break is analysed like any other", async () => {
    fs.copyFileSync(clip, withLineBreak());
    const r = await runCli(["probe", withLineBreak(), "--json"], { env: { SICHTER_HOME: home() } });
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toMatchObject({ path: withLineBreak(), frameCount: 25 });
    fs.rmSync(withLineBreak());
  });
});

describe("clip.analyze over WebSocket on paths that cannot name a file", () => {
  let engine: EngineProcess;
  let client: SichterClient;
  beforeAll(async () => {
    ({ engine, client } = await startEngineWithClient(home()));
  }, 60_000);
  afterAll(async () => {
    await stopEngineWithClient(engine, client);
  });

  it.each([
    ["a NUL character", () => path.join(dir, "clip.mp4\u0000.txt"), /NUL/],
    ["a 304-byte file name", tooLongName, /304 bytes.*255/],
    ["a path longer than the system allows", () => tooLongPath(), /4\d{3} bytes long/],
    ["a line break in a path that does not exist", withLineBreak, /line break/],
  ])("%s: SICHTER_E_PATH_INVALID, and the engine carries on", async (_name, file, says) => {
    const error = await client.request("clip.analyze", { path: file(), options: { write: "none" } }).then(
      () => undefined,
      (e: { code: string; message: string }) => e,
    );
    expect(error?.code).toBe("SICHTER_E_PATH_INVALID");
    expect(error?.message).toMatch(says);
    expect(error?.message).not.toContain("\n");
    expect((await client.request("engine.info", {})).name).toBe("sichter-engine");
  });
});
