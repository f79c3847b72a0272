import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { premierePageConfig } from "../vitePageConfig.ts";

export default defineConfig(premierePageConfig(path.dirname(fileURLToPath(import.meta.url))));
