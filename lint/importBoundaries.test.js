// The layering as the lint step enforces it, checked through the project's own ESLint
// configuration: each case is an import a layer must or must not be able to make.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const eslint = new ESLint({ cwd: root });

async function boundaryErrors(file, code) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result.messages.filter((m) => m.ruleId === "local/import-boundaries").map((m) => m.message);
}

describe("import boundaries", () => {
  it("lets an extension import the SDK and its own folder", async () => {
    const code =
      'import { SichterError } from "@sichter/engine/extension-api";\nimport { a } from "./a.ts";\nimport { b } from "../detector/b.ts";\nexport { SichterError, a, b };\n';
    expect(await boundaryErrors("engine/extensions/shots/keyframes/x.ts", code)).toEqual([]);
  });

  it("refuses an extension's import of engine internals, of another extension, and of shared packages directly", async () => {
    const errors = await boundaryErrors(
      "engine/extensions/ocr/x.ts",
      'import "../../src/core/SichterError.ts";\nimport "../shots/detector/ShotDetector.ts";\nimport "@sichter/shared/model";\nconst m = await import("../../src/catalog/openCatalog.ts");\nexport { m };\n',
    );
    expect(errors).toHaveLength(4);
    expect(errors[0]).toContain("engine/src/core/SichterError.ts");
    expect(errors[1]).toContain("engine/extensions/shots/detector/ShotDetector.ts");
    expect(errors[2]).toContain("@sichter/shared/model");
  });

  it("refuses the engine core an import of an extension", async () => {
    expect(
      await boundaryErrors("engine/src/pipeline/x.ts", 'import "../../extensions/xmp/writeXmp.ts";\n'),
    ).toHaveLength(1);
    expect(await boundaryErrors("engine/src/pipeline/x.ts", 'import "@sichter/engine/extensions/ocr";\n')).toHaveLength(
      1,
    );
  });

  it("keeps the engine's layers pointing one way", async () => {
    expect(await boundaryErrors("engine/src/catalog/x.ts", 'import "../pipeline/buildTagPlan.ts";\n')).toHaveLength(1);
    expect(await boundaryErrors("engine/src/core/x.ts", 'import "../media/probeMedia.ts";\n')).toHaveLength(1);
    expect(await boundaryErrors("engine/src/pipeline/x.ts", 'import "../catalog/Catalog.ts";\n')).toEqual([]);
  });

  it("keeps the SDK off the host's machinery", async () => {
    expect(
      await boundaryErrors("engine/src/extensionApi/x.ts", 'import "../extensionHost/ExtensionRegistry.ts";\n'),
    ).toHaveLength(1);
    expect(await boundaryErrors("engine/src/extensionApi/x.ts", 'import "../core/Cancellation.ts";\n')).toEqual([]);
  });

  it("refuses shared code an import of the engine or a panel", async () => {
    expect(await boundaryErrors("shared/model/x.ts", 'import "../../engine/src/core/SichterError.ts";\n')).toHaveLength(
      1,
    );
    expect(await boundaryErrors("shared/ui/src/x.ts", 'import "@sichter/engine";\n')).toHaveLength(1);
  });

  it("keeps each host's API inside that host's folder", async () => {
    const premiere = 'import type { Project } from "@adobe/premierepro";\nexport type { Project };\n';
    expect(await boundaryErrors("shared/ui/src/x.ts", premiere)).toHaveLength(1);
    expect(await boundaryErrors("panel-premiere/common/src/x.ts", premiere)).toHaveLength(1);
    expect(await boundaryErrors("panel-premiere/cep/src/x.ts", premiere)).toHaveLength(1);
    expect(await boundaryErrors("panel-resolve-bridge/adapter/src/x.ts", premiere)).toHaveLength(1);
    expect(await boundaryErrors("panel-premiere/uxp/src/x.ts", premiere)).toEqual([]);
  });
});
