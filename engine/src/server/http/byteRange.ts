/** What a request's Range header asks of a file of `size` bytes. */
export type ByteRange =
  | { readonly kind: "full" }
  | { readonly kind: "partial"; readonly start: number; readonly end: number }
  | { readonly kind: "unsatisfiable" };

/**
 * Reads a `Range: bytes=...` header (RFC 9110, 14.1.2): `a-b`, `a-` and the suffix `-n`, `end`
 * inclusive and clipped to the file. No header, another unit, or several ranges (which no video
 * element asks for) get the whole file; a byte range that is malformed, reversed or starts past the
 * end cannot be served (416).
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange {
  if (header === undefined || header.trim() === "") return { kind: "full" };
  const match = /^\s*bytes\s*=\s*(.*)$/i.exec(header);
  if (!match) return { kind: "full" };
  const specs = match[1]!
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  if (specs.length > 1) return { kind: "full" };
  const spec = /^(\d*)-(\d*)$/.exec(specs[0] ?? "");
  if (!spec || (spec[1] === "" && spec[2] === "") || size === 0) return { kind: "unsatisfiable" };
  if (spec[1] === "") {
    const suffix = Number(spec[2]);
    if (suffix === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(spec[1]);
  const last = spec[2] === "" ? size - 1 : Number(spec[2]);
  if (start >= size || last < start) return { kind: "unsatisfiable" };
  return { kind: "partial", start, end: Math.min(last, size - 1) };
}
