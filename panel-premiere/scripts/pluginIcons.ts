import { type Rgba, pngImage } from "./pngImage.ts";

/** An icon a UXP manifest declares: its path and size at scale 1, the scales and themes it is drawn for. */
interface DeclaredIcon {
  readonly path: string;
  readonly width: number;
  readonly height: number;
  readonly scale?: readonly number[];
  readonly theme?: readonly string[];
}

const LIGHT_INK: Rgba = [222, 222, 222, 255];
const DARK_INK: Rgba = [50, 50, 50, 255];
const ACCENT: Rgba = [38, 128, 235, 255];

/**
 * Every icon file the manifest names, drawn: a clip frame with a marker flag (Sichter marks shots),
 * light ink for dark themes and dark ink for light ones. UXP looks a scaled icon up as
 * `name@<scale>x.png`; the plain path is written as well for hosts that read it as declared.
 */
export function pluginIcons(manifest: {
  icons?: DeclaredIcon[];
  entrypoints?: { icons?: DeclaredIcon[] }[];
}): { path: string; data: Buffer }[] {
  const declared = [...(manifest.icons ?? []), ...(manifest.entrypoints ?? []).flatMap((entry) => entry.icons ?? [])];
  const files = new Map<string, Buffer>();
  for (const icon of declared) {
    const lightThemes =
      (icon.theme ?? []).every((theme) => theme === "light" || theme === "lightest") && (icon.theme ?? []).length > 0;
    const ink = lightThemes ? DARK_INK : LIGHT_INK;
    const base = icon.path.replace(/\.png$/, "");
    files.set(icon.path, drawIcon(icon.width, icon.height, ink));
    for (const scale of icon.scale ?? [1])
      files.set(`${base}@${scale}x.png`, drawIcon(icon.width * scale, icon.height * scale, ink));
  }
  return [...files].map(([path, data]) => ({ path, data }));
}

function drawIcon(width: number, height: number, ink: Rgba): Buffer {
  const unit = Math.min(width, height);
  // Shapes in a 0-1 square; 4x4 samples per pixel for smooth edges.
  const inside = (u: number, v: number): Rgba | null => {
    const frame = u > 0.1 && u < 0.9 && v > 0.22 && v < 0.88 && !(u > 0.19 && u < 0.81 && v > 0.31 && v < 0.79);
    if (frame) return ink;
    const flagPole = u > 0.55 && u < 0.61 && v > 0.08 && v < 0.6;
    const flag = u >= 0.61 && u < 0.8 && v > 0.08 && v < 0.24 - (u - 0.61) * 0.3;
    return flagPole || flag ? ACCENT : null;
  };
  return pngImage(width, height, (x, y) => {
    let r = 0;
    let g = 0;
    let b = 0;
    let a = 0;
    for (let sy = 0; sy < 4; sy++) {
      for (let sx = 0; sx < 4; sx++) {
        const colour = inside((x + (sx + 0.5) / 4) / unit, (y + (sy + 0.5) / 4) / unit);
        if (!colour) continue;
        r += colour[0];
        g += colour[1];
        b += colour[2];
        a += colour[3];
      }
    }
    const hits = a / 255;
    return hits === 0 ? [0, 0, 0, 0] : [r / hits, g / hits, b / hits, a / 16];
  });
}
