import { defineConfig } from "vitest/config";

/**
 * The panel's end-to-end tests: the built panel (npm run build:panel) in Debian's chromium, driven by
 * playwright-core, against a real engine on loopback. One file at a time: a browser and an engine
 * already share two cores.
 */
export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    // The Resolve plugin's page is the same panel in another host; it builds its own page.
    include: [
      "shared/ui/e2e/**/*.e2e.ts",
      "panel-resolve-bridge/workflow-integration/e2e/**/*.e2e.ts",
      "panel-premiere/uxp/e2e/**/*.e2e.ts",
      "panel-premiere/cep/e2e/**/*.e2e.ts",
    ],
    exclude: ["**/node_modules/**"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // What a page shows after a key or a message comes within a frame or two; on a loaded 2-core CI
    // machine a render can take far longer than the default second, and a poll that gives up there
    // reports a slow machine as a broken panel.
    expect: { poll: { timeout: 10_000 } },
    fileParallelism: false,
    maxWorkers: 1,
  },
});
