import { z } from "zod";
import { TagSource, TagStatus } from "../../../model/index.ts";
import { WireLimits } from "../limits.ts";
import { requestParams } from "../requestParams.ts";
import { CatalogId, FrameNumber, WireLabel, WirePath } from "../wireTypes.ts";

/** ISO date ("2025-03-01") or date-time. */
const DateOrDateTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

export const SearchFilters = z.strictObject({
  /** Tag sources to search; OCR lines count as "ocr". Descriptions only when no source filter is set. */
  sources: z.array(TagSource).min(1).max(TagSource.options.length).optional(),
  /** Default suggested + accepted, so rejected tags stay hidden. */
  statuses: z.array(TagStatus).min(1).max(TagStatus.options.length).optional(),
  /** Only clips analysed at or after this date or date-time. */
  analysedSince: DateOrDateTime.optional(),
  /** Only clips whose path starts with this (case-sensitive, as paths are). */
  pathPrefix: WirePath.optional(),
  /** Most clips returned; the engine's default is 50. */
  limit: z.int().min(1).max(WireLimits.listLimit).optional(),
});
export type SearchFilters = z.infer<typeof SearchFilters>;

/** `catalog.search`: full-text search over tags, OCR text and descriptions. */
export const CatalogSearchParams = requestParams({
  query: z.string().max(WireLimits.query),
  filters: SearchFilters.optional(),
});
export type CatalogSearchParams = z.infer<typeof CatalogSearchParams>;

export const SearchHit = z.object({
  kind: z.enum(["tag", "ocr", "description"]),
  /** Set for tag hits, so a panel can accept or reject from the result list. */
  tagId: CatalogId.nullable(),
  label: WireLabel,
  source: z.union([TagSource, z.literal("description")]),
  /** Null for OCR lines and descriptions: nobody decides on those. */
  status: TagStatus.nullable(),
  startFrame: FrameNumber,
  endFrame: FrameNumber,
  startTimecode: z.string().max(32),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResultItem = z.object({
  clipId: CatalogId,
  file: WirePath,
  /** Higher is better; comparable within one search only. */
  score: z.number(),
  /** Best hits first. */
  hits: z.array(SearchHit),
});
export type SearchResultItem = z.infer<typeof SearchResultItem>;

export const CatalogSearchResult = z.object({ results: z.array(SearchResultItem) });
export type CatalogSearchResult = z.infer<typeof CatalogSearchResult>;
