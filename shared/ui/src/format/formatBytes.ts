import type { UiLocale } from "../host/HostAdapter.ts";

/** Bytes as a person reads them, in decimal units (what a provider's bill counts): "83 kB", "1,2 MB". */
export function formatBytes(bytes: number, locale: UiLocale): string {
  const tag = locale === "de" ? "de-DE" : "en-GB";
  const units = ["B", "kB", "MB", "GB"] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(tag, { maximumFractionDigits: digits })} ${units[unit]}`;
}
