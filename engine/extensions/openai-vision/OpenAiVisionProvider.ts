import {
  ErrorCode,
  throwIfCancelled,
  isSichterError,
  type SichterError,
  type ImageAnswer,
  type KeywordProvider,
  type OutboundRequest,
  resolveApiKey,
  statusFailure,
} from "@sichter/engine/extension-api";
import { buildChatRequest, type KeywordLanguage } from "./chatRequest.ts";
import { limitKeywords } from "./limitKeywords.ts";
import { readOpenAiSettings } from "./openAiSettings.ts";
import { parseChatResponse } from "./parseChatResponse.ts";
import { OPENAI_VISION_PROVIDER_ID } from "./providerId.ts";

export interface OpenAiVisionProviderOptions {
  /** Where `apiKeyEnv` is looked up; the extension process's environment unless a test says otherwise. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Told about an image whose answer could not be used while the call goes on for the others (the
   * KeywordProvider contract returns answers only, so this is how the reason reaches a log).
   */
  readonly onImageError?: (imageId: string, error: SichterError) => void;
}

/**
 * Keywords from a vision model behind an OpenAI-compatible chat completions API: one request per
 * picture (a keyframe or a contact sheet), the answer per tile.
 *
 * Requests go out one at a time, in the order of `images`: the engine's `send` owns concurrency,
 * retries and rate limits anyway, and sequential calls stop spending at the first failure that
 * concerns the service (key refused, service down) instead of firing the rest into it.
 * Failures: a refused or failed request (4xx, 429, 5xx after send's retries) fails the whole call.
 * An answer that fails validation fails only its image: the other images' answers are returned, the
 * failed one is reported to `onImageError`; when no image got a usable answer, the first failure is
 * thrown.
 */
export function createOpenAiVisionProvider(options: OpenAiVisionProviderOptions = {}): KeywordProvider {
  return {
    id: OPENAI_VISION_PROVIDER_ID,
    async provideKeywords(images, context, token) {
      if (images.length === 0) return [];
      const settings = readOpenAiSettings(OPENAI_VISION_PROVIDER_ID, context.configuration);
      const apiKey = resolveApiKey(OPENAI_VISION_PROVIDER_ID, settings, options.env ?? process.env);
      const languages = wantedLanguages(context.languages);
      // Every request is built before the first is sent: a picture that cannot be described
      // correctly stops the call before anything was spent.
      const requests = images.map((image): OutboundRequest => ({
        url: `${settings.baseUrl}/chat/completions`,
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json" },
        body: JSON.stringify(
          buildChatRequest(image, {
            model: settings.model,
            languages,
            maxKeywords: settings.maxKeywords,
            detail: settings.detail,
          }),
        ),
        imageIds: [image.id],
      }));

      const answers: ImageAnswer[] = [];
      const failures: SichterError[] = [];
      for (const [i, image] of images.entries()) {
        throwIfCancelled(token);
        const response = await context.send(requests[i]!, token);
        if (response.status < 200 || response.status > 299)
          throw statusFailure(OPENAI_VISION_PROVIDER_ID, response, [apiKey]);
        try {
          answers.push(limitKeywords(parseChatResponse(response.body, image), languages, settings.maxKeywords));
        } catch (error) {
          if (!isSichterError(error, ErrorCode.PROVIDER_RESPONSE_INVALID)) throw error;
          failures.push(error);
          options.onImageError?.(image.id, error);
        }
      }
      if (answers.length === 0 && failures.length > 0) throw failures[0];
      return answers;
    },
  };
}

/** The languages this provider can give, in the engine's order; English when none of them was asked for. */
function wantedLanguages(requested: readonly string[]): KeywordLanguage[] {
  const languages = [...new Set(requested)].filter((l): l is KeywordLanguage => l === "de" || l === "en");
  return languages.length > 0 ? languages : ["en"];
}
