import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { gzipSize, panelScripts, scriptSources } from "./scriptSize.ts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sichter-script-size-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the panel's script size", () => {
  it("finds the scripts a built page loads, not its styles", () => {
    const html =
      '<script defer src="./assets/panel-D36.js"></script><link rel="stylesheet" href="./assets/style.css"><SCRIPT src="./a.js?v=1">';
    expect(scriptSources(html)).toEqual(["./assets/panel-D36.js", "./a.js?v=1"]);
  });

  it("measures gzip size: what decompresses back to the file, small for text, about the size for noise", () => {
    const text = Buffer.from("export function x(){return 1}\n".repeat(5000));
    const noise = crypto.randomBytes(100_000);
    expect(zlib.gunzipSync(zlib.gzipSync(text, { level: 9 })).equals(text)).toBe(true);
    expect(gzipSize(text)).toBeLessThan(text.length / 50);
    expect(gzipSize(noise)).toBeGreaterThan(100_000);
    expect(gzipSize(noise)).toBeLessThan(100_200);
  });

  it("sums each script index.html loads from the build folder", () => {
    fs.mkdirSync(path.join(dir, "assets"));
    const script = crypto.randomBytes(20_000);
    fs.writeFileSync(path.join(dir, "assets", "panel-x.js"), script);
    fs.writeFileSync(path.join(dir, "assets", "unused.js"), "never loaded");
    fs.writeFileSync(
      path.join(dir, "index.html"),
      '<html><head><script defer src="./assets/panel-x.js"></script></head></html>',
    );
    expect(panelScripts(dir)).toEqual([
      { file: path.join("assets", "panel-x.js"), bytes: 20_000, gzipBytes: gzipSize(script) },
    ]);
  });
});
