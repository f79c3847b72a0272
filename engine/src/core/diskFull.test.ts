import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ErrorCode } from "@sichter/shared/errors";
import { fullestFolder, isDiskFull } from "./diskFull.ts";
import { SichterError, toSichterError } from "./SichterError.ts";

/** What a real failure threw: the kernel's or SQLite's own error, not one made up here. */
function thrownBy(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error("nothing was thrown");
}

describe("a full disk", () => {
  it("is recognised from the kernel's ENOSPC, SQLite's SQLITE_FULL, a wrapped cause and a tool's words", () => {
    const enospc = thrownBy(() => fs.writeFileSync("/dev/full", "x"));
    expect((enospc as NodeJS.ErrnoException).code).toBe("ENOSPC");
    const db = new Database(":memory:");
    db.exec("CREATE TABLE t (x)");
    db.pragma(`max_page_count = ${db.pragma("page_count", { simple: true }) as number}`);
    const sqliteFull = thrownBy(() => db.prepare("INSERT INTO t VALUES (?)").run("x".repeat(100_000)));
    db.close();
    expect((sqliteFull as { code?: string }).code).toBe("SQLITE_FULL");
    const wrapped = new SichterError(
      ErrorCode.CATALOG_UNAVAILABLE,
      { path: "/x/catalog.sqlite", detail: "?" },
      { cause: sqliteFull },
    );
    const tool = new SichterError(ErrorCode.TOOL_FAILED, {
      tool: "ffmpeg",
      path: "/x.mov",
      detail: "av_interleaved_write_frame(): No space left on device",
    });
    for (const error of [enospc, sqliteFull, wrapped, tool]) {
      expect(isDiskFull(error)).toBe(true);
      expect(toSichterError(error).code).toBe(ErrorCode.DISK_FULL);
    }
    expect(toSichterError(wrapped).message).toContain("database or disk is full");
    expect(isDiskFull(thrownBy(() => fs.readFileSync("/no/such/file")))).toBe(false);
    expect(toSichterError(new SichterError(ErrorCode.PROBE_CORRUPT, { path: "/x.mov" })).code).toBe(
      ErrorCode.PROBE_CORRUPT,
    );
  });

  it("names the first of equally full places, and reads a folder not made yet by its parent", () => {
    const here = os.tmpdir();
    expect(fullestFolder([path.join(here, "not", "made", "yet"), here])).toBe(path.join(here, "not", "made", "yet"));
    expect(fullestFolder([])).toBeUndefined();
  });
});
