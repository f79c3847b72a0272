import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseXml, type XmlElement } from "../../panel-premiere/test/simulators/xmp/parseXml.ts";
import { renderCepManifest } from "./cepManifest.ts";
import { premiereManifests } from "./generate.ts";
import { PREMIERE_PLUGIN } from "./premierePlugin.ts";
import { uxpManifest } from "./uxpManifest.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function child(element: XmlElement, ...names: string[]): XmlElement {
  let current = element;
  for (const name of names) {
    const next = current.children.find((c) => c.local === name);
    if (!next) throw new Error(`no <${name}> in <${current.local}>`);
    current = next;
  }
  return current;
}

function attribute(element: XmlElement, name: string): string | undefined {
  return element.attributes.find((a) => a.local === name)?.value;
}

describe("Premiere host manifests", () => {
  it("UXP: manifest v5, one host object for Premiere 25.6, the engine's two loopback origins, a stable id", () => {
    const manifest = JSON.parse(readFileSync(path.join(root, "panel-premiere/uxp/manifest.json"), "utf8"));
    expect(manifest.manifestVersion).toBe(5);
    expect(manifest.host).toEqual({ app: "premierepro", minVersion: "25.6.0" });
    expect(Array.isArray(manifest.host)).toBe(false);
    expect(manifest.requiredPermissions).toEqual({
      network: { domains: ["ws://127.0.0.1:7431", "http://127.0.0.1:7431"] },
    });
    expect(manifest.id).toBe("com.sichter.premiere");
    expect(manifest.entrypoints.map((e: { type: string }) => e.type)).toEqual(["panel"]);
    expect(JSON.stringify(manifest)).not.toContain("localhost");
  });

  it("CEP: Premiere (PPRO) 25.0 to 25.5 on CSXS 12, loading the panel and its ExtendScript", () => {
    const manifest = parseXml(readFileSync(path.join(root, "panel-premiere/cep/CSXS/manifest.xml"), "utf8"));
    expect(manifest.local).toBe("ExtensionManifest");
    expect(attribute(manifest, "ExtensionBundleId")).toBe("com.sichter.premiere.cep");
    const host = child(manifest, "ExecutionEnvironment", "HostList", "Host");
    expect([attribute(host, "Name"), attribute(host, "Version")]).toEqual(["PPRO", "[25.0,25.5.99]"]);
    expect(
      attribute(child(manifest, "ExecutionEnvironment", "RequiredRuntimeList", "RequiredRuntime"), "Version"),
    ).toBe("12.0");
    const extension = child(manifest, "DispatchInfoList", "Extension");
    expect(attribute(extension, "Id")).toBe(attribute(child(manifest, "ExtensionList", "Extension"), "Id"));
    const resources = child(extension, "DispatchInfo", "Resources");
    expect(child(resources, "MainPath").text).toBe("./index.html");
    expect(child(resources, "ScriptPath").text).toBe("./jsx/sichter.jsx");
    expect(child(extension, "DispatchInfo", "UI", "Type").text).toBe("Panel");
  });

  it("both carry the one version of the plugin", () => {
    expect(uxpManifest().version).toBe(PREMIERE_PLUGIN.version);
    expect(renderCepManifest()).toContain(`ExtensionBundleVersion="${PREMIERE_PLUGIN.version}"`);
  });

  it("the committed files are what the source renders (npm run manifests regenerates them)", () => {
    for (const { file, content } of premiereManifests()) {
      expect(readFileSync(path.join(root, file), "utf8"), file).toBe(content);
    }
  });
});
