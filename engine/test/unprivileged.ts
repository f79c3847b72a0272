import fs from "node:fs";
import path from "node:path";

/**
 * File modes only stop writes for users other than root, and tests often run as root. So a child
 * process that must meet a file's mode runs as `nobody` there, and as the test's own user
 * otherwise: spread `asUnprivileged` into the spawn options and hand it the folders it works in.
 */
const NOBODY = 65534;
export const runsAsRoot = process.getuid?.() === 0;

export const asUnprivileged: { uid?: number; gid?: number } = runsAsRoot ? { uid: NOBODY, gid: NOBODY } : {};

/** Makes `dir` and everything in it that user's, and lets it pass through the folders above up to `root`. */
export function handToUnprivileged(dir: string, root: string): void {
  if (!runsAsRoot) return;
  for (let folder = path.dirname(dir); folder.startsWith(root); folder = path.dirname(folder)) {
    fs.chmodSync(folder, fs.statSync(folder).mode | 0o711);
  }
  fs.chownSync(dir, NOBODY, NOBODY);
  for (const entry of fs.readdirSync(dir, { recursive: true }))
    fs.chownSync(path.join(dir, String(entry)), NOBODY, NOBODY);
}
