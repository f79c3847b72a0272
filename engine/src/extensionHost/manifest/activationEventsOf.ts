import type { ActivationEvent } from "./ActivationEvent.ts";
import type { ExtensionManifest } from "./ExtensionManifest.ts";

/**
 * The events that activate an extension: those it declares plus those its contributions imply, so
 * authors do not have to repeat every analyzer id as an activation event (and cannot forget one).
 * Declared events come first, in manifest order; duplicates are dropped.
 */
export function activationEventsOf(manifest: ExtensionManifest): ActivationEvent[] {
  const { activationEvents, contributes } = manifest.sichter;
  const implied = [
    ...contributes.analyzers.map(({ id }) => `onAnalyzer:${id}`),
    ...contributes.keywordProviders.map(({ id }) => `onKeywordProvider:${id}`),
    ...contributes.tagWriters.map(({ id }) => `onTagWriter:${id}`),
    ...contributes.commands.map(({ command }) => `onCommand:${command}`),
  ];
  return [...new Set([...activationEvents, ...implied])];
}
