import {
  KEYWORDS_COLUMN_LABEL,
  KEYWORDS_COLUMN_PROPERTY,
  PREMIERE_PROJECT_METADATA_NAMESPACE,
  SICHTER_KEYWORDS_PROPERTY,
  SICHTER_MARKERS_PROPERTY,
  SICHTER_XMP_NAMESPACE,
  SICHTER_XMP_PREFIX,
} from "@sichter/premiere-common";
import type { ExtendScriptBridge } from "./ExtendScriptBridge.ts";

/** Which clip a call is about: the host's node id when known, else the media path. */
export interface ClipTarget {
  readonly itemId: string | null;
  readonly mediaPath: string;
}

/** Sichter's private schema names, sent along so the JSX holds no copy of them. */
const NAMES = {
  namespace: SICHTER_XMP_NAMESPACE,
  prefix: SICHTER_XMP_PREFIX,
  markers: SICHTER_MARKERS_PROPERTY,
  keywords: SICHTER_KEYWORDS_PROPERTY,
};

export interface EsMarker {
  readonly guid: string;
  readonly start: string;
  readonly end: string;
  readonly name: string;
  readonly comments: string;
  readonly colorIndex: number;
}

export interface ClipState {
  readonly itemId: string;
  readonly name: string;
  readonly mediaPath: string;
  readonly mediaStart: string;
  readonly markers: readonly EsMarker[];
  readonly subject: readonly string[];
  readonly descriptions: Readonly<Record<string, string>>;
  readonly ledger: readonly string[];
  readonly ownKeywords: readonly string[];
  readonly column: string | null;
}

export interface MarkerWrite {
  readonly guid?: string;
  readonly start: string;
  readonly end: string;
  readonly name: string;
  readonly comments: string;
  readonly colorIndex: number;
}

export function readClip(bridge: ExtendScriptBridge, clip: ClipTarget): Promise<ClipState> {
  return bridge.call("readClip", {
    ...clip,
    names: NAMES,
    column: { namespace: PREMIERE_PROJECT_METADATA_NAMESPACE, name: KEYWORDS_COLUMN_PROPERTY },
  });
}

export function writeMarkers(
  bridge: ExtendScriptBridge,
  clip: ClipTarget,
  changes: { remove: string[]; update: MarkerWrite[]; add: MarkerWrite[] },
): Promise<{ added: string[] }> {
  return bridge.call("writeMarkers", { ...clip, ...changes });
}

export function writeXmp(
  bridge: ExtendScriptBridge,
  clip: ClipTarget,
  fields: {
    subject: string[] | null;
    ownKeywords: string[] | null;
    ledger: string[] | null;
    descriptions: Record<string, string> | null;
  },
): Promise<{ written: boolean }> {
  return bridge.call("writeXmp", { ...clip, names: NAMES, ...fields });
}

export function writeColumn(
  bridge: ExtendScriptBridge,
  clip: ClipTarget,
  value: string,
): Promise<{ written: boolean }> {
  return bridge.call("writeColumn", {
    ...clip,
    namespace: PREMIERE_PROJECT_METADATA_NAMESPACE,
    name: KEYWORDS_COLUMN_PROPERTY,
    label: KEYWORDS_COLUMN_LABEL,
    value,
  });
}
