// When `npm start` must build the browser panel first: its built files (shared/ui/dist) are missing or
// older than any of its sources. Plain Node, no dependencies: it runs before anything else is built.
import fs from "node:fs";
import path from "node:path";

/** Not sources of the built panel: tests, end-to-end suites, installed and built files. */
const IGNORED_DIRS = new Set(["node_modules", "dist", "e2e", "test", ".vite"]);
const isTest = (name) => /\.test\.[cm]?[jt]sx?$/.test(name);

/** The newest modification time (ms) of any source file under `roots` (files or folders); 0 for none. */
export function newestSource(roots) {
  let newest = 0;
  const visit = (entry) => {
    let stat;
    try {
      stat = fs.statSync(entry);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(entry)) {
        if (!IGNORED_DIRS.has(name) && !name.startsWith(".")) visit(path.join(entry, name));
      }
    } else if (stat.isFile() && !isTest(path.basename(entry))) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const root of roots) visit(root);
  return newest;
}

/** Whether `dist/index.html` is missing or older than the newest of `sources`. */
export function panelIsStale(distDir, sources) {
  const index = path.join(distDir, "index.html");
  if (!fs.existsSync(index)) return true;
  return fs.statSync(index).mtimeMs < newestSource(sources);
}

/**
 * Builds the panel when it is stale and says which folder to serve: the fresh build, a stale build
 * when building failed (with the reason, so the user still gets a panel), or null when there is none.
 */
export function ensurePanel({ distDir, sources, build }) {
  if (!panelIsStale(distDir, sources)) return { dir: distDir, built: false, problem: null };
  const ok = build();
  const exists = fs.existsSync(path.join(distDir, "index.html"));
  if (ok && exists) return { dir: distDir, built: true, problem: null };
  const problem = ok ? `the build left no ${path.join(distDir, "index.html")}` : "the panel build failed (see above)";
  return { dir: exists ? distDir : null, built: false, problem };
}
