import { describe, expect, it } from "vitest";
import { SichterSection } from "./SichterSection.ts";

const section = (extra: Record<string, unknown> = {}) => ({ engines: { sichter: "^0.1.0" }, ...extra });

describe("sichter.permissions", () => {
  it("is empty unless the manifest lists one", () => {
    expect(SichterSection.parse(section()).permissions).toEqual([]);
  });

  it('accepts "onnxRuntime"', () => {
    expect(SichterSection.parse(section({ permissions: ["onnxRuntime"] })).permissions).toEqual(["onnxRuntime"]);
  });

  it("rejects a permission the engine does not know", () => {
    const result = SichterSection.safeParse(section({ permissions: ["network"] }));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["permissions", 0]);
  });
});
