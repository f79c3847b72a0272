import { SICHTER_MARKERS_PROPERTY, SICHTER_XMP_NAMESPACE, SICHTER_XMP_PREFIX } from "@sichter/premiere-common";
import type { EsMarker, MarkerWrite } from "./clipCalls.ts";
import type { ExtendScriptBridge } from "./ExtendScriptBridge.ts";

/** Where the ledger of sequence markers lives in the sequence item's XMP; sent so the JSX holds no copy. */
const NAMES = { namespace: SICHTER_XMP_NAMESPACE, prefix: SICHTER_XMP_PREFIX, markers: SICHTER_MARKERS_PROPERTY };

/** The active sequence's markers and Sichter's ledger of them (encoded entries). */
export interface EsSequenceMarkers {
  readonly name: string;
  readonly markers: readonly EsMarker[];
  readonly ledger: readonly string[];
}

export function readSequenceMarkers(bridge: ExtendScriptBridge): Promise<EsSequenceMarkers | null> {
  return bridge.call("readSequenceMarkers", { names: NAMES });
}

export function writeSequenceMarkers(
  bridge: ExtendScriptBridge,
  changes: { remove: string[]; update: MarkerWrite[]; add: MarkerWrite[] },
): Promise<{ added: string[] }> {
  return bridge.call("writeSequenceMarkers", changes);
}

export function writeSequenceLedger(bridge: ExtendScriptBridge, ledger: string[]): Promise<{ written: boolean }> {
  return bridge.call("writeSequenceLedger", { names: NAMES, ledger });
}
