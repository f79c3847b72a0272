import { messages, type MessageKey } from "./messages.ts";
import type { Translate } from "./translate.ts";

/** The engine's stage name ("shots", "ocr") in words; a stage this panel does not know is shown as named. */
export function stageLabel(t: Translate, stage: string | null): string {
  const key = `stage.${stage ?? "queued"}`;
  return Object.prototype.hasOwnProperty.call(messages, key) ? t(key as MessageKey) : (stage ?? "");
}
