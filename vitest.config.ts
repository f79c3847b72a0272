import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: [
      "shared/**/*.test.ts",
      "engine/**/*.test.ts",
      "bench/**/*.test.ts",
      "examples/**/*.test.ts",
      "panel-premiere/**/*.test.ts",
      "panel-resolve-bridge/**/*.test.ts",
      "manifest/**/*.test.ts",
      "lint/**/*.test.js",
    ],
    exclude: ["**/node_modules/**"],
    globalSetup: ["engine/test/globalSetup.ts"],
    // Media tests spawn real ffmpeg; two cores are shared between decoding and the test runner.
    testTimeout: 120_000,
    hookTimeout: 600_000,
    fileParallelism: true,
    maxWorkers: 2,
  },
});
