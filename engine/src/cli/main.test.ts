import { describe, expect, it } from "vitest";
import { main } from "./main.ts";

/** Runs main with stdout and stderr captured. */
async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const write =
    (into: string[]) =>
    (chunk: string | Uint8Array): boolean => (into.push(String(chunk)), true);
  const stdout = process.stdout.write;
  const stderr = process.stderr.write;
  process.stdout.write = write(out) as typeof process.stdout.write;
  process.stderr.write = write(err) as typeof process.stderr.write;
  try {
    const code = await main(argv);
    return { code, stdout: out.join(""), stderr: err.join("") };
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
  }
}

describe("sichter's command line", () => {
  it.each(["nope", "toString", "constructor", "__proto__"])(
    "refuses the unknown command %s with a usage error",
    async (name) => {
      const { code, stderr } = await run([name]);
      expect(code).toBe(2);
      expect(stderr).toContain(`SICHTER_E_USAGE: unknown command "${name}"`);
    },
  );

  it("loads and runs a command by its name", async () => {
    const { code, stdout } = await run(["engine", "--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("engine");
  });
});
