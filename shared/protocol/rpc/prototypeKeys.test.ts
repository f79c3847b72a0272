import { describe, expect, it } from "vitest";
import { parseIncoming } from "./parseIncoming.ts";
import { findPrototypeKey } from "./prototypeKeys.ts";

describe("prototype keys in params", () => {
  it("finds the first one by path, in objects and arrays; plain JSON has none", () => {
    expect(findPrototypeKey(JSON.parse('{"a":[1,{"b":{"__proto__":{}}}]}'), "params")).toBe("params.a[1].b.__proto__");
    expect(findPrototypeKey({ x: { constructor: 1 } }, "params")).toBe("params.x.constructor");
    expect(findPrototypeKey({ path: "/a.mov", options: { write: "none" }, list: [[], {}] }, "params")).toBeUndefined();
  });

  it("walks a deeply nested message without overflowing the stack", () => {
    const depth = 200_000;
    const text = `${"[".repeat(depth)}{"prototype":1}${"]".repeat(depth)}`;
    expect(findPrototypeKey(JSON.parse(text), "params")).toMatch(/\.prototype$/);
  });

  it("drops a client notification that carries one", () => {
    const incoming = parseIncoming(
      '{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":1,"__proto__":{"x":1}}}',
    );
    expect(incoming).toEqual({ kind: "dropped", reason: "$/cancelRequest: params.__proto__: this key is not allowed" });
  });
});
