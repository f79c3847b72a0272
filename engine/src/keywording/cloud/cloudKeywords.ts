import type { Keyframe, Shot, Tag } from "@sichter/shared/model";
import { CancellationToken, throwIfCancelled } from "../../core/Cancellation.ts";
import { Progress } from "../../core/Progress.ts";
import { isSichterError, toSichterError } from "../../core/SichterError.ts";
import type { FrameSource } from "../../media/FrameSource.ts";
import type { EngineKeywordRequest, ImageAnswer, ProviderImage } from "../../extensionApi/KeywordProvider.ts";
import type { PrivacyGuard } from "../privacy/PrivacyGuard.ts";
import type { PrivacySettings } from "../privacy/PrivacySettings.ts";
import type { KeyframeDuplicate } from "../../extensionApi/KeyframeSelection.ts";
import { dedupeKeyframes, withDuplicateShots } from "./dedupeKeyframes.ts";
import { preparePictures, type PreparedPictures } from "./preparePictures.ts";
import { visionTags } from "./visionTags.ts";

/** A keyword provider as the pipeline runs it (in its extension's process): what it is, and what its manifest declares. */
export interface PipelineKeywordProvider {
  readonly id: string;
  provideKeywords(
    images: readonly ProviderImage[],
    request: EngineKeywordRequest,
    token: CancellationToken,
  ): Promise<ImageAnswer[]>;
  readonly version: string;
  /** Keyframes leave the machine; only in cloud mode. */
  readonly cloud: boolean;
  /** Answers per tile of a contact sheet; false gets single keyframes. */
  readonly contactSheets: boolean;
}

/** One provider's bill for one clip (the usage ledger's row, without time and prices). */
export interface ProviderUsage {
  readonly provider: string;
  readonly requests: number;
  readonly images: number;
  readonly keyframes: number;
  readonly bytesSent: number;
  readonly inputTokens: number;
  readonly outputTokens: number;
  readonly footageSeconds: number;
}

export interface CloudKeywordingOptions {
  readonly providers: readonly PipelineKeywordProvider[];
  readonly guard: PrivacyGuard;
  readonly settings: PrivacySettings;
  /** First = the newsroom's language. */
  readonly languages: ReadonlyArray<"de" | "en">;
  readonly onUsage?: (usage: ProviderUsage) => void;
}

export interface CloudKeywordingInput {
  readonly shots: readonly Shot[];
  readonly keyframes: readonly Keyframe[];
  /** Shots the keyframe step left without a keyframe because they looked like an earlier one. */
  readonly duplicates?: readonly KeyframeDuplicate[];
  readonly frames: FrameSource;
  readonly durationSeconds: number;
}

/**
 * Asks each enabled keyword provider about the clip's keyframes. Near-duplicates go once; contact
 * sheets when the provider can answer per tile. A provider that fails is reported with its code
 * and the clip keeps every other tag: the cloud is never what an analysis depends on.
 */
export async function cloudKeywords(
  input: CloudKeywordingInput,
  options: CloudKeywordingOptions,
  progress: Progress = Progress.None,
  token: CancellationToken = CancellationToken.None,
): Promise<{ tags: Tag[]; failures: Array<{ analyzer: string; code: string; message: string }> }> {
  const { guard, settings } = options;
  const providers = options.providers.filter((p) => !p.cloud || guard.mode === "cloud");
  const unique = withDuplicateShots(dedupeKeyframes(input.keyframes, settings.duplicateBits), input.duplicates ?? []);
  const pictures = new Map<number, Promise<PreparedPictures>>();
  const picturesFor = (tilesPerSheet: number): Promise<PreparedPictures> => {
    let prepared = pictures.get(tilesPerSheet);
    if (!prepared) {
      prepared = preparePictures(unique, input.frames, { maxLongSide: settings.maxLongSide, tilesPerSheet }, token);
      pictures.set(tilesPerSheet, prepared);
    }
    return prepared;
  };
  const tags: Tag[] = [];
  const failures: Array<{ analyzer: string; code: string; message: string }> = [];
  for (const [i, provider] of providers.entries()) {
    throwIfCancelled(token);
    progress.report({ stage: provider.id, fraction: i / providers.length });
    let tokens = { inputTokens: 0, outputTokens: 0 };
    try {
      if (unique.length === 0) continue;
      const sheets =
        settings.contactSheets.enabled && provider.contactSheets ? settings.contactSheets.tilesPerSheet : 1;
      const prepared = await picturesFor(sheets);
      for (const image of prepared.images) guard.admit(image);
      const answers = await provider.provideKeywords(
        prepared.images,
        { languages: options.languages, send: guard.sender(provider.id) },
        token,
      );
      for (const a of answers) {
        tokens = {
          inputTokens: tokens.inputTokens + (a.usage?.inputTokens ?? 0),
          outputTokens: tokens.outputTokens + (a.usage?.outputTokens ?? 0),
        };
      }
      tags.push(...visionTags(answers, prepared.tiles, input.shots, provider));
    } catch (error) {
      throwIfCancelled(token);
      const e = toSichterError(error);
      failures.push({
        analyzer: provider.id,
        code: isSichterError(error) ? e.code : "SICHTER_E_ANALYZER_FAILED",
        message: e.message,
      });
    } finally {
      const traffic = guard.trafficOf(provider.id);
      // A bill only for what was sent; a request refused before its body left (local-only, a
      // bad certificate) costs nothing.
      if (traffic.bytesSent > 0)
        options.onUsage?.({ provider: provider.id, ...traffic, ...tokens, footageSeconds: input.durationSeconds });
    }
  }
  progress.report({ stage: "keywords", fraction: 1 });
  return { tags, failures };
}
