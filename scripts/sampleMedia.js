// What `npm start` offers a newcomer to try the panel on: the generated sample clips in `.samples/`
// (or $SICHTER_SAMPLES), allowed as a media folder. When the folder holds no clip yet, one short news
// clip is generated in the background (ffmpeg's own sources, nothing downloaded), so the engine is
// usable at once and the clip appears in the panel's media browser about a minute later.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const SAMPLE_CLIP = "h264-news-1080p25.mp4";
const VIDEO = /\.(mp4|mov|mxf|mkv|avi|mts|m2ts|webm)$/i;

export function samplesDir(root, env = process.env) {
  return env.SICHTER_SAMPLES ? path.resolve(env.SICHTER_SAMPLES) : path.join(root, ".samples");
}

/** True when `args` already name the media folders themselves. */
export function namesMediaFolders(args) {
  return args.some((a) => a === "--media" || a.startsWith("--media="));
}

/**
 * Makes sure the samples folder exists and starts generating the sample clip when the folder has no
 * video. Returns the folder and the running generation (null when there was nothing to do).
 */
export function offerSamples(root, { log, env = process.env } = {}) {
  const dir = samplesDir(root, env);
  fs.mkdirSync(dir, { recursive: true });
  if (fs.readdirSync(dir).some((name) => VIDEO.test(name))) return { dir, generating: null, stop: () => {} };
  const script = path.join(root, "bench", "bin", "samples.js");
  if (!fs.existsSync(script)) return { dir, generating: null, stop: () => {} };
  log?.(`Generating a sample news clip into ${dir} (about a minute); it appears in the panel's media browser.`);
  // A process group of its own, so stopping it also ends the ffmpeg it runs (see stop below).
  const child = spawn(process.execPath, [script, "--dir", dir, "--only", SAMPLE_CLIP], {
    cwd: root,
    stdio: "ignore",
    detached: process.platform !== "win32",
  });
  const generating = new Promise((resolve) => {
    child.on("error", () => resolve(false));
    child.on("exit", (code) => resolve(code === 0));
  }).then((ok) => {
    log?.(
      ok
        ? `Sample clip ready: ${path.join(dir, SAMPLE_CLIP)}`
        : `The sample clip could not be generated; run: npm run samples -- --only ${SAMPLE_CLIP}`,
    );
    return ok;
  });
  const stop = () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      if (process.platform === "win32") child.kill();
      else process.kill(-child.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  };
  return { dir, generating, child, stop };
}
