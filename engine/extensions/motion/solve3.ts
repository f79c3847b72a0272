/** Solves a 3x3 system (row-major) by Cramer's rule; null when singular. */
export function solve3(m: readonly number[], v: readonly number[]): [number, number, number] | null {
  const [a, b, c, d, e, f, g, h, i] = m as [number, number, number, number, number, number, number, number, number];
  const det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  if (!Number.isFinite(det) || Math.abs(det) < 1e-12) return null;
  const [p, q, r] = v as [number, number, number];
  const x = (p * (e * i - f * h) - b * (q * i - f * r) + c * (q * h - e * r)) / det;
  const y = (a * (q * i - f * r) - p * (d * i - f * g) + c * (d * r - q * g)) / det;
  const z = (a * (e * r - q * h) - b * (d * r - q * g) + p * (d * h - e * g)) / det;
  return [x, y, z];
}
