/** Types of sampleMedia.js for the tests that import it. */
import type { ChildProcess } from "node:child_process";

export const SAMPLE_CLIP: string;
export function samplesDir(root: string, env?: NodeJS.ProcessEnv): string;
export function namesMediaFolders(args: readonly string[]): boolean;
export function offerSamples(
  root: string,
  options?: { log?: (line: string) => void; env?: NodeJS.ProcessEnv },
): { dir: string; generating: Promise<boolean> | null; child?: ChildProcess; stop: () => void };
