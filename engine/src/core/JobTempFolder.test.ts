import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../test/fixtures.ts";
import { JobTempFolder, sweepStaleJobFolders } from "./JobTempFolder.ts";

const root = makeTempDir("sichter-temp-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("JobTempFolder", () => {
  it("creates a private folder and removes it with its content on dispose", () => {
    const job = JobTempFolder.create(root);
    fs.writeFileSync(job.file("frame.raw"), Buffer.alloc(1000));
    expect(fs.statSync(job.path).mode & 0o777).toBe(0o700);
    job.dispose();
    expect(fs.existsSync(job.path)).toBe(false);
    job.dispose();
  });

  it("the startup sweep removes folders of dead processes and keeps live ones", () => {
    const live = JobTempFolder.create(root);
    const dead = JobTempFolder.create(root);
    // A process that has certainly exited: its pid is free (or reused, which the age check covers).
    const exited = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    fs.writeFileSync(path.join(dead.path, "owner.json"), JSON.stringify({ pid: Number(exited), created: Date.now() }));
    const removed = sweepStaleJobFolders(root);
    expect(removed).toEqual([dead.path]);
    expect(fs.existsSync(live.path)).toBe(true);
    live.dispose();
  });

  it("the sweep removes folders older than a day even if the pid is alive again", () => {
    const old = JobTempFolder.create(root);
    fs.writeFileSync(
      path.join(old.path, "owner.json"),
      JSON.stringify({ pid: process.pid, created: Date.now() - 25 * 3600_000 }),
    );
    expect(sweepStaleJobFolders(root)).toEqual([old.path]);
  });
});
