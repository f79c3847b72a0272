import type { UiLocale } from "../host/HostAdapter.ts";
import { messages, type MessageKey } from "./messages.ts";

export type MessageParams = Readonly<Record<string, string | number>>;

/** The text of `key` in `locale` with its `{name}` placeholders filled; unknown ones stay visible. */
export function translate(locale: UiLocale, key: MessageKey, params: MessageParams = {}): string {
  return fill(messages[key][locale], params);
}

export function fill(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The placeholder names of a template, for checking that both languages use the same ones. */
export function placeholdersOf(template: string): string[] {
  return [...template.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!).sort();
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function translator(locale: UiLocale): Translate {
  return (key, params) => translate(locale, key, params);
}
