// Lint: the language rules of ESLint and typescript-eslint, and the architecture's import
// boundaries (lint/importBoundaries.js), so that a wrong arrow between layers fails `npm test`.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import { importBoundaries } from "./lint/importBoundaries.js";

const TESTS = ["**/*.test.ts", "**/*.test.tsx", "**/*.e2e.ts", "**/test/**", "**/e2e/**"];
const HOST_APIS = ["@adobe/**", "premierepro", "uxp", "types-for-adobe", "types-for-adobe/**"];

/** A layer of the engine's core: no extension, and none of the layers above it. */
function engineLayer(name, folder, above) {
  return layer(
    name,
    [`engine/src/${folder}/**/*.{ts,js,mjs}`],
    {
      forbidFiles: ["engine/extensions/**", ...above.map((f) => `engine/src/${f}/**`)],
      forbidPackages: ["@sichter/engine/extensions/**"],
    },
    TESTS,
  );
}

/** One layer: the files it covers and what their imports may reach. */
function layer(name, files, rule, ignores = []) {
  return {
    name: `boundaries/${name}`,
    files,
    ignores,
    rules: { "local/import-boundaries": ["error", { layer: name, ...rule }] },
  };
}

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/dist/**",
      ".samples/**",
      ".scratch/**",
      "coverage/**",
      "panel-premiere/cep/jsx/**",
      "**/*.d.ts",
      "shared/protocol/schema/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Tests read JSON answers and poke at internals; `any` there says "whatever came back".
    name: "sichter/tests",
    files: TESTS,
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    // Simulators mimic hosts' object models, which hand out `this` to callbacks as the real ones do.
    name: "sichter/simulators",
    files: ["**/test/simulators/**"],
    rules: { "@typescript-eslint/no-this-alias": "off" },
  },
  {
    name: "sichter/language",
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: {
        console: "readonly",
        process: "readonly",
        Buffer: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        setInterval: "readonly",
        clearInterval: "readonly",
        queueMicrotask: "readonly",
        structuredClone: "readonly",
      },
    },
    plugins: { local: { rules: { "import-boundaries": importBoundaries } } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none", ignoreRestSiblings: true },
      ],
      "@typescript-eslint/consistent-type-imports": [
        "error",
        { fixStyle: "inline-type-imports", disallowTypeAnnotations: false },
      ],
      // Paths, keys and labels are checked for control characters on purpose.
      "no-control-regex": "off",
      "no-undef": "off", // TypeScript knows the globals better
    },
  },

  // Extensions, built-in or not: the SDK and their own folder, nothing else of Sichter's.
  layer(
    "an extension",
    ["engine/extensions/**/*.{ts,js,mjs}"],
    {
      allowFiles: ["engine/extensions/{own}/**"],
      forbidPackages: ["@sichter/**"],
      allowPackages: ["@sichter/engine/extension-api"],
    },
    TESTS,
  ),
  // Its tests may also use the test support, the generated samples, the host's manifest checks and
  // the other built-ins through their public entry (an OCR test needs real shots).
  layer(
    "an extension's test",
    TESTS.map((t) => `engine/extensions/${t}`),
    {
      allowFiles: [
        "engine/extensions/{own}/**",
        "engine/test/**",
        "bench/samples/**",
        "engine/src/extensionHost/manifest/**",
        "engine/src/version.ts",
      ],
      forbidPackages: ["@sichter/**"],
      allowPackages: ["@sichter/engine/extension-api", "@sichter/engine/extensions/*"],
    },
  ),
  // The engine's core never reaches into an extension (its tests may run the built-in steps), and its
  // layers point one way: cli, server → pipeline → extensionHost → keywording, jobs → catalog,
  // extensionApi → media, text → core.
  layer(
    "engine core",
    ["engine/src/**/*.{ts,js,mjs}", "engine/bin/**"],
    { forbidFiles: ["engine/extensions/**"], forbidPackages: ["@sichter/engine/extensions/**"] },
    TESTS,
  ),
  engineLayer("the pipeline", "pipeline", ["server", "cli"]),
  engineLayer("the extension host", "extensionHost", ["pipeline", "server", "cli"]),
  engineLayer("keywording", "keywording", ["extensionHost", "pipeline", "server", "cli", "jobs"]),
  engineLayer("the job queue", "jobs", ["extensionHost", "pipeline", "server", "cli", "keywording"]),
  engineLayer("the catalog", "catalog", [
    "extensionApi",
    "extensionHost",
    "pipeline",
    "server",
    "cli",
    "keywording",
    "jobs",
  ]),
  engineLayer("media", "media", [
    "catalog",
    "extensionApi",
    "extensionHost",
    "pipeline",
    "server",
    "cli",
    "keywording",
    "jobs",
  ]),
  engineLayer("text", "text", [
    "media",
    "catalog",
    "extensionApi",
    "extensionHost",
    "pipeline",
    "server",
    "cli",
    "keywording",
    "jobs",
  ]),
  engineLayer("the core", "core", [
    "text",
    "media",
    "catalog",
    "extensionApi",
    "extensionHost",
    "pipeline",
    "server",
    "cli",
    "keywording",
    "jobs",
  ]),
  // The SDK is what extensions see: the base layer (core, media, text), never the host's machinery.
  layer(
    "the extension SDK",
    ["engine/src/extensionApi/**/*.ts"],
    {
      allowFiles: [
        "engine/src/extensionApi/**",
        "engine/src/core/**",
        "engine/src/media/**",
        "engine/src/text/**",
        "engine/src/extensionApi/TagWriter.ts",
      ],
    },
    TESTS,
  ),
  // Shared code serves the engine and every panel, so it depends on none of them.
  layer(
    "shared code",
    ["shared/**/*.{ts,tsx,js,mjs}"],
    {
      forbidFiles: ["engine/**", "panel-premiere/**", "panel-resolve-bridge/**", "bench/**"],
      forbidPackages: [
        "@sichter/engine",
        "@sichter/engine/**",
        "@sichter/premiere-*",
        "@sichter/resolve-*",
        ...HOST_APIS,
      ],
    },
    TESTS,
  ),
  // A host's API only inside that host's folder.
  layer(
    "Premiere's shared panel code",
    ["panel-premiere/common/**/*.{ts,tsx}"],
    {
      forbidFiles: ["engine/**", "panel-premiere/uxp/**", "panel-premiere/cep/**"],
      forbidPackages: ["@sichter/engine", "@sichter/engine/**", ...HOST_APIS],
    },
    TESTS,
  ),
  layer(
    "the CEP panel",
    ["panel-premiere/cep/**/*.{ts,tsx}"],
    {
      forbidFiles: ["engine/**", "panel-premiere/uxp/**"],
      forbidPackages: ["@sichter/engine", "@sichter/engine/**", "@adobe/**", "premierepro", "uxp"],
    },
    TESTS,
  ),
  layer(
    "the UXP panel",
    ["panel-premiere/uxp/**/*.{ts,tsx}"],
    {
      forbidFiles: ["engine/**", "panel-premiere/cep/**"],
      forbidPackages: ["@sichter/engine", "@sichter/engine/**", "types-for-adobe", "types-for-adobe/**"],
    },
    TESTS,
  ),
  layer(
    "the Resolve bridge",
    ["panel-resolve-bridge/**/*.{ts,tsx}"],
    {
      forbidFiles: ["engine/**", "panel-premiere/**"],
      forbidPackages: ["@sichter/engine", "@sichter/engine/**", ...HOST_APIS],
    },
    TESTS,
  ),
);
