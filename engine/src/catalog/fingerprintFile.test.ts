import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../test/fixtures.ts";
import { FINGERPRINT_CHUNK, fingerprintFile } from "./fingerprintFile.ts";

const root = makeTempDir("sichter-fingerprint-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(name: string, data: Buffer): string {
  const file = path.join(root, name);
  fs.writeFileSync(file, data);
  return file;
}

describe("fingerprintFile", () => {
  const big = Buffer.alloc(5 * FINGERPRINT_CHUNK);
  for (let i = 0; i < big.length; i += 4096) big[i] = (i / 4096) % 251;

  it("is the same for the same content under another name", async () => {
    expect(await fingerprintFile(write("a.mxf", big))).toBe(await fingerprintFile(write("b.mxf", big)));
    expect(await fingerprintFile(write("a.mxf", big))).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("changes when the start, middle, end or size changes", async () => {
    const base = await fingerprintFile(write("base.mxf", big));
    for (const offset of [10, Math.floor(big.length / 2), big.length - 10]) {
      const changed = Buffer.from(big);
      changed[offset] = 255 - (changed[offset] ?? 0);
      expect(await fingerprintFile(write(`c${offset}.mxf`, changed))).not.toBe(base);
    }
    expect(await fingerprintFile(write("longer.mxf", Buffer.concat([big, Buffer.alloc(1)])))).not.toBe(base);
  });

  it("hashes small and empty files whole", async () => {
    expect(await fingerprintFile(write("small1", Buffer.from("abc")))).not.toBe(
      await fingerprintFile(write("small2", Buffer.from("abd"))),
    );
    expect(await fingerprintFile(write("empty", Buffer.alloc(0)))).toMatch(/^sha256:/);
  });
});
