import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../core/SichterError.ts";
import { readManifest } from "./manifest/index.ts";

/**
 * Installs an extension from a folder or an `npm pack` tarball into `userDir/<id>`. The manifest
 * is checked before anything is copied; the copy is built beside its final place and renamed in,
 * so an interrupted install leaves the previous version (or nothing), never half of one.
 */
export function installExtension(
  source: string,
  userDir: string,
  engineVersion: string,
): { id: string; version: string; folder: string } {
  const absolute = path.resolve(source);
  if (!fs.existsSync(absolute)) throw new SichterError(ErrorCode.FILE_NOT_FOUND, { path: absolute });
  fs.mkdirSync(userDir, { recursive: true });
  const staging = fs.mkdtempSync(path.join(userDir, ".install-"));
  try {
    let folder = absolute;
    if (fs.statSync(absolute).isFile()) {
      if (!/\.(tgz|tar\.gz)$/i.test(absolute))
        throw new SichterError(ErrorCode.USAGE, { detail: `${absolute} is neither a folder nor a .tgz file` });
      folder = path.join(staging, "unpacked");
      fs.mkdirSync(folder);
      const tar = spawnSync("tar", ["-xzf", absolute, "-C", folder], { encoding: "utf8" });
      if (tar.status !== 0)
        throw new SichterError(ErrorCode.TOOL_FAILED, { tool: "tar", path: absolute, detail: tar.stderr.trim() });
      // npm pack puts everything under package/.
      if (fs.existsSync(path.join(folder, "package", "package.json"))) folder = path.join(folder, "package");
    }
    const read = readManifest(folder, engineVersion);
    if (!read.ok) throw read.error;
    const copy = path.join(staging, "copy");
    fs.cpSync(folder, copy, {
      recursive: true,
      dereference: false,
      filter: (src) => !src.split(path.sep).includes(".git"),
    });
    const target = path.join(userDir, read.id);
    const previous = path.join(staging, "previous");
    if (fs.existsSync(target)) fs.renameSync(target, previous);
    fs.renameSync(copy, target);
    return { id: read.id, version: read.manifest.version, folder: target };
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Removes an installed extension's folder; its storage stays, as a reinstall may want it back. */
export function uninstallExtension(id: string, userDir: string): void {
  const target = path.join(userDir, id);
  if (!/^[a-z0-9][a-z0-9.-]*$/.test(id) || !fs.existsSync(path.join(target, "package.json"))) {
    throw new SichterError(ErrorCode.EXTENSION_NOT_FOUND, { extension: id });
  }
  const doomed = `${target}.removing-${process.pid}`;
  fs.renameSync(target, doomed);
  fs.rmSync(doomed, { recursive: true, force: true });
}
