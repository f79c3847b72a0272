import { ErrorCode, errorMessages, formatErrorMessage } from "@sichter/shared/errors";
import { describe, expect, it } from "vitest";
import { placeholdersOf } from "./translate.ts";
import { describeError } from "./describeError.ts";
import { paramsFromMessage } from "./paramsFromMessage.ts";

describe("paramsFromMessage", () => {
  it("reads a job's stored error back into params, so it is told in German too", () => {
    const message = formatErrorMessage(
      ErrorCode.PROBE_NOT_VIDEO,
      { streams: "none", path: "/media/Notizen (Kopie).mp4" },
      "en",
    );
    const params = paramsFromMessage(ErrorCode.PROBE_NOT_VIDEO, message);
    expect(params).toEqual({ streams: "none", path: "/media/Notizen (Kopie).mp4" });
    expect(describeError({ code: ErrorCode.PROBE_NOT_VIDEO, params, message }, "de").message).toBe(
      formatErrorMessage(ErrorCode.PROBE_NOT_VIDEO, params!, "de"),
    );
  });

  it("recovers the params of every code's English text", () => {
    for (const code of Object.keys(errorMessages) as ErrorCode[]) {
      const names = [...new Set(placeholdersOf(errorMessages[code].en))];
      const params = Object.fromEntries(names.map((name, i) => [name, `<${i}:${name}>`]));
      expect(paramsFromMessage(code, formatErrorMessage(code, params, "en")), code).toEqual(params);
    }
  });

  it("gives up on a text in other words and on codes it does not know", () => {
    expect(paramsFromMessage(ErrorCode.PROBE_NOT_VIDEO, "something else entirely")).toBeNull();
    expect(paramsFromMessage("SICHTER_E_FROM_THE_FUTURE", "text")).toBeNull();
  });
});
