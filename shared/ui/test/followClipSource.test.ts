import { describe, expect, it } from "vitest";
import type { KeyValueStorage } from "../src/connection/TokenStore.ts";
import { parsePanelSettings } from "../src/state/settings/PanelSettings.ts";
import { SETTINGS_KEY, SettingsController } from "../src/state/settings/SettingsController.ts";
import { followClipSource } from "../src/state/settings/followClipSource.ts";
import { FakeHostAdapter } from "./FakeHostAdapter.ts";

function memoryStorage(): KeyValueStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe("the clip source setting", () => {
  it("is remembered in the panel's settings and told to the host at the next start and on every change", () => {
    const storage = memoryStorage();
    const first = new SettingsController(storage);
    const host = new FakeHostAdapter({ clipSource: true });
    const following = followClipSource(first, host);
    // Nothing chosen yet: the host keeps its own default.
    expect(host.sources).toEqual([]);
    first.update({ clipSource: "playhead" });
    first.update({ theme: "dark" });
    expect(host.sources).toEqual(["playhead"]);
    expect(JSON.parse(storage.map.get(SETTINGS_KEY)!).clipSource).toBe("playhead");
    following.dispose();
    first.update({ clipSource: "selection" });
    expect(host.sources).toEqual(["playhead"]);

    const nextHost = new FakeHostAdapter({ clipSource: true });
    followClipSource(new SettingsController(storage), nextHost);
    expect(nextHost.sources).toEqual(["selection"]);
  });

  it("leaves a host without the capability alone, and reads an unknown stored value as the host's default", () => {
    const settings = new SettingsController(memoryStorage());
    const host = new FakeHostAdapter({ clipSource: false });
    followClipSource(settings, host);
    settings.update({ clipSource: "playhead" });
    expect(host.setClipSource).toBeUndefined();
    expect(parsePanelSettings({ clipSource: "timeline" }).clipSource).toBeNull();
  });
});
