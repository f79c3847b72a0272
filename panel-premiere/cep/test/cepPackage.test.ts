import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageCep } from "../../scripts/packageCep.ts";
import { readScriptResult, scriptFor } from "../src/evalScriptCall.ts";
import { es3Context } from "./es3Vm.ts";

describe("the packaged CEP extension folder", () => {
  const parent = mkdtempSync(path.join(tmpdir(), "sichter-cep-test-"));
  const folder = path.join(parent, "com.sichter.premiere");
  let manifest: string;

  beforeAll(async () => {
    await packageCep(folder);
    manifest = readFileSync(path.join(folder, "CSXS/manifest.xml"), "utf8");
  }, 120_000);
  afterAll(() => rmSync(parent, { recursive: true, force: true }));

  it("has CSXS/manifest.xml for Premiere 25.0-25.5 on CEP 12 with its stable ids", () => {
    expect(manifest).toContain('ExtensionBundleId="com.sichter.premiere.cep"');
    expect(manifest).toContain('<Extension Id="com.sichter.premiere.cep.panel"');
    expect(manifest).toContain('<Host Name="PPRO" Version="[25.0,25.5.99]"/>');
    expect(manifest).toContain('<RequiredRuntime Name="CSXS" Version="12.0"/>');
  });

  it("holds the files the manifest names: the page with its script and stylesheet, and the JSX", () => {
    const named = [...manifest.matchAll(/<(?:MainPath|ScriptPath)>\.\/([^<]+)</g)].map((m) => m[1]!);
    expect(named).toEqual(["index.html", "jsx/sichter.jsx"]);
    for (const file of named) expect(existsSync(path.join(folder, file)), file).toBe(true);
    const html = readFileSync(path.join(folder, "index.html"), "utf8");
    // file:// pages refuse module scripts in CEP's Chromium.
    expect(html).not.toMatch(/type="module"/);
    const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => m[1]!);
    expect(assets).toHaveLength(2);
    for (const file of assets) expect(existsSync(path.join(folder, file)), file).toBe(true);
    const script = assets.find((file) => file.endsWith(".js"))!;
    expect(() => new vm.Script(readFileSync(path.join(folder, script), "utf8"), { filename: script })).not.toThrow();
  });

  it("ships a JSX that runs with ECMAScript 3's built-ins and answers the panel's calls", () => {
    const context = es3Context();
    vm.runInContext(readFileSync(path.join(folder, "jsx/sichter.jsx"), "utf8"), context);
    expect(readScriptResult(String(vm.runInContext(scriptFor("ping", { path: 'C:\\a"b' }), context)))).toEqual({
      ok: true,
      value: { pong: { path: 'C:\\a"b' } },
    });
  });
});
