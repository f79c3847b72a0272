import type { ExtensionContext, SichterApi } from "@sichter/engine/extension-api";
import { createGoogleVisionProvider } from "./GoogleVisionProvider.ts";
import { GOOGLE_VISION_PROVIDER_ID } from "./providerId.ts";

export function activate(context: ExtensionContext, api: SichterApi): void {
  const registry = api.keywordProviders;
  const provider = createGoogleVisionProvider({
    // Ids are random and the message holds no key, so the reason can go to the log as is.
    onImageError: (imageId, error) => context.log.warn(`image ${imageId} got no keywords: ${error.message}`),
  });
  context.subscriptions.push(registry.register(GOOGLE_VISION_PROVIDER_ID, provider));
}
