import { ErrorCode } from "@sichter/shared/errors";
import { describe, expect, it } from "vitest";
import { describeError } from "./describeError.ts";

describe("describeError", () => {
  it("renders the code's message in the user's language from the engine's params, with a next step", () => {
    const error = { code: ErrorCode.FILE_NOT_FOUND, params: { path: "/m/a.mov" }, message: "File not found: /m/a.mov" };
    expect(describeError(error, "de")).toEqual({
      message: "Datei nicht gefunden: /m/a.mov",
      next: "Prüfen Sie den Pfad; die Engine liest Dateien auf diesem Rechner.",
      code: ErrorCode.FILE_NOT_FOUND,
    });
    expect(describeError(error, "en").message).toBe("File not found: /m/a.mov");
  });

  it("adds no next step where the message already says what to do", () => {
    const error = { code: ErrorCode.UNAUTHORIZED, params: {}, message: "refused" };
    const text = describeError(error, "de");
    expect(text.message).toContain("npx sichter token");
    expect(text.next).toBeNull();
  });

  it("shows the engine's text rather than a template with holes when the params are missing", () => {
    const error = {
      code: ErrorCode.PROBE_CORRUPT,
      params: null,
      message: "The video stream cannot be decoded: /m/b.mxf",
    };
    expect(describeError(error, "de").message).toBe("The video stream cannot be decoded: /m/b.mxf");
    expect(describeError({ code: ErrorCode.CANCELLED, params: null, message: "" }, "de")).toEqual({
      message: "Abgebrochen.",
      next: null,
      code: ErrorCode.CANCELLED,
    });
  });

  it("shows a code this panel does not know yet with the engine's text and the general next step", () => {
    const text = describeError({ code: "SICHTER_E_FROM_THE_FUTURE", params: null, message: "A newer problem." }, "en");
    expect(text).toMatchObject({ message: "A newer problem.", code: "SICHTER_E_FROM_THE_FUTURE" });
    expect(text.next).toContain("npx sichter engine info");
  });

  it("has a German and an English message for every code it can be given", () => {
    for (const code of Object.values(ErrorCode)) {
      const text = describeError({ code, params: null, message: "" }, "de");
      expect(text.message, code).not.toBe("");
    }
  });
});
