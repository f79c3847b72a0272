import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ErrorCode } from "@sichter/shared/errors";
import { readSettingsFile } from "../core/readSettingsFile.ts";
import { SichterError } from "../core/SichterError.ts";

/** `<config>/media.json`: `{ "folders": ["/Volumes/Footage", "D:\\Rohmaterial"] }`, absolute paths only. */
const MediaSettings = z.strictObject({
  folders: z
    .array(
      z
        .string()
        .min(1)
        .refine((p) => path.isAbsolute(p), { message: "must be an absolute path" }),
    )
    .max(1000),
});

export function mediaSettingsPath(configDir: string): string {
  return path.join(configDir, "media.json");
}

/** An allowed folder as configured, and its real path now (null while it is missing or unreadable). */
export interface MediaRoot {
  readonly configured: string;
  readonly real: string | null;
}

/**
 * The folders a panel may browse and stream from: `sichter serve --media DIR` (repeatable) and the
 * `folders` of `<config>/media.json`, never anything else on the machine. Every path a panel names
 * is resolved with symlinks followed and must then lie inside one of them, so a link inside an
 * allowed folder that points elsewhere leads nowhere. media.json is read on each call: an edit counts
 * without a restart.
 */
export class MediaFolders {
  constructor(
    private readonly fromCommandLine: readonly string[],
    private readonly configDir: string,
  ) {}

  roots(): MediaRoot[] {
    const seen = new Set<string>();
    const roots: MediaRoot[] = [];
    for (const configured of [...this.fromCommandLine.map((p) => path.resolve(p)), ...this.configured()]) {
      const real = realFolder(configured);
      const key = real ?? configured;
      if (seen.has(key)) continue;
      seen.add(key);
      roots.push({ configured, real });
    }
    return roots;
  }

  /** The real path of `input` when it lies inside an allowed folder; MEDIA_NOT_ALLOWED otherwise. */
  resolve(input: string): string {
    // A relative path would be relative to wherever the engine was started: never what a panel means.
    if (!path.isAbsolute(input) || input.includes("\0")) throw notAllowed(input);
    let real: string;
    try {
      real = fs.realpathSync(input);
    } catch (error) {
      // Whether a path outside exists is not the panel's business: outside is refused the same way.
      if (this.containsLexically(path.resolve(input))) throw fileError(error, input);
      throw notAllowed(input);
    }
    if (!this.contains(real)) throw notAllowed(input);
    return real;
  }

  /** Whether a real path lies inside (or is) an allowed folder. */
  contains(real: string): boolean {
    return this.roots().some((root) => root.real !== null && isInside(root.real, real));
  }

  /** The allowed folder holding a real path, or null. */
  rootOf(real: string): string | null {
    return this.roots().find((root) => root.real !== null && isInside(root.real, real))?.real ?? null;
  }

  private containsLexically(absolute: string): boolean {
    return this.roots().some((root) => isInside(root.real ?? root.configured, absolute));
  }

  private configured(): string[] {
    const settings = readSettingsFile(mediaSettingsPath(this.configDir), MediaSettings);
    return settings === undefined ? [] : settings.folders.map((p) => path.resolve(p));
  }
}

export function isInside(folder: string, candidate: string): boolean {
  const relative = path.relative(folder, candidate);
  return relative === "" || (relative !== ".." && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

function realFolder(folder: string): string | null {
  try {
    const real = fs.realpathSync(folder);
    return fs.statSync(real).isDirectory() ? real : null;
  } catch {
    return null;
  }
}

function notAllowed(input: string): SichterError {
  return new SichterError(ErrorCode.MEDIA_NOT_ALLOWED, { path: input.replace(/\0/g, "\\0") });
}

function fileError(error: unknown, input: string): SichterError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM")
    return new SichterError(ErrorCode.PERMISSION_DENIED, { path: input }, { cause: error });
  return new SichterError(ErrorCode.FILE_NOT_FOUND, { path: input }, { cause: error });
}
