import fs from "node:fs";
import path from "node:path";
import { writeFileAtomic } from "../core/moveFile.ts";

interface StateFile {
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
    let state: StateFile = { disabled: [], settings: {} };
    try {
      const parsed = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<StateFile>;
      state = {
        disabled: Array.isArray(parsed.disabled) ? parsed.disabled.filter((x) => typeof x === "string") : [],
        settings: parsed.settings && typeof parsed.settings === "object" ? parsed.settings : {},
      };
    } catch {
      // Missing or unreadable: every extension enabled, no settings.
    }
    return new ExtensionState(file, state);
  }

  isEnabled(id: string): boolean {
    return !this.state.disabled.includes(id);
  }

  setEnabled(id: string, enabled: boolean): void {
    const disabled = new Set(this.state.disabled);
    if (enabled) disabled.delete(id);
    else disabled.add(id);
    this.state = { ...this.state, disabled: [...disabled].sort() };
    this.save();
  }

  settings(id: string): Record<string, unknown> | undefined {
    return this.state.settings[id];
  }

  forget(id: string): void {
    this.state = { disabled: this.state.disabled.filter((x) => x !== id), settings: { ...this.state.settings } };
    delete this.state.settings[id];
    this.save();
  }

  private save(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileAtomic(this.file, `${JSON.stringify(this.state, null, 2)}\n`);
  }
}
