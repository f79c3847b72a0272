#!/usr/bin/env node
// `npm start`: the engine service the panels talk to, in the foreground (Ctrl-C stops it).
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = path.join(root, "node_modules", ".bin", "sichter");
const child = spawn(bin, ["serve", ...process.argv.slice(2)], { stdio: "inherit", cwd: root });
// The terminal's Ctrl-C reaches the whole process group; the engine shuts down gracefully on it.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
