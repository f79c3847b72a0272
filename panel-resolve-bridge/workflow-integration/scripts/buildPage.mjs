// Builds the plugin's page (index.html and its assets) with Vite into a plugin folder: the shared
// panel with the Resolve host adapter, one classic script with relative paths, as Resolve's
// Electron loads it from the plugin folder (file://).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const here = path.dirname(fileURLToPath(import.meta.url));
const PAGE = path.resolve(here, "../src/page");

/** Chromium refuses module scripts and `crossorigin` requests from file://. */
function classicScript() {
  return {
    name: "sichter-classic-script",
    transformIndexHtml: {
      order: "post",
      handler: (html) =>
        html.replace(/<script type="module"/g, "<script defer").replace(/ crossorigin(="[^"]*")?/g, ""),
    },
  };
}

/** Writes index.html and assets/ into `outDir`, emptying it first. */
export async function buildPage(outDir) {
  await build({
    root: PAGE,
    base: "./",
    configFile: false,
    logLevel: "warn",
    plugins: [classicScript()],
    build: {
      outDir,
      emptyOutDir: true,
      target: "es2020",
      modulePreload: false,
      cssCodeSplit: false,
      reportCompressedSize: false,
      rolldownOptions: {
        output: {
          format: "iife",
          entryFileNames: "assets/panel-[hash].js",
          assetFileNames: "assets/[name]-[hash][extname]",
        },
      },
    },
  });
  return outDir;
}
