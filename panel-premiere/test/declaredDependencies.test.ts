import fs from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * Every package a Premiere workspace's code imports is in its own package.json: a workspace that
 * only works because the root or a sibling happens to hoist React or Vite breaks when it is built,
 * packaged or installed on its own. The shared build files beside the workspaces (scripts/,
 * vitePageConfig.ts) run from both shells' package scripts, so both declare what they import.
 */
const PREMIERE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SHARED_BUILD = [path.join(PREMIERE, "scripts"), path.join(PREMIERE, "vitePageConfig.ts")];
const WORKSPACES: Record<string, readonly string[]> = {
  common: [],
  uxp: SHARED_BUILD,
  cep: SHARED_BUILD,
  "test/simulators": [],
};
const BUILTINS = new Set(builtinModules);

function sourceFiles(entry: string): string[] {
  if (!fs.existsSync(entry)) return [];
  if (fs.statSync(entry).isFile()) return /\.(ts|tsx|js)$/.test(entry) ? [entry] : [];
  return fs
    .readdirSync(entry)
    .filter((name) => name !== "node_modules" && name !== "dist")
    .flatMap((name) => sourceFiles(path.join(entry, name)));
}

/** Package names a file imports (bare specifiers), and React for a .tsx file (the JSX runtime). */
function importedPackages(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|(?:^|\n)\s*import\s+"([^"]+)"/g),
  ].map((m) => m[1] ?? m[2]!);
  const packages = specifiers
    .filter((s) => !s.startsWith(".") && !s.startsWith("node:") && !BUILTINS.has(s))
    .map((s) =>
      s
        .split("/")
        .slice(0, s.startsWith("@") ? 2 : 1)
        .join("/"),
    );
  return file.endsWith(".tsx") ? [...packages, "react"] : packages;
}

describe("Premiere workspaces declare what they import", () => {
  it.each(Object.entries(WORKSPACES))("%s", (workspace, shared) => {
    const folder = path.join(PREMIERE, workspace);
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, "package.json"), "utf8")) as Record<
      string,
      Record<string, string> | undefined
    >;
    const declared = new Set([
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.devDependencies ?? {}),
      manifest.name as unknown as string,
    ]);
    const files = [...sourceFiles(folder), ...shared.flatMap(sourceFiles)];
    expect(files.length).toBeGreaterThan(0);
    const missing = new Set<string>();
    for (const file of files)
      for (const name of importedPackages(file))
        if (!declared.has(name)) missing.add(`${name} (${path.relative(PREMIERE, file)})`);
    expect([...missing].sort()).toEqual([]);
  });
});
