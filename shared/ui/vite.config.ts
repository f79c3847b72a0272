import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * One classic script instead of an ES module: CEP panels load the page from file://, where Chromium
 * refuses module scripts and `crossorigin` requests, and UXP runs no module scripts at all.
 */
function classicScript(): Plugin {
  return {
    name: "sichter-classic-script",
    transformIndexHtml: {
      order: "post",
      handler: (html) =>
        html.replace(/<script type="module"/g, "<script defer").replace(/ crossorigin(="[^"]*")?/g, ""),
    },
  };
}

export default defineConfig({
  root: here,
  // Relative asset paths: the same files load from the engine, from file:// (CEP) and from a UXP plugin.
  base: "./",
  plugins: [classicScript()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // CEP 12 (Premiere 25.0-25.5) ships a Chromium of 2021 vintage; UXP's V8 is newer.
    target: "es2020",
    modulePreload: false,
    cssCodeSplit: false,
    reportCompressedSize: true,
    rolldownOptions: {
      output: {
        format: "iife",
        entryFileNames: "assets/panel-[hash].js",
        assetFileNames: "assets/[name]-[hash][extname]",
      },
    },
  },
});
