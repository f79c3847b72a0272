import path from "node:path";
import type { Plugin, UserConfig } from "vite";

/**
 * One classic script instead of an ES module: CEP loads the page from file://, where Chromium
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

/** The Vite build of a Premiere panel page (UXP or CEP): its index.html in `root`, built into `root/dist/page`. */
export function premierePageConfig(root: string): UserConfig {
  return {
    root,
    // Relative asset paths: the page loads from inside a UXP plugin and from file:// in CEP.
    base: "./",
    plugins: [classicScript()],
    build: {
      outDir: path.join(root, "dist/page"),
      emptyOutDir: true,
      // CEP 12 (Premiere 25.0-25.5) ships a Chromium of 2021 vintage; UXP's V8 is newer.
      target: "es2020",
      modulePreload: false,
      cssCodeSplit: false,
      reportCompressedSize: false,
      // One script on purpose (neither host loads split chunks from file:// or a plugin folder).
      chunkSizeWarningLimit: 1024,
      rolldownOptions: {
        output: {
          format: "iife",
          entryFileNames: "assets/panel-[hash].js",
          assetFileNames: "assets/[name]-[hash][extname]",
        },
      },
    },
  };
}
