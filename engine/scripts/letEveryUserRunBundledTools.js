#!/usr/bin/env node
// The engine workspace's postinstall: npm runs a workspace's own install scripts on every
// `npm install` and `npm ci` at the root, without asking as it does for dependencies.
//
// The pinned ffprobe package is published with mode 0744, so only the user who installed Sichter
// could run it and every other editor on the machine got SICHTER_E_TOOL_MISSING. Like any program in
// a shared bin folder, the bundled ffmpeg and ffprobe get read and execute rights for everyone
// (nobody gets write rights). Paths given on the command line are treated instead of the bundled
// ones. It never fails the install: a file it cannot change is named with the command that fixes it.
import fs from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const BUNDLED = ["@ffmpeg-installer/ffmpeg", "@ffprobe-installer/ffprobe"];

/** The binary a bundled tool package points at; none where it ships no binary for this platform. */
function bundledBinary(name) {
  try {
    return [require(name).path];
  } catch {
    return [];
  }
}

function letEveryUserRun(file) {
  try {
    const mode = fs.statSync(file).mode & 0o7777;
    if ((mode & 0o555) !== 0o555) fs.chmodSync(file, mode | 0o555);
  } catch (error) {
    console.warn(`sichter: other users cannot run ${file} (${error.code ?? error.message}). Fix: chmod a+rx "${file}"`);
  }
}

// Windows has no execute bits; every user who can read the file can run it.
if (process.platform !== "win32") {
  const files = process.argv.length > 2 ? process.argv.slice(2) : BUNDLED.flatMap(bundledBinary);
  for (const file of files) letEveryUserRun(file);
}
