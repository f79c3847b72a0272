import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lastStderrLine, runTool } from "@sichter/engine";
import { drawtext, drawtextValue, escapeForGraph, quoteOptionValue } from "./DrawText.ts";
import { boldFont } from "./Fonts.ts";

describe("drawtext escaping", () => {
  it("quotes option values and escapes the graph level", () => {
    expect(quoteOptionValue("Reporter's view")).toBe("'Reporter'\\''s view'");
    expect(escapeForGraph("a,b;[c]\\'")).toBe("a\\,b\\;\\[c\\]\\\\\\'");
    expect(drawtextValue("News: 2%")).toBe("\\'News: 2%\\'");
  });

  it("refuses positions the graph parser would split", () => {
    expect(() => drawtext({ text: "x", font: boldFont(), size: 10, x: "max(0,w)", y: "0", color: "white" })).toThrow(
      /escaping/,
    );
  });

  describe("against ffmpeg", () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), "sichter-drawtext-"));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    // A file bypasses the option and graph parsers, so identical pixels mean the escaping is exact.
    it.each([
      "Breaking News: Storm warning",
      "Reporter's view from the quay",
      "DAX up 2% %{pts} \\n [a,b]; c=d {e}",
      "Straßensperrung in Göttingen – Ärger über Öl",
      "''\\'\\\\:",
    ])("draws %j exactly as read from a file", async (text) => {
      const file = join(dir, "text.txt");
      await writeFile(file, text, "utf8");
      const common = { font: boldFont(), size: 28, x: "8", y: "8", color: "white" };
      const fromArgs = await render(drawtext({ ...common, text }));
      const fromFile = await render(
        drawtext({ ...common, text: "placeholder" }).replace(/:text=.*$/, `:textfile=${drawtextValue(file)}`),
      );
      expect(fromArgs.length).toBe(640 * 48);
      expect(fromArgs.equals(fromFile)).toBe(true);
      // And the text is really drawn: a blank frame would also compare equal.
      expect(fromArgs.some((v) => v > 200)).toBe(true);
    });
  });
});

async function render(filter: string): Promise<Buffer> {
  const exit = await runTool("ffmpeg", [
    "-hide_banner",
    "-nostdin",
    "-v",
    "error",
    "-filter_complex",
    `color=c=black:s=640x48:r=25,${filter},format=gray`,
    "-frames:v",
    "1",
    "-f",
    "rawvideo",
    "-",
  ]);
  if (exit.code !== 0) throw new Error(`drawtext render failed: ${lastStderrLine(exit.stderr)}`);
  return exit.output;
}
