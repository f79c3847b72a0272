import type { ExtensionRegistry } from "./ExtensionRegistry.ts";
import type { OutboundMode } from "../keywording/privacy/OutboundPolicy.ts";

/** One keyword provider contribution as the user sees it when asking "what may leave this machine?". */
export interface KeywordProviderState {
  readonly id: string;
  readonly title: string;
  readonly extensionId: string;
  /** Declared in the manifest: its keyframes leave the machine. */
  readonly cloud: boolean;
  readonly enabled: boolean;
}

export interface PrivacyMode {
  readonly mode: OutboundMode;
  /** Every contributed provider, disabled ones too: a user must see what could be switched on. */
  readonly providers: KeywordProviderState[];
}

/**
 * The engine's privacy mode, from the manifests alone (no extension starts for it): `cloud` as
 * soon as one enabled extension contributes a provider that declares `cloud: true`, otherwise
 * `local-only`, the default in which nothing leaves the machine.
 */
export function privacyModeOf(registry: Pick<ExtensionRegistry, "extensions">): PrivacyMode {
  const providers = registry.extensions.flatMap((extension) =>
    (extension.manifest.sichter.contributes.keywordProviders ?? []).map((p): KeywordProviderState => ({
      id: p.id,
      title: p.title,
      extensionId: extension.id,
      cloud: p.cloud,
      enabled: extension.enabled,
    })),
  );
  return { mode: providers.some((p) => p.cloud && p.enabled) ? "cloud" : "local-only", providers };
}
