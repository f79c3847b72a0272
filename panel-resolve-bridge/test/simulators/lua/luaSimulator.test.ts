import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

describe("the Lua Resolve simulator", () => {
  it("keeps the documented rules in a real LuaJIT", () => {
    const script = fileURLToPath(new URL("./resolve_simulator_test.lua", import.meta.url));
    const run = spawnSync("luajit", [script], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("ok 21");
  });

  it("has a UI manager that keeps the documented rules in a real LuaJIT", () => {
    const script = fileURLToPath(new URL("./ui_manager_simulator_test.lua", import.meta.url));
    const run = spawnSync("luajit", [script], { encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("ok 10");
  });
});
