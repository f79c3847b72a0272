import { describe, expect, it } from "vitest";
import type { InstalledExtension } from "./ExtensionRegistry.ts";
import { ExtensionManifest } from "./manifest/ExtensionManifest.ts";
import { baseManifest } from "../../test/support/testExtension.ts";
import { privacyModeOf } from "./privacyMode.ts";

/** An installed extension as the registry holds it, from a manifest parsed the way loading parses it. */
function installed(name: string, enabled: boolean, contributes: Record<string, unknown>): InstalledExtension {
  const manifest = ExtensionManifest.parse({ ...baseManifest({ contributes }), name, publisher: "acme" });
  return { id: `acme.${name}`, manifest, folder: `/ext/${name}`, builtin: false, enabled, settings: {} };
}

const cloudVision = (enabled: boolean) =>
  installed("vision", enabled, { keywordProviders: [{ id: "acme.vision", title: "Acme Vision", cloud: true }] });
const thesaurus = (enabled: boolean) =>
  // `cloud` left out: the manifest default (false) is what counts.
  installed("thesaurus", enabled, { keywordProviders: [{ id: "acme.thesaurus", title: "Thesaurus" }] });
const ocrOnly = installed("ocr", true, { analyzers: [{ id: "acme.ocr", title: "OCR", produces: "tags" }] });

describe("privacyModeOf", () => {
  it("no extensions at all: local-only, no providers", () => {
    expect(privacyModeOf({ extensions: [] })).toEqual({ mode: "local-only", providers: [] });
  });

  it("a cloud provider that is installed but disabled keeps local-only, and is listed", () => {
    const mode = privacyModeOf({ extensions: [ocrOnly, cloudVision(false), thesaurus(true)] });
    expect(mode.mode).toBe("local-only");
    expect(mode.providers).toEqual([
      { id: "acme.vision", title: "Acme Vision", extensionId: "acme.vision", cloud: true, enabled: false },
      { id: "acme.thesaurus", title: "Thesaurus", extensionId: "acme.thesaurus", cloud: false, enabled: true },
    ]);
  });

  it("an enabled local provider alone stays local-only", () => {
    expect(privacyModeOf({ extensions: [thesaurus(true)] }).mode).toBe("local-only");
  });

  it("one enabled cloud provider makes it cloud", () => {
    const mode = privacyModeOf({ extensions: [thesaurus(true), cloudVision(true)] });
    expect(mode.mode).toBe("cloud");
    expect(mode.providers.find((p) => p.id === "acme.vision")).toMatchObject({ cloud: true, enabled: true });
  });

  it("lists every provider of an extension that contributes several, under its extension id", () => {
    const both = installed("suite", false, {
      keywordProviders: [
        { id: "acme.suite-cloud", title: "Cloud", cloud: true },
        { id: "acme.suite-local", title: "Local", cloud: false },
      ],
    });
    const mode = privacyModeOf({ extensions: [both] });
    expect(mode.mode).toBe("local-only");
    expect(mode.providers.map((p) => [p.id, p.extensionId, p.cloud, p.enabled])).toEqual([
      ["acme.suite-cloud", "acme.suite", true, false],
      ["acme.suite-local", "acme.suite", false, false],
    ]);
  });
});
