import type { Locale } from "@sichter/shared/errors";
import type { CostAmount, UsageSummary, UsageTotals } from "./UsageSummary.ts";

const TEXT = {
  en: {
    title: "Keyword provider usage",
    all: "everything recorded",
    since: (since: string) => `since ${since}`,
    until: (until: string) => `before ${until}`,
    none: "No keyword provider usage recorded.",
    provider: "Provider",
    requests: "Requests",
    images: "Images",
    keyframes: "Keyframes",
    sent: "Sent",
    tokensIn: "Tokens in",
    tokensOut: "Tokens out",
    footage: "Footage",
    cost: "Est. cost",
    total: "Total",
    perMinute: "Per minute of footage",
    tokens: "Tokens",
    noFootage: "–",
  },
  de: {
    title: "Nutzung der Schlagwortanbieter",
    all: "gesamter erfasster Zeitraum",
    since: (since: string) => `ab ${since}`,
    until: (until: string) => `vor ${until}`,
    none: "Keine Nutzung von Schlagwortanbietern erfasst.",
    provider: "Anbieter",
    requests: "Anfragen",
    images: "Bilder",
    keyframes: "Keyframes",
    sent: "Gesendet",
    tokensIn: "Tokens ein",
    tokensOut: "Tokens aus",
    footage: "Material",
    cost: "Kosten (geschätzt)",
    total: "Summe",
    perMinute: "Pro Minute Material",
    tokens: "Tokens",
    noFootage: "–",
  },
} as const;

/**
 * `sichter usage` for people: one table of totals per provider, one of the per-minute-of-footage
 * ratios (what a newsroom budgets with), numbers in the locale's notation.
 */
export function usageReport(summary: UsageSummary, locale: Locale): string {
  const t = TEXT[locale];
  const tag = locale === "de" ? "de-DE" : "en-GB";
  const int = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const dec = (digits: number) =>
    new Intl.NumberFormat(tag, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const money = new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 4 });

  const bounds = [summary.since && t.since(summary.since), summary.until && t.until(summary.until)].filter(Boolean);
  const period = bounds.length === 0 ? t.all : bounds.join(", ");
  const lines = [`${t.title}: ${period}`, ""];
  if (summary.providers.length === 0) return `${lines.concat(t.none).join("\n")}\n`;

  const cost = (c: readonly CostAmount[]): string =>
    c.length === 0 ? money.format(0) : c.map((a) => `${money.format(a.amount)} ${a.currency}`).join(" + ");
  const bytes = (n: number): string => formatBytes(n, dec(1), int);
  const rows: Array<[string, UsageTotals]> = [
    ...summary.providers.map((p): [string, UsageTotals] => [p.provider, p]),
    [t.total, summary.total],
  ];

  lines.push(
    ...table(
      [t.provider, t.requests, t.images, t.keyframes, t.sent, t.tokensIn, t.tokensOut, t.footage, t.cost],
      rows.map(([name, u]) => [
        name,
        int.format(u.requests),
        int.format(u.images),
        int.format(u.keyframes),
        bytes(u.bytesSent),
        int.format(u.inputTokens),
        int.format(u.outputTokens),
        `${dec(1).format(u.footageMinutes)} min`,
        cost(u.estimatedCost),
      ]),
    ),
    "",
    ...table(
      [t.perMinute, t.images, t.tokens, t.requests],
      rows.map(([name, u]) => {
        const r = u.perFootageMinute;
        return r
          ? [name, dec(2).format(r.images), int.format(r.tokens), dec(2).format(r.requests)]
          : [name, t.noFootage, t.noFootage, t.noFootage];
      }),
    ),
  );
  return `${lines.join("\n")}\n`;
}

/** First column left-aligned, the numbers right-aligned, two spaces between columns. */
function table(header: readonly string[], body: readonly string[][]): string[] {
  const all = [header, ...body];
  const widths = header.map((_, c) => Math.max(...all.map((row) => row[c]!.length)));
  return all.map((row) =>
    row
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join("  ")
      .trimEnd(),
  );
}

/** Decimal units (kB = 1000 bytes), as providers and invoices count. */
function formatBytes(n: number, oneDecimal: Intl.NumberFormat, int: Intl.NumberFormat): string {
  if (n < 1000) return `${int.format(n)} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = n / 1000;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${oneDecimal.format(value)} ${units[unit]}`;
}
