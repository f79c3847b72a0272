import { useEffect, useRef } from "react";
import { timecodeOf, type ClipTiming } from "../format/clipFacts.ts";
import { mediaFormatName } from "../format/mediaFormatName.ts";
import { frameAt, seekTimeOf } from "../state/player/frameTime.ts";
import type { PlayerController } from "../state/player/PlayerController.ts";
import type { FallbackReason } from "../state/player/playerReducer.ts";
import type { TimelineMarker } from "../state/player/timelineMarkers.ts";
import { useI18n } from "../ui/I18n.tsx";
import { useStore } from "../ui/useStore.ts";
import { ErrorNotice } from "./ErrorNotice.tsx";
import { MarkerTimeline } from "./MarkerTimeline.tsx";

export interface ClipPlayerProps {
  readonly path: string;
  readonly clipName: string;
  readonly player: PlayerController;
  /** The catalog's timing once analysed (exact frame count), else the probe's. */
  readonly timing: ClipTiming | null;
  readonly markers: readonly TimelineMarker[];
  /** Whether an analysis gave the clip keyframes (the fallback sentence says how to get them). */
  readonly hasKeyframes: boolean;
  readonly fileUrl: (path: string) => string | null;
}

/**
 * The clip as the engine streams it (`/media/…` with range requests), with the timeline of its
 * markers. Every seek goes to a frame's exact time by the clip's rational rate. A file Chromium
 * cannot play gets a plain sentence saying why instead; the filmstrip then stands in for the video.
 */
export function ClipPlayer({ path, clipName, player, timing, markers, hasKeyframes, fileUrl }: ClipPlayerProps) {
  const { t } = useI18n();
  const state = useStore(player.state);
  const video = useRef<HTMLVideoElement>(null);
  const applied = useRef(0);

  const applySeek = (): void => {
    const request = state.seek;
    const element = video.current;
    if (
      !request ||
      request.path !== path ||
      request.serial === applied.current ||
      !element ||
      element.readyState < 1 ||
      !timing
    )
      return;
    applied.current = request.serial;
    element.currentTime = seekTimeOf(request.frame, timing.frameRate);
  };
  useEffect(applySeek);

  if (state.path !== path || state.load === "idle" || state.load === "loading") {
    return (
      <p className="muted player-status" role="status">
        {t("player.loading")}
      </p>
    );
  }
  if (state.load === "failed") return state.error ? <ErrorNotice error={state.error} /> : null;
  if (state.fallback !== null) {
    return (
      <div className="notice notice-info player-fallback">
        <p>
          {fallbackSentence(t, state.fallback, state)} {!hasKeyframes && t("player.fallback.analyse")}
        </p>
      </div>
    );
  }
  const url = state.stream ? fileUrl(state.stream) : null;
  if (!url || !timing) return null;
  const frame = state.frame ?? 0;
  const shown = (): void => {
    const element = video.current;
    if (element) player.shown(path, frameAt(element.currentTime, timing.frameRate, timing.frameCount));
  };
  return (
    <div className="player">
      <video
        ref={video}
        className="player-video"
        src={url}
        controls
        preload="metadata"
        playsInline
        aria-label={t("player.label", { clip: clipName })}
        onLoadedMetadata={applySeek}
        onTimeUpdate={shown}
        onSeeked={shown}
        onError={() => player.decodeFailed(path)}
      />
      <p className="muted player-position">{t("player.position", { frame, timecode: timecodeOf(timing, frame) })}</p>
      <MarkerTimeline
        markers={markers}
        frameCount={timing.frameCount}
        frame={frame}
        timecodeOf={(f) => timecodeOf(timing, f)}
        onSeek={(f) => player.seek(path, f)}
      />
    </div>
  );
}

function fallbackSentence(
  t: ReturnType<typeof useI18n>["t"],
  reason: FallbackReason,
  state: { container: string | null; codec: string | null },
): string {
  switch (reason) {
    case "container":
      return t("player.fallback.container", { format: mediaFormatName(state.container) });
    case "codec":
      return t("player.fallback.codec", { format: mediaFormatName(state.codec) });
    case "pixelFormat":
      return t("player.fallback.pixelFormat", { format: mediaFormatName(state.codec) });
    case "decode":
      return t("player.fallback.decode");
  }
}
