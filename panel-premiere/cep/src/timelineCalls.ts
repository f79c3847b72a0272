import type { ExtendScriptBridge } from "./ExtendScriptBridge.ts";

/** A media clip of the project as the JSX describes it. */
export interface EsClipInfo {
  readonly itemId: string;
  readonly name: string;
  readonly mediaPath: string;
  /** Frames per second of the media (the footage interpretation's number). */
  readonly fps: number;
  /** The media's start timecode in ticks, as a decimal string. */
  readonly mediaStart: string;
}

/** A clip on a video track of the active sequence; times are tick counts as decimal strings. */
export interface EsPlacedClip {
  readonly track: number;
  readonly name: string;
  readonly start: string;
  readonly end: string;
  readonly inPoint: string;
  readonly outPoint: string;
  readonly disabled: boolean;
  readonly speed: number;
  readonly clip: EsClipInfo;
}

export interface EsActiveSequence {
  readonly name: string;
  readonly ticksPerFrame: string;
  readonly playhead: string;
  readonly clips: readonly EsPlacedClip[];
}

export function selectedClips(bridge: ExtendScriptBridge): Promise<EsClipInfo[]> {
  return bridge.call("selectedClips", null);
}

export function activeSequence(bridge: ExtendScriptBridge): Promise<EsActiveSequence | null> {
  return bridge.call("activeSequence", null);
}

export function setPlayerPosition(bridge: ExtendScriptBridge, ticks: bigint): Promise<{ ticks: string }> {
  return bridge.call("setPlayerPosition", { ticks: ticks.toString() });
}

export function openInSourceMonitor(
  bridge: ExtendScriptBridge,
  clip: { itemId: string | null; mediaPath: string },
): Promise<{ opened: boolean }> {
  return bridge.call("openInSourceMonitor", clip);
}

export function importFile(
  bridge: ExtendScriptBridge,
  mediaPath: string,
): Promise<{ itemId: string; name: string; mediaPath: string }> {
  return bridge.call("importFile", { mediaPath });
}
