import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Runs a support script in the real LuaJIT with a JSON file, answers its JSON output. */
export function luajit(script: string, input: unknown, env: NodeJS.ProcessEnv = process.env): unknown {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sichter-lua-"));
  try {
    const file = path.join(dir, "input.json");
    fs.writeFileSync(file, JSON.stringify(input));
    const run = spawnSync("luajit", [fileURLToPath(new URL(script, import.meta.url)), file], {
      encoding: "utf8",
      env,
      timeout: 160_000,
    });
    if (run.status !== 0) throw new Error(`luajit ${script} failed (${run.status}): ${run.stderr}`);
    return JSON.parse(run.stdout);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The environment with the system locale set to `lang` (LANG) and nothing that would win over it
 * (LC_ALL, LC_MESSAGES, Sichter's own SICHTER_LANG), so the script's language does not depend on
 * the machine that runs the test.
 */
export function withLocale(lang: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const { LC_ALL: _all, LC_MESSAGES: _messages, SICHTER_LANG: _sichter, ...rest } = env;
  return { ...rest, LANG: lang };
}
