/**
 * The one error this module throws. The code string is part of the wire protocol (hosts branch on
 * it and render `errorMessages[code]` with `{detail}`), so it is spelled out here rather than
 * imported: the timecode module must stay importable on its own in browsers and UXP.
 */
export class TimecodeError extends Error {
  readonly code = "SICHTER_E_TIMECODE_INVALID";
  /** Human-readable reason, meant for the `{detail}` placeholder of the localised message. */
  readonly detail: string;

  constructor(detail: string) {
    super(`Invalid timecode or frame rate: ${detail}`);
    this.name = "TimecodeError";
    this.detail = detail;
  }
}
