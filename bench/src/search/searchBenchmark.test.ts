import { describe, expect, it } from "vitest";
import { searchBenchmark } from "../searchBenchmark.ts";

describe("searchBenchmark", () => {
  it("builds a small synthetic catalog and prints rates, size and latency rows", async () => {
    const lines: string[] = [];
    const table = await searchBenchmark({ clips: 300, tagsPerClip: 5, queries: 50, log: (l) => lines.push(l) });
    expect(table).toContain("300 clips, 1,500 tags");
    expect(table).toMatch(/tags\/s/);
    expect(table).toMatch(/size on disk: [\d.]+ MiB/);
    for (const row of [
      "all",
      "word",
      "prefix",
      "umlaut variant",
      "two words",
      ...["source", "status", "date", "folder"].map((f) => `word + ${f} filter`),
    ]) {
      const name = row.replace("+", "\\+");
      expect(table).toMatch(new RegExp(`\\| ${name} \\| \\d+ \\| [\\d.]+ \\| [\\d.]+ \\| [\\d.]+ \\|`));
    }
    // Umlaut-folded and prefix queries over the German vocabulary find something.
    expect(table).not.toContain("0.0 clips returned");
  });
});
