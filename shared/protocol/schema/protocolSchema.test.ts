import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { methods, serverNotifications } from "../rpc/registry.ts";
import { buildProtocolSchema, renderProtocolSchema } from "./buildProtocolSchema.ts";

describe("generated JSON Schema", () => {
  it("is committed as the generator writes it now (run `npm run protocol:schema` after changing a schema)", () => {
    const committed = readFileSync(new URL("./sichter-protocol.schema.json", import.meta.url), "utf8");
    expect(committed).toBe(renderProtocolSchema());
  });

  it("lists every method and notification, with resolvable references", () => {
    const document = buildProtocolSchema() as {
      methods: Record<string, unknown>;
      serverNotifications: Record<string, unknown>;
      $defs: Record<string, unknown>;
    };
    expect(Object.keys(document.methods)).toEqual(Object.keys(methods));
    expect(Object.keys(document.serverNotifications)).toEqual(Object.keys(serverNotifications));
    const refs = JSON.stringify(document).match(/"#\/\$defs\/[^"]+"/g) ?? [];
    for (const ref of refs) {
      const name = JSON.parse(ref).slice("#/$defs/".length);
      expect(document.$defs, ref).toHaveProperty([name]);
    }
  });
});
