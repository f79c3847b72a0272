import type { Look, Still } from "./Looks.ts";

/**
 * Named looks the catalog combines. Neighbouring shots in a clip use different entries (or the
 * deliberately similar pairs below), so every cut has a real change of picture.
 */

export const stills = {
  /** Two neighbouring regions of the same spiral: same palette and texture, different layout. */
  spiralA: { kind: "fractal", x: -0.7453, y: 0.1127, scale: 0.0065 },
  spiralB: { kind: "fractal", x: -0.7449, y: 0.1102, scale: 0.0065 },
  valley: { kind: "fractal", x: -0.7487, y: 0.0695, scale: 0.012 },
  antenna: { kind: "fractal", x: -1.9408, y: 0.0, scale: 0.008 },
  minibrot: { kind: "fractal", x: -1.7685, y: 0.0016, scale: 0.012 },
  mosaic: { kind: "mosaic" },
} satisfies Record<string, Still>;

export const looks = {
  bars: { kind: "testsrc2" },
  barsWarm: { kind: "testsrc2", hue: 40 },
  barsMirrored: { kind: "testsrc2", mirror: true, hue: 150 },
  barsCool: { kind: "testsrc2", flip: true, hue: 220 },
  counter: { kind: "testsrc", hue: 200 },
  counterPlain: { kind: "testsrc" },
  seahorseZoom: { kind: "mandelbrot", x: -0.743643887, y: 0.131825904, scale: 0.05 },
  tendrilsZoom: { kind: "mandelbrot", x: -0.1011, y: 0.9563, scale: 0.02 },
  lifeGold: { kind: "life", seed: 7, live: "#ffd040", dead: "#8a3aaa", mold: "#402060" },
  lifeCyan: { kind: "life", seed: 3, live: "#40f0ff", dead: "#c03030", mold: "#602020" },
  lifeGreen: { kind: "life", seed: 11, live: "#60ff60", dead: "#3050c0", mold: "#203070" },
  automatonGreen: { kind: "cellauto", seed: 5, rule: 110, tint: [0.3, 0.9, 0.5] },
  automatonAmber: { kind: "cellauto", seed: 9, rule: 30, tint: [1, 0.6, 0.15] },
  studioBars: { kind: "inset", background: "smptehdbars", inset: "testsrc2" },
  studioRgb: { kind: "inset", background: "rgbtestsrc", inset: "mandelbrot" },
  studioNavy: { kind: "inset", background: "#1a2850", inset: "mandelbrot" },
  spiralA: { kind: "pan", still: stills.spiralA, drift: [3, 1] },
  spiralB: { kind: "pan", still: stills.spiralB, drift: [-2, 2] },
  valleyPan: { kind: "pan", still: stills.valley, drift: [2, -1], hue: 90 },
  antennaPan: { kind: "pan", still: stills.antenna, drift: [0, 2], hue: 200 },
  minibrotPan: { kind: "pan", still: stills.minibrot, drift: [-3, 0] },
} satisfies Record<string, Look>;
