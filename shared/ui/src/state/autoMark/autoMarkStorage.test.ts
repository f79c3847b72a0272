import { ErrorCode } from "@sichter/shared/protocol";
import { describe, expect, it } from "vitest";
import type { KeyValueStorage } from "../../connection/TokenStore.ts";
import type { AutoMarkRun } from "./autoMarkReducer.ts";
import { AutoMarkStorage } from "./autoMarkStorage.ts";

const clip = (path: string, extra: object = {}) => ({
  path,
  name: path.slice(3),
  jobId: null,
  state: "sending" as const,
  stage: null,
  fraction: 0,
  error: null,
  ...extra,
});
const run: AutoMarkRun = {
  source: "Landtag",
  language: "de",
  startedAt: "2026-01-05T10:00:00.000Z",
  cancelling: true,
  clips: [
    clip("/m/a.mp4", { jobId: "j1", state: "running", stage: "ocr", fraction: 0.5 }),
    clip("/m/b.mp4", {
      state: "failed",
      error: { code: ErrorCode.MEDIA_NOT_ALLOWED, params: { path: "/m/b.mp4" }, message: "no" },
    }),
    clip("/m/c.mp4"),
    clip("/m/d.mp4", {
      jobId: "j4",
      state: "failed",
      error: { code: ErrorCode.PROBE_CORRUPT, params: null, message: "corrupt" },
    }),
  ],
};

function memory(): KeyValueStorage {
  const items = new Map<string, string>();
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

describe("AutoMarkStorage", () => {
  it("gives back what a reload needs: jobs to ask the engine about, refused requests as failed, unsent clips as sending", () => {
    const storage = new AutoMarkStorage(memory());
    storage.save(run);
    expect(storage.load()).toEqual({
      source: "Landtag",
      language: "de",
      startedAt: "2026-01-05T10:00:00.000Z",
      cancelling: false,
      clips: [
        clip("/m/a.mp4", { jobId: "j1", state: "queued" }),
        clip("/m/b.mp4", { state: "failed", error: run.clips[1]!.error }),
        clip("/m/c.mp4"),
        // A job's failure is the engine's to tell again.
        clip("/m/d.mp4", { jobId: "j4", state: "queued" }),
      ],
    });
    storage.clear();
    expect(storage.load()).toBeNull();
  });

  it("ignores what it cannot read and storage that refuses", () => {
    const backing = memory();
    backing.setItem("sichter.autoMark", "{not json");
    expect(new AutoMarkStorage(backing).load()).toBeNull();
    backing.setItem("sichter.autoMark", JSON.stringify({ source: "x", language: "fr", startedAt: "", clips: [] }));
    expect(new AutoMarkStorage(backing).load()).toBeNull();
    const refusing: KeyValueStorage = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => {
        throw new Error("SecurityError");
      },
    };
    const storage = new AutoMarkStorage(refusing);
    expect(() => storage.save(run)).not.toThrow();
    expect(storage.load()).toBeNull();
    expect(() => storage.clear()).not.toThrow();
    expect(new AutoMarkStorage(null).load()).toBeNull();
  });
});
