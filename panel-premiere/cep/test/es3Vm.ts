import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";

/** Built-ins ECMAScript 3 (ExtendScript) lacks, removed from the test VM so using one fails. */
const REMOVED: Readonly<Record<string, readonly string[]>> = {
  "Array.prototype": [
    "map",
    "forEach",
    "filter",
    "reduce",
    "reduceRight",
    "some",
    "every",
    "indexOf",
    "lastIndexOf",
    "find",
    "findIndex",
    "includes",
    "fill",
    "keys",
    "values",
    "entries",
    "flat",
    "flatMap",
    "at",
  ],
  "String.prototype": [
    "trim",
    "trimStart",
    "trimEnd",
    "padStart",
    "padEnd",
    "includes",
    "startsWith",
    "endsWith",
    "repeat",
    "at",
    "codePointAt",
    "normalize",
    "replaceAll",
  ],
  Array: ["isArray", "from", "of"],
  Object: [
    "keys",
    "create",
    "defineProperty",
    "defineProperties",
    "getPrototypeOf",
    "freeze",
    "seal",
    "assign",
    "entries",
    "values",
    "getOwnPropertyNames",
  ],
  "Function.prototype": ["bind"],
  Date: ["now"],
};
const REMOVED_GLOBALS = ["JSON", "Map", "Set", "WeakMap", "WeakSet", "Promise", "Symbol", "Proxy", "Reflect"];

/** A JavaScript VM with ECMAScript 3's built-ins only, where ExtendScript code can be run. */
export function es3Context(): vm.Context {
  const context = vm.createContext({});
  const removals = Object.entries(REMOVED)
    .map(([owner, names]) => names.map((name) => `delete ${owner}.${name};`).join("\n"))
    .join("\n");
  vm.runInContext(
    `${removals}\n${REMOVED_GLOBALS.map((name) => `delete globalThis.${name};`).join("\n")}\ndelete globalThis.globalThis;`,
    context,
  );
  return context;
}

const jsxPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../jsx/sichter.jsx");

/** An ES3 VM with Sichter's compiled ExtendScript loaded. */
export function contextWithSichterJsx(): vm.Context {
  const context = es3Context();
  vm.runInContext(readFileSync(jsxPath, "utf8"), context, { filename: "sichter.jsx" });
  return context;
}
