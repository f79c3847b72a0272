import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorMessages } from "@sichter/shared/protocol";
import { messages as panelMessages } from "../../../shared/ui/src/i18n/messages.ts";
import { type EngineProcess, startEngine, stopEngineWithClient } from "../../../engine/test/engineProcess.ts";
import { makeCutClip, makeTempDir } from "../../../engine/test/fixtures.ts";
import { luajit, withLocale } from "./luajitTestSupport.ts";

/**
 * Sichter.lua speaks the editor's language, German or English: Resolve's scripting API tells a
 * script nothing about Resolve's own UI language, so the script goes by Sichter's SICHTER_LANG, else
 * the system's locale (LC_ALL, LC_MESSAGES, LANG on macOS and Linux; the user's UI language on
 * Windows), else English. Run in a real LuaJIT as Resolve runs it, against a real engine.
 */
type Texts = Record<"de" | "en", Record<string, string>>;
interface TextsOutcome {
  texts: Texts;
  engineMessages: Record<string, { en: string; de: string }>;
  picked: string[];
  described: string[];
}
interface WindowOutcome {
  error?: { code: string; message: string };
  log: { event: string; id?: string; value?: string }[];
  printed: string[];
  shown: string[];
  titles: string[];
}

let dir: string;
let home: string;
let engine: EngineProcess;

function scene(media: string) {
  return {
    version: "21.1",
    clips: [
      { name: "Pressekonferenz", filePath: media, fps: "25", frames: 150, startTimecode: "00:00:00:00", markers: [] },
    ],
    timeline: {
      name: "Beitrag 18 Uhr",
      fps: "25",
      placements: [{ clip: "Pressekonferenz", inFrame: 0, outFrame: 150, recordFrame: 0 }],
      playhead: 10,
    },
  };
}

function runMain(
  media: string,
  lang: string,
  input: { ui: boolean; user?: { click?: string; close?: boolean; whenText?: string }[] },
): WindowOutcome {
  return luajit(
    "./run_window.lua",
    { scene: scene(media), pollMs: 200, ...input },
    withLocale(lang, { ...process.env, SICHTER_HOME: home }),
  ) as WindowOutcome;
}

const texts = (outcome: WindowOutcome, id: string) =>
  outcome.log.filter((e) => e.event === "text" && e.id === id).map((e) => e.value!);
const panelStages = Object.entries(panelMessages).filter(([key]) => key.startsWith("stage.")) as [
  string,
  { de: string; en: string },
][];

/**
 * Every progress line is "<clip>: <n> %" or "<clip> – <stage>: <n> %"; a stage the panel names is
 * in `locale`'s words (never the other language's, never the engine's id for it); a stage the panel
 * does not name either ("cues") is shown as the engine names it, as the panel does.
 */
function expectStagesIn(locale: "de" | "en", lines: string[]): void {
  const other = locale === "de" ? "en" : "de";
  for (const line of lines) {
    const stage = /^Pressekonferenz(?: – (.+))?: \d+ %$/.exec(line);
    expect(stage, line).not.toBeNull();
    const label = stage![1];
    if (label === undefined) continue;
    expect(
      panelStages.map(([key]) => key.slice("stage.".length)),
      line,
    ).not.toContain(label);
    const foreign = panelStages
      .map(([, text]) => text[other])
      .filter((text) => !panelStages.some(([, t]) => t[locale] === text));
    expect(foreign, line).not.toContain(label);
  }
}

