import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../../test/fixtures.ts";
import { runCli } from "../../../test/runCli.ts";
import { defaultCatalogPath, SqliteCatalog } from "../../catalog/index.ts";
import { UsageLedger } from "../../keywording/usage/UsageLedger.ts";

let dir: string;
let home: string;
const env = (): NodeJS.ProcessEnv => ({ SICHTER_HOME: home });

beforeAll(() => {
  dir = makeTempDir("sichter-usage-cli-");
  home = path.join(dir, "home");
  // Seeded the way the engine's send will write it: through UsageLedger on the catalog's connection.
  const catalog = SqliteCatalog.open(defaultCatalogPath(env()));
  try {
    const ledger = new UsageLedger(catalog.database);
    const base = { provider: "sichter.openai-vision", currency: "EUR" } as const;
    ledger.record({
      ...base,
      at: new Date("2026-11-03T09:15:20Z"),
      requests: 2,
      images: 2,
      keyframes: 8,
      bytesSent: 240_000,
      inputTokens: 1800,
      outputTokens: 300,
      estimatedCost: 0.012,
      footageSeconds: 90,
    });
    ledger.record({
      ...base,
      at: new Date("2026-11-10T14:00:00Z"),
      requests: 1,
      images: 1,
      keyframes: 4,
      bytesSent: 120_000,
      inputTokens: 900,
      outputTokens: 150,
      estimatedCost: 0.006,
      footageSeconds: 90,
    });
    ledger.record({
      at: new Date("2026-12-02T10:00:00Z"),
      provider: "acme.vision",
      currency: "USD",
      requests: 5,
      images: 5,
      keyframes: 5,
      bytesSent: 500_000,
      inputTokens: 0,
      outputTokens: 0,
      estimatedCost: 0.25,
      footageSeconds: 0,
    });
  } finally {
    catalog.dispose();
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("sichter usage", () => {
  it("--json: totals per provider and overall with per-minute ratios", async () => {
    const r = await runCli(["usage", "--json"], { env: env() });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.since).toBeNull();
    expect(doc.providers.map((p: { provider: string }) => p.provider)).toEqual([
      "acme.vision",
      "sichter.openai-vision",
    ]);
    expect(doc.providers[1]).toEqual({
      provider: "sichter.openai-vision",
      requests: 3,
      images: 3,
      keyframes: 12,
      bytesSent: 360_000,
      inputTokens: 2700,
      outputTokens: 450,
      tokens: 3150,
      estimatedCost: [{ currency: "EUR", amount: 0.018 }],
      footageMinutes: 3,
      perFootageMinute: { images: 1, tokens: 1050, requests: 1 },
    });
    expect(doc.total).toMatchObject({
      requests: 8,
      estimatedCost: [
        { currency: "EUR", amount: 0.018 },
        { currency: "USD", amount: 0.25 },
      ],
      perFootageMinute: { images: 2.6667, tokens: 1050, requests: 2.6667 },
    });
  });

  it("--since/--until select a period (until not included)", async () => {
    const r = await runCli(["usage", "--json", "--since", "2026-11-01", "--until", "2026-12-01"], { env: env() });
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ since: "2026-11-01T00:00:00.000Z", until: "2026-12-01T00:00:00.000Z" });
    expect(doc.providers.map((p: { provider: string }) => p.provider)).toEqual(["sichter.openai-vision"]);
    expect(doc.total.requests).toBe(3);

    const later = JSON.parse(
      (await runCli(["usage", "--json", "--since", "2026-11-10T14:00:00Z"], { env: env() })).stdout,
    );
    expect(later.total.requests).toBe(6);
  });

  it("German human output: tables per provider and the per-minute-of-footage ratios", async () => {
    const r = await runCli(["usage", "--since", "2026-11-01", "--until", "2026-12-01"], {
      env: { ...env(), SICHTER_LANG: "de" },
    });
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("Nutzung der Schlagwortanbieter: ab 2026-11-01T00:00:00.000Z, vor 2026-12-01T00:00:00.000Z");
    expect(lines[2]).toMatch(
      /^Anbieter\s+Anfragen\s+Bilder\s+Keyframes\s+Gesendet\s+Tokens ein\s+Tokens aus\s+Material\s+Kosten \(geschätzt\)$/,
    );
    expect(lines[3]).toMatch(/^sichter\.openai-vision\s+3\s+3\s+12\s+360,0 kB\s+2\.700\s+450\s+3,0 min\s+0,018 EUR$/);
    expect(lines[4]).toMatch(/^Summe\s+3\s+/);
    expect(lines[6]).toMatch(/^Pro Minute Material\s+Bilder\s+Tokens\s+Anfragen$/);
    expect(lines[7]).toMatch(/^sichter\.openai-vision\s+1,00\s+1\.050\s+1,00$/);
    expect(r.stdout).not.toContain("acme.vision");
  });

  it("English human output, a provider without footage has no ratios", async () => {
    const r = await runCli(["usage"], { env: env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Keyword provider usage: everything recorded");
    expect(r.stdout).toMatch(/\nacme\.vision\s+5\s+5\s+5\s+500\.0 kB\s+0\s+0\s+0\.0 min\s+0\.25 USD\n/);
    expect(r.stdout).toMatch(/\nTotal\s+8\s+.*0\.018 EUR \+ 0\.25 USD\n/);
    expect(r.stdout).toMatch(/\nacme\.vision\s+–\s+–\s+–\n/);
  });

  it("an empty period says so", async () => {
    const r = await runCli(["usage", "--since", "2030-01-01"], { env: env() });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("No keyword provider usage recorded.");
  });

  it.each([
    [
      ["--since", "yesterday"],
      '--since needs a date like 2026-11-01 or a time like 2026-11-01T08:00:00Z, not "yesterday"',
    ],
    [["--since", "2026-02-31"], "--since needs a date"],
    [["--until", "2026-11-01T08:00"], "--until needs a date"],
    [["--since", "2026-12-01", "--until", "2026-11-01"], "--since must be before --until"],
    [["november"], "sichter usage takes no arguments"],
    [["--period", "x"], "see: sichter usage --help"],
  ])("%j: exit 2 with a usage error", async (args, message) => {
    const r = await runCli(["usage", ...args], { env: env() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^SICHTER_E_USAGE: /);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
  });

  it("is listed in the help", async () => {
    const r = await runCli(["--help"], { env: env() });
    expect(r.stdout).toMatch(/\n {2}usage \[--since DATE\] +what cloud keyword providers/);
    const own = await runCli(["usage", "--help"], { env: env() });
    expect(own.code).toBe(0);
    expect(own.stdout).toContain("--until");
  });
});
