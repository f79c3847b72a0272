/** Shared by the job queue's test files: temp catalogs, request params and polling. */
import fs from "node:fs";
import path from "node:path";
import { makeTempDir } from "../fixtures.ts";
import type { JobParams } from "../../src/jobs/JobRecord.ts";

export function tempCatalogs(prefix: string): { file(name?: string): string; cleanup(): void } {
  const root = makeTempDir(prefix);
  let n = 0;
  return {
    file: (name = `catalog-${n++}.sqlite`) => path.join(root, name),
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  };
}

export function params(clipPath: string): JobParams {
  return { path: clipPath, options: { language: "de", write: "none", shotMode: "auto" } };
}

export async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
