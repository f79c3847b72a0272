import { randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const TOKEN_FILE = "engine-token";

/**
 * The per-install secret a panel must present to drive the engine. Created once, on first start,
 * readable by this user only (0600): anyone who can read it can already read the user's media.
 * Creation uses O_EXCL, so two engines starting at once agree on one token.
 */
export function loadOrCreateToken(configDir: string): string {
  const file = path.join(configDir, TOKEN_FILE);
  fs.mkdirSync(configDir, { recursive: true, mode: 0o700 });
  try {
    const fd = fs.openSync(file, "wx", 0o600);
    try {
      fs.writeSync(fd, randomBytes(32).toString("base64url"));
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  // A token file someone loosened (copied, restored from a backup) is tightened again.
  if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
  const token = fs.readFileSync(file, "utf8").trim();
  if (token.length < 32) {
    // An empty or truncated file (a crash between create and write) must not become an easy token.
    fs.rmSync(file, { force: true });
    return loadOrCreateToken(configDir);
  }
  return token;
}

export function tokenPath(configDir: string): string {
  return path.join(configDir, TOKEN_FILE);
}

/** Constant-time comparison, so response timing does not reveal how much of a guess was right. */
export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== "string") return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
