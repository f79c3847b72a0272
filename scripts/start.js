#!/usr/bin/env node
// `npm start`: until the engine service exists, show what Sichter does on a generated news-like clip:
// make the sample if it is missing, then print its shot table.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const clip = "h264-distractors-1080p25.mp4";

const samples = spawnSync(bin("sichter-samples"), ["--only", clip], { stdio: "inherit", cwd: root });
if (samples.status !== 0) process.exit(samples.status ?? 1);

const dir = process.env.SICHTER_SAMPLES ?? path.join(root, ".samples");
const shots = spawnSync(bin("sichter"), ["shots", path.join(dir, clip)], { stdio: "inherit", cwd: root });
process.exit(shots.status ?? 1);
