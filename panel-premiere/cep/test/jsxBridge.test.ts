import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { buildJsx, JSX_FILE } from "../scripts/buildJsx.ts";
import { es3SyntaxProblems } from "../scripts/checkEs3Syntax.ts";
import { readScriptResult, scriptFor } from "../src/evalScriptCall.ts";
import { contextWithSichterJsx, es3Context } from "./es3Vm.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/** One evalScript round trip: the panel's code string run in ExtendScript, its answer read back. */
function call(context: vm.Context, method: string, args: unknown) {
  return readScriptResult(String(vm.runInContext(scriptFor(method, args), context)));
}

describe("CEP ExtendScript bridge", () => {
  it("the committed sichter.jsx is what the sources compile to (npm run build -w @sichter/premiere-cep)", () => {
    expect(readFileSync(path.join(root, JSX_FILE), "utf8")).toBe(buildJsx());
  });

  it("runs in a VM that really lacks ES5 built-ins", () => {
    const context = es3Context();
    expect(vm.runInContext("typeof JSON", context)).toBe("undefined");
    // Errors come from the VM's own realm: match the message, not the host's TypeError class.
    expect(() => vm.runInContext("[1, 2].map(function (n) { return n; })", context)).toThrow(/not a function/);
    expect(() => vm.runInContext("' a '.trim()", context)).toThrow(/not a function/);
    expect(() => vm.runInContext("Object.keys({})", context)).toThrow(/not a function/);
  });

  it("carries any arguments through evalScript and back as JSON", () => {
    const context = contextWithSichterJsx();
    const args = {
      path: 'C:\\Medien\\Köln\\A001 "final".mov',
      keywords: ["Dom", "Rhein\u2028Ufer", "tab\there", "</script>", "😀"],
      frame: 17982,
      rate: 29.97002997002997,
      negative: -0.5,
      nested: { empty: [], none: null, yes: true, no: false },
    };
    expect(call(context, "ping", args)).toEqual({ ok: true, value: { pong: args } });
    expect(call(context, "ping", null)).toEqual({ ok: true, value: { pong: null } });
  });

  it("answers errors as JSON values with a stable code", () => {
    const context = contextWithSichterJsx();
    expect(call(context, "nope", {})).toEqual({
      ok: false,
      error: { code: "SICHTER_E_METHOD_NOT_FOUND", message: "no ExtendScript method nope" },
    });
    vm.runInContext(
      'Sichter.register("fails", function () { throw Sichter.failure("SICHTER_E_FILE_NOT_FOUND", "gone"); });',
      context,
    );
    expect(call(context, "fails", {})).toEqual({
      ok: false,
      error: { code: "SICHTER_E_FILE_NOT_FOUND", message: "gone" },
    });
    vm.runInContext('Sichter.register("crashes", function () { return undefinedName.x; });', context);
    expect(call(context, "crashes", {})).toMatchObject({ ok: false, error: { code: "SICHTER_E_INTERNAL" } });
    const malformed = String(vm.runInContext('Sichter.call("ping", "{\\"a\\":")', context));
    expect(readScriptResult(malformed)).toMatchObject({
      ok: false,
      error: { code: "SICHTER_E_INTERNAL", message: expect.stringContaining("JSON") },
    });
  });

  it("reads what evalScript hands back when the script did not run or answered garbage", () => {
    expect(readScriptResult("EvalScript error.")).toMatchObject({ ok: false, error: { code: "SICHTER_E_INTERNAL" } });
    expect(readScriptResult("undefined")).toMatchObject({ ok: false, error: { code: "SICHTER_E_RESPONSE_INVALID" } });
    expect(readScriptResult('{"value":1}')).toMatchObject({ ok: false, error: { code: "SICHTER_E_RESPONSE_INVALID" } });
  });
});

describe("es3SyntaxProblems", () => {
  it("finds what ES3 engines refuse and passes plain ES3", () => {
    expect(
      es3SyntaxProblems(
        "var char = 1; var o = { a: 1, }; var b = [1, 2,]; var c = { get x() { return 1; } }; d.default = 2;",
      ),
    ).toEqual([
      '1:5 reserved word "char" used as a name',
      "1:23 trailing comma in an object literal",
      "1:42 trailing comma in an array literal",
      "1:61 getter or setter",
      '1:88 reserved word "default" used as a name',
    ]);
    expect(es3SyntaxProblems("var a = { b: [1, 2] }; function f(x) { return x + 1; }")).toEqual([]);
  });
});
