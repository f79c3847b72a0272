import fs from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../core/moveFile.ts";

interface StateFile {
  /** Switched on by the user although off by default (cloud keyword providers). */
  enabled: string[];
  disabled: string[];
  settings: Record<string, Record<string, unknown>>;
}

/**
 * What the user decided about extensions: which are disabled and their settings, in
 * `<config>/extensions.json`. Written atomically, so a crash never leaves half a file; a file
 * someone broke by hand is read as "nothing decided" rather than stopping the engine.
 */
export class ExtensionState {
  private constructor(
    private readonly file: string,
    private state: StateFile,
  ) {}

  static load(configDir: string): ExtensionState {
    const file = path.join(configDir, "extensions.json");
    let state: StateFile = { enabled: [], disabled: [], settings: {} };
    try {
      const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<StateFile>;
      state = {
        enabled: Array.isArray(parsed.enabled) ? parsed.enabled.filter((x) => typeof x === "string") : [],
        disabled: Array.isArray(parsed.disabled) ? parsed.disabled.filter((x) => typeof x === "string") : [],
        settings: parsed.settings && typeof parsed.settings === "object" ? parsed.settings : {},
      };
    } catch {
      // Missing or unreadable: every extension in its default state, no settings.
    }
    return new ExtensionState(file, state);
  }

  /**
   * Extensions are on unless the user switched them off, except those off by default: anything
   * that would send keyframes off the machine waits for the user's explicit "enable".
   */
  isEnabled(id: string, enabledByDefault = true): boolean {
    if (this.state.disabled.includes(id)) return false;
    return enabledByDefault || this.state.enabled.includes(id);
  }

  setEnabled(id: string, enabled: boolean): void {
    const on = new Set(this.state.enabled);
    const off = new Set(this.state.disabled);
    (enabled ? on : off).add(id);
    (enabled ? off : on).delete(id);
    this.state = { ...this.state, enabled: [...on].sort(), disabled: [...off].sort() };
    this.save();
  }

  settings(id: string): Record<string, unknown> | undefined {
    return this.state.settings[id];
  }

  /** Sets (or, with `undefined`, removes) one setting of one extension. The caller validated it. */
  setSetting(id: string, key: string, value: unknown): void {
    const current = { ...(this.state.settings[id] ?? {}) };
    if (value === undefined) delete current[key];
    else current[key] = value;
    const settings = { ...this.state.settings, [id]: current };
    if (Object.keys(current).length === 0) delete settings[id];
    this.state = { ...this.state, settings };
    this.save();
  }

  forget(id: string): void {
    this.state = {
      enabled: this.state.enabled.filter((x) => x !== id),
      disabled: this.state.disabled.filter((x) => x !== id),
      settings: { ...this.state.settings },
    };
    delete this.state.settings[id];
    this.save();
  }

  private save(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileAtomic(this.file, `${JSON.stringify(this.state, null, 2)}\n`);
  }
}
