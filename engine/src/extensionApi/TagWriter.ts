import type { TagPlan, TagSet } from "@sichter/shared/model";
import type { CancellationToken } from "../core/Cancellation.ts";
import type { Preparable } from "../core/Preparable.ts";

/** The clip a plan belongs to, as much as a receiving system needs to find it. */
export interface TagWriterClip {
  readonly path: string;
  readonly frameRate: string;
  readonly startTimecode: string;
  readonly frameCount: number;
}

/** Everything one analysis produced, for writers that keep more than the plan (the catalog). */
export interface TagWriterAnalysis {
  readonly tagSet: TagSet;
  readonly analyzers: ReadonlyArray<{ id: string; version: string }>;
  /** Keyframe JPEGs (absolute paths, alive while the writers run) for the catalog to keep, in keyframe order. */
  readonly thumbnails: ReadonlyArray<string | undefined>;
}

/** What the user asked for this run. */
export interface TagWriteRequest {
  /** Where XMP goes: beside the media, into it, or nowhere. */
  readonly metadata: "sidecar" | "embed" | "none";
  readonly language: "de" | "en";
}

export interface TagWriterInput {
  readonly plan: TagPlan;
  readonly clip: TagWriterClip;
  readonly analysis: TagWriterAnalysis;
  readonly request: TagWriteRequest;
}

export interface TagWriterResult {
  /** Where it wrote (a sidecar path, a URL, an asset id), for the user's report; null for nowhere. */
  readonly target: string | null;
  /** Further plain facts the writer reports (the catalog's clip id, whether XMP was embedded). */
  readonly details: Readonly<Record<string, unknown>>;
}

/**
 * Somewhere a finished tag plan goes: the catalog, XMP beside or inside the media, a media-asset-
 * management system. All of them are extension contributions (`contributes.tagWriters`), the
 * built-in ones included.
 */
export interface TagWriter extends Preparable {
  readonly id: string;
  write(input: TagWriterInput, token: CancellationToken): Promise<TagWriterResult>;
}
