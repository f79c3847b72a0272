import { describe, expect, it } from "vitest";
import { usageReport } from "./usageReport.ts";
import { totalsOf, type UsageGroup, type UsageSummary } from "./UsageSummary.ts";

const group = (over: Partial<UsageGroup>): UsageGroup => ({
  provider: "sichter.openai-vision",
  currency: "EUR",
  requests: 0,
  images: 0,
  keyframes: 0,
  bytesSent: 0,
  inputTokens: 0,
  outputTokens: 0,
  estimatedCost: 0,
  footageSeconds: 0,
  ...over,
});

function summaryOf(groups: UsageGroup[], range: { since?: string; until?: string } = {}): UsageSummary {
  const providers = [...new Set(groups.map((g) => g.provider))].sort().map((provider) => ({
    provider,
    ...totalsOf(groups.filter((g) => g.provider === provider)),
  }));
  return { since: range.since ?? null, until: range.until ?? null, providers, total: totalsOf(groups) };
}

const openai = group({
  requests: 12,
  images: 12,
  keyframes: 40,
  bytesSent: 1_234_567,
  inputTokens: 12_000,
  outputTokens: 2500,
  estimatedCost: 0.42,
  footageSeconds: 1440,
});

describe("usageReport", () => {
  it("English: totals table and ratios table, aligned", () => {
    const text = usageReport(summaryOf([openai]), "en");
    expect(text).toBe(
      [
        "Keyword provider usage: everything recorded",
        "",
        "Provider               Requests  Images  Keyframes    Sent  Tokens in  Tokens out   Footage  Est. cost",
        "sichter.openai-vision        12      12         40  1.2 MB     12,000       2,500  24.0 min   0.42 EUR",
        "Total                        12      12         40  1.2 MB     12,000       2,500  24.0 min   0.42 EUR",
        "",
        "Per minute of footage  Images  Tokens  Requests",
        "sichter.openai-vision    0.50     604      0.50",
        "Total                    0.50     604      0.50",
        "",
      ].join("\n"),
    );
  });

  it("German: German words and number notation", () => {
    const text = usageReport(summaryOf([openai], { since: "2026-11-01T00:00:00.000Z" }), "de");
    expect(text).toContain("Nutzung der Schlagwortanbieter: ab 2026-11-01T00:00:00.000Z\n");
    expect(text).toMatch(/\nsichter\.openai-vision\s+12\s+12\s+40\s+1,2 MB\s+12\.000\s+2\.500\s+24,0 min\s+0,42 EUR\n/);
    expect(text).toMatch(/\nPro Minute Material\s+Bilder\s+Tokens\s+Anfragen\n/);
    expect(text).toMatch(/\nSumme\s+0,50\s+604\s+0,50\n/);
  });

  it("several currencies are listed apart, never added", () => {
    const text = usageReport(
      summaryOf([
        openai,
        group({
          provider: "acme.vision",
          currency: "USD",
          requests: 1,
          images: 1,
          keyframes: 1,
          estimatedCost: 0.0125,
        }),
      ]),
      "en",
    );
    expect(text).toMatch(/\nTotal\s+13\s+.*0\.42 EUR \+ 0\.0125 USD\n/);
    expect(text).toMatch(/\nacme\.vision\s+–\s+–\s+–\n/);
  });

  it("bytes in decimal units", () => {
    const text = usageReport(summaryOf([group({ requests: 1, images: 1, keyframes: 1, bytesSent: 999 })]), "en");
    expect(text).toMatch(/\s999 B\s/);
  });

  it("nothing recorded", () => {
    expect(usageReport(summaryOf([], { until: "2026-12-01T00:00:00.000Z" }), "de")).toBe(
      "Nutzung der Schlagwortanbieter: vor 2026-12-01T00:00:00.000Z\n\nKeine Nutzung von Schlagwortanbietern erfasst.\n",
    );
  });
});
