import { errorMessages } from "@sichter/shared/errors";

/**
 * The params of an engine error of which only code and text travelled (a job's stored error has no
 * params), read back from the text: the engine always words its messages with the English template
 * of the code, so the template's placeholders match the values. Null when the text does not fit
 * (an older engine's wording), then the engine's own text is what can be shown.
 */
export function paramsFromMessage(code: string, message: string): Record<string, string> | null {
  if (!Object.prototype.hasOwnProperty.call(errorMessages, code)) return null;
  const template = errorMessages[code as keyof typeof errorMessages].en;
  const names: string[] = [];
  const pattern = template
    .split(/(\{\w+\})/)
    .map((part) => {
      const placeholder = /^\{(\w+)\}$/.exec(part);
      if (!placeholder) return escape(part);
      const at = names.indexOf(placeholder[1]!);
      if (at !== -1) return `\\${at + 1}`;
      names.push(placeholder[1]!);
      return "([\\s\\S]*?)";
    })
    .join("");
  const match = new RegExp(`^${pattern}$`).exec(message);
  if (!match) return null;
  return Object.fromEntries(names.map((name, i) => [name, match[i + 1]!]));
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