beforeAll(async () => {
  dir = fs.realpathSync(makeTempDir("sichter-lua-language-"));
  home = path.join(dir, "home");
  engine = await startEngine(home);
}, 60_000);
afterAll(async () => {
  await stopEngineWithClient(engine, undefined);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the language Sichter.lua speaks", () => {
  const outcome = () =>
    luajit("./texts.lua", {
      locales: [
        { env: { LANG: "de_DE.UTF-8" } },
        { env: { LANG: "en_GB.UTF-8" } },
        { env: { LANG: "de_DE.UTF-8", LC_MESSAGES: "en_US.UTF-8" } },
        { env: { LANG: "en_GB.UTF-8", LC_ALL: "de_AT.UTF-8" } },
        { env: { LANG: "C" } },
        { env: { LANG: "en_GB.UTF-8", SICHTER_LANG: "de" } },
        { env: { LANG: "de_DE.UTF-8", SICHTER_LANG: "en" } },
        { env: {} },
        { env: {}, os: "OSX", setlocale: "de_DE.UTF-8" },
        { env: {}, os: "OSX", setlocale: "C" },
        // Windows: the user's UI language (a LANGID: German is primary language 0x07), then the C locale.
        { env: {}, os: "Windows", uiLanguage: 0x0407 },
        { env: {}, os: "Windows", uiLanguage: 0x0c07 },
        { env: {}, os: "Windows", uiLanguage: 0x0809 },
        { env: { SICHTER_LANG: "en" }, os: "Windows", uiLanguage: 0x0407 },
        { env: {}, os: "Windows", setlocale: "German_Germany.1252" },
      ],
      errors: [
        // A job's stored error carries code and the engine's English text only: its params are read back from it.
        {
          error: {
            code: "SICHTER_E_PROBE_NOT_MEDIA",
            message: "Not a media file that ffmpeg can read: /Schnitt/Notiz.mp4",
          },
          locale: "de",
        },
        {
          error: {
            code: "SICHTER_E_PROBE_NOT_MEDIA",
            message: "Not a media file that ffmpeg can read: /Schnitt/Notiz.mp4",
          },
          locale: "en",
        },
        {
          error: {
            code: "SICHTER_E_FILE_NOT_FOUND",
            message: "File not found: /Schnitt/weg.mov",
            params: { path: "/Schnitt/weg.mov" },
          },
          locale: "de",
        },
        { error: { code: "SICHTER_E_CONNECTION_CLOSED", message: "" }, locale: "de" },
        // A code the script does not know (a newer engine), and a text that does not fit the template.
        { error: { code: "SICHTER_E_SOMETHING_NEW", message: "A newer engine says so." }, locale: "en" },
        { error: { code: "SICHTER_E_SOMETHING_NEW", message: "A newer engine says so." }, locale: "de" },
        { error: { code: "SICHTER_E_PROBE_NOT_MEDIA", message: "An older engine's wording" }, locale: "de" },
      ],
    }) as TextsOutcome;

  it("is German or English from SICHTER_LANG, the system locale or Windows' UI language, English otherwise", () => {
    expect(outcome().picked).toEqual([
      "de",
      "en",
      "en",
      "de",
      "en",
      "de",
      "en",
      "en",
      "de",
      "en",
      "de",
      "de",
      "en",
      "en",
      "de",
    ]);
  });

  it("words an engine error with the engine's message for its code in that language, else a short text of its own", () => {
    const { described, texts } = outcome();
    expect(described).toEqual([
      "Keine Mediendatei, die ffmpeg lesen kann: /Schnitt/Notiz.mp4",
      "Not a media file that ffmpeg can read: /Schnitt/Notiz.mp4",
      "Datei nicht gefunden: /Schnitt/weg.mov",
      "Die Verbindung zur Engine wurde getrennt. Läuft die Engine?",
      "A newer engine says so.",
      texts.de["engineError"],
      texts.de["engineError"],
    ]);
    expect(texts.de["engineError"]).toMatch(/^Die Sichter-Engine /);
  });

  it("keeps the engine's messages and the panel's stage names as the engine and the panel word them", () => {
    const { engineMessages, texts } = outcome();
    // The codes a run of the script meets most: its own, the transport's, the probe's.
    for (const code of [
      "SICHTER_E_CANCELLED",
      "SICHTER_E_CONNECTION_CLOSED",
      "SICHTER_E_UNAUTHORIZED",
      "SICHTER_E_FILE_NOT_FOUND",
      "SICHTER_E_PROBE_NOT_MEDIA",
      "SICHTER_E_PROBE_NOT_VIDEO",
    ]) {
      expect(engineMessages[code]).toBeDefined();
    }
    for (const [code, text] of Object.entries(engineMessages))
      expect(text, code).toEqual(errorMessages[code as keyof typeof errorMessages]);
    const stages = Object.keys(texts.de).filter((key) => key.startsWith("stage."));
    expect(stages.length).toBeGreaterThan(5);
    for (const key of stages) {
      expect({ key, de: texts.de[key], en: texts.en[key] }).toEqual({
        key,
        ...(panelMessages as Record<string, { de: string; en: string }>)[key],
      });
    }
    // Every text in both languages, none left empty.
    expect(Object.keys(texts.de).sort()).toEqual(Object.keys(texts.en).sort());
    for (const locale of ["de", "en"] as const)
      for (const [key, text] of Object.entries(texts[locale])) expect(text.trim(), `${locale} ${key}`).not.toBe("");
  });
});

