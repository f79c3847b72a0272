import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/**
 * The fonts drawn text uses, from the `dejavu-fonts-ttf` devDependency: a system font would make
 * the pixels (and the OCR truth's difficulty) depend on the machine.
 */
export interface Font {
  readonly path: string;
  /**
   * Name and content hash. Recipes hash this instead of the path, so moving the checkout does not
   * regenerate clips while a different font version does.
   */
  readonly id: string;
}

const require = createRequire(import.meta.url);
const cache = new Map<string, Font>();

function font(file: string): Font {
  let found = cache.get(file);
  if (!found) {
    const path = require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
    const hash = createHash("sha256").update(readFileSync(path)).digest("hex").slice(0, 12);
    found = { path, id: `${file}@${hash}` };
    cache.set(file, found);
  }
  return found;
}

export function boldFont(): Font {
  return font("DejaVuSans-Bold.ttf");
}

export function regularFont(): Font {
  return font("DejaVuSans.ttf");
}
