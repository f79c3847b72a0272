#!/usr/bin/env node
// `npm start`: the engine service the panels talk to, in the foreground (Ctrl-C stops it), serving the
// browser panel. The panel is built first when its built files are missing or older than its sources.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ensurePanel } from "./panelBuild.js";
import { namesMediaFolders, offerSamples } from "./sampleMedia.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(root, "node_modules", ".bin", "sichter");
const args = process.argv.slice(2);

// `npm start -- --panel DIR` serves that folder as it is; otherwise the built panel of shared/ui.
if (!args.some((a) => a === "--panel" || a.startsWith("--panel="))) {
  const ui = path.join(root, "shared", "ui");
  const panel = ensurePanel({
    distDir: path.join(ui, "dist"),
    // The panel bundles the shared protocol, model and timecode code as well as its own.
    sources: [
      path.join(ui, "src"),
      path.join(ui, "index.html"),
      path.join(ui, "vite.config.ts"),
      path.join(ui, "package.json"),
      ...["protocol", "model", "timecode"].map((d) => path.join(root, "shared", d)),
    ],
    build: () => {
      process.stderr.write("Building the panel (npm run build:panel) …\n");
      const npm = process.platform === "win32" ? "npm.cmd" : "npm";
      return (
        spawnSync(npm, ["run", "build:panel", "--silent"], {
          cwd: root,
          stdio: "inherit",
          shell: process.platform === "win32",
        }).status === 0
      );
    },
  });
  if (panel.problem) {
    process.stderr.write(
      panel.dir
        ? `Serving the previous panel build: ${panel.problem}.\n`
        : `No panel to serve (${panel.problem}); the engine runs without it.\n`,
    );
  }
  if (panel.dir) args.push("--panel", panel.dir);
}

// Without --media the panel may browse the generated samples (media.json's folders count as well).
let samples = null;
if (!namesMediaFolders(args)) {
  samples = offerSamples(root, { log: (line) => process.stderr.write(`${line}\n`) });
  args.push("--media", samples.dir);
}

const child = spawn(bin, ["serve", ...args], { stdio: "inherit", cwd: root });
// The terminal's Ctrl-C reaches the whole process group; the engine shuts down gracefully on it.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => {
  samples?.stop();
  process.exit(code ?? (signal ? 130 : 1));
});