describe("Sichter.lua's window and console in German and English", () => {
  it("with LANG=de_DE.UTF-8 the window, its progress, its buttons and the summary are German", async () => {
    const media = path.join(dir, "Deutsch.mp4");
    await makeCutClip(media, [50, 50, 50]);
    const outcome = runMain(media, "de_DE.UTF-8", {
      ui: true,
      user: [{ click: "Cancel", whenText: "^Sichter: %d+ geschrieben" }],
    });
    expect(outcome.error).toBeUndefined();
    expect(outcome.titles).toEqual(["Sichter – Sichtung"]);
    expect(outcome.shown.slice(0, 2).sort()).toEqual(["Abbrechen", "Sichter …"]);
    const status = texts(outcome, "Status");
    expect(status[0]).toBe("Pressekonferenz: 0 %");
    expect(status.at(-2)).toBe("Pressekonferenz: 100 %");
    expect(status.at(-1)).toMatch(/^Sichter: \d+ geschrieben, \d+ unverändert, \d+ übersprungen, 0 fehlgeschlagen\.$/);
    // The engine's stage, where a look caught one, in the panel's German words.
    expectStagesIn("de", status.slice(1, -2));
    expect(texts(outcome, "Cancel")).toEqual(["Schließen"]);
    expect(outcome.printed).toEqual([]);
  }, 170_000);

  it("with LANG=en_GB.UTF-8 the same window speaks English", async () => {
    const media = path.join(dir, "English.mp4");
    await makeCutClip(media, [50, 50, 50]);
    const outcome = runMain(media, "en_GB.UTF-8", {
      ui: true,
      user: [{ click: "Cancel", whenText: "^Sichter: %d+ written" }],
    });
    expect(outcome.error).toBeUndefined();
    expect(outcome.titles).toEqual(["Sichter – logging"]);
    expect(outcome.shown.slice(0, 2).sort()).toEqual(["Cancel", "Sichter …"]);
    const status = texts(outcome, "Status");
    expect(status.at(-1)).toMatch(/^Sichter: \d+ written, \d+ unchanged, \d+ skipped, 0 failed\.$/);
    expectStagesIn("en", status.slice(1, -2));
    expect(texts(outcome, "Cancel")).toEqual(["Close"]);
  }, 170_000);

  it("prints an engine error in the console in German, with its code", async () => {
    const media = path.join(dir, "Notiz.mp4");
    fs.writeFileSync(media, "Kein Video, nur eine Notiz.\n");
    const outcome = runMain(media, "de_DE.UTF-8", { ui: false });
    expect(outcome.error).toMatchObject({ code: "SICHTER_E_PROBE_NOT_MEDIA" });
    expect(outcome.printed.at(-1)).toBe(
      `Sichter: Keine Mediendatei, die ffmpeg lesen kann: ${media} (SICHTER_E_PROBE_NOT_MEDIA)`,
    );
  }, 170_000);
});
