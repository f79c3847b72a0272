/**
 * 64-bit perceptual hash (DCT hash): the picture's coarse structure, robust to noise, compression,
 * small shifts and brightness changes. Two frames of the same static shot differ by a few bits;
 * different pictures by about 32.
 */
const SIZE = 32;
const LOW = 8;

/**
 * Frames whose hashes differ in at most this many of 64 bits are near-duplicates. Measured on the
 * generated samples (see perceptualHash.test.ts): frames of one shot stay under 10 apart, frames of
 * different shots sit above 20.
 */
export const NEAR_DUPLICATE_BITS = 10;

const cosTable = (() => {
  const t = new Float64Array(LOW * SIZE);
  for (let u = 0; u < LOW; u++) {
    for (let x = 0; x < SIZE; x++) t[u * SIZE + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * SIZE));
  }
  return t;
})();

/** Hash of a grey image of any size (resampled to 32x32 by box averaging). */
export function perceptualHash(gray: Uint8Array, width: number, height: number): bigint {
  const img = resample(gray, width, height);
  // Separable DCT, only the 8x8 lowest frequencies are needed.
  const rows = new Float64Array(SIZE * LOW);
  for (let y = 0; y < SIZE; y++) {
    for (let u = 0; u < LOW; u++) {
      let sum = 0;
      for (let x = 0; x < SIZE; x++) sum += img[y * SIZE + x]! * cosTable[u * SIZE + x]!;
      rows[y * LOW + u] = sum;
    }
  }
  const coeffs: number[] = [];
  for (let v = 0; v < LOW; v++) {
    for (let u = 0; u < LOW; u++) {
      let sum = 0;
      for (let y = 0; y < SIZE; y++) sum += rows[y * LOW + u]! * cosTable[v * SIZE + y]!;
      coeffs.push(sum);
    }
  }
  // The DC term is overall brightness; leaving it out of the median makes the hash brightness-blind.
  const median = [...coeffs.slice(1)].sort((a, b) => a - b)[Math.floor((coeffs.length - 1) / 2)]!;
  let hash = 0n;
  for (let i = 0; i < 64; i++) if (coeffs[i]! > median) hash |= 1n << BigInt(i);
  return hash;
}

export function hammingDistance(a: bigint, b: bigint): number {
  let x = a ^ b;
  let count = 0;
  while (x) {
    x &= x - 1n;
    count++;
  }
  return count;
}

export function hashToHex(hash: bigint): string {
  return hash.toString(16).padStart(16, "0");
}

function resample(gray: Uint8Array, width: number, height: number): Float64Array {
  const out = new Float64Array(SIZE * SIZE);
  for (let y = 0; y < SIZE; y++) {
    const y0 = Math.floor((y * height) / SIZE);
    const y1 = Math.max(y0 + 1, Math.floor(((y + 1) * height) / SIZE));
    for (let x = 0; x < SIZE; x++) {
      const x0 = Math.floor((x * width) / SIZE);
      const x1 = Math.max(x0 + 1, Math.floor(((x + 1) * width) / SIZE));
      let sum = 0;
      for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) sum += gray[yy * width + xx]!;
      out[y * SIZE + x] = sum / ((y1 - y0) * (x1 - x0));
    }
  }
  return out;
}
