import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageCcx } from "../../scripts/packageCcx.ts";
import { pngSize, readZip } from "./zipReaderTestSupport.ts";

interface Icon {
  path: string;
  width: number;
  height: number;
  scale: number[];
}

describe("the packaged UXP plugin (.ccx)", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "sichter-ccx-test-"));
  let files: Map<string, Buffer>;
  let manifest: Record<string, any>;

  beforeAll(async () => {
    files = readZip(readFileSync(await packageCcx(path.join(folder, "sichter-premiere.ccx"))));
    manifest = JSON.parse(files.get("manifest.json")!.toString("utf8"));
  }, 120_000);
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("has a v5 manifest at its root for Premiere 25.6 and later, with its stable id and only the engine's origins", () => {
    expect(manifest.manifestVersion).toBe(5);
    expect(manifest.id).toBe("com.sichter.premiere");
    // A single object: an array of hosts is for development only and an installer refuses it.
    expect(manifest.host).toEqual({ app: "premierepro", minVersion: "25.6.0" });
    expect(manifest.requiredPermissions.network.domains).toEqual(["ws://127.0.0.1:7431", "http://127.0.0.1:7431"]);
    expect(manifest.main).toBe("index.html");
  });

  it("holds every icon the manifest names, at each declared scale and size", () => {
    const icons: Icon[] = [
      ...manifest.icons,
      ...manifest.entrypoints.flatMap((entry: { icons: Icon[] }) => entry.icons),
    ];
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons) {
      for (const scale of icon.scale) {
        const file = files.get(icon.path.replace(/\.png$/, `@${scale}x.png`));
        expect(file, `${icon.path} @${scale}x`).toBeDefined();
        expect(pngSize(file!)).toEqual({ width: icon.width * scale, height: icon.height * scale });
      }
    }
  });

  it("holds the built page: a classic script and a stylesheet that are in the archive, the script parsing as one", () => {
    const html = files.get(manifest.main)!.toString("utf8");
    expect(html).not.toMatch(/type="module"/);
    const scripts = [...html.matchAll(/<script[^>]*src="\.\/([^"]+)"/g)].map((m) => m[1]!);
    const styles = [...html.matchAll(/<link rel="stylesheet" href="\.\/([^"]+)"/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    expect(styles).toHaveLength(1);
    for (const file of [...scripts, ...styles]) expect(files.has(file), file).toBe(true);
    const code = files.get(scripts[0]!)!.toString("utf8");
    expect(() => new vm.Script(code, { filename: scripts[0] })).not.toThrow();
    // The host modules come from UXP's own require at run time, not from the bundle.
    expect(code).toMatch(/globalThis\.require/);
    expect(code).toContain("premierepro");
  });
});
