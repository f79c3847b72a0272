import type { Disposable } from "@sichter/shared/protocol";
import type { HostAdapter } from "../../host/HostAdapter.ts";
import type { SettingsController } from "./SettingsController.ts";

/**
 * Keeps the host's clip source what the panel's settings say: the remembered choice at start, and
 * every change after. Hosts without `capabilities.clipSource` are left alone; a setting of null
 * leaves the host's own default.
 */
export function followClipSource(settings: SettingsController, host: HostAdapter): Disposable {
  if (!host.capabilities.clipSource || !host.setClipSource) return { dispose: () => {} };
  let told = settings.state.get().clipSource;
  if (told) host.setClipSource(told);
  const stop = settings.state.subscribe(() => {
    const wanted = settings.state.get().clipSource;
    if (wanted && wanted !== told) host.setClipSource?.(wanted);
    told = wanted;
  });
  return { dispose: stop };
}
