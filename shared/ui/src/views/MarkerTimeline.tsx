import type { KeyboardEvent, MouseEvent } from "react";
import { adjacentMarker, type TimelineMarker } from "../state/player/timelineMarkers.ts";
import { useI18n } from "../ui/I18n.tsx";

export interface MarkerTimelineProps {
  readonly markers: readonly TimelineMarker[];
  readonly frameCount: number;
  /** The frame on screen. */
  readonly frame: number;
  readonly timecodeOf: (frame: number) => string;
  readonly onSeek: (frame: number) => void;
}

/** A click this close (px) to a marker goes to the marker's exact frame. */
const SNAP_PX = 5;

/**
 * The clip's timeline under the video: shot starts (tall) and tags' first frames (short), and where
 * the video is. A slider for keyboards and screen readers: arrows go to the previous or next marker,
 * Home to the first frame, End to the last marker; a click goes to a marker or to the frame there.
 */
export function MarkerTimeline({ markers, frameCount, frame, timecodeOf, onSeek }: MarkerTimelineProps) {
  const { t } = useI18n();
  const last = Math.max(1, frameCount - 1);
  const at = (f: number): string => `${(Math.min(f, last) / last) * 100}%`;
  const describe = (marker: TimelineMarker): string =>
    [marker.shot === null ? null : t("player.shot", { number: marker.shot + 1 }), ...marker.tags]
      .filter(Boolean)
      .join(", ");
  const here = markers.find((marker) => marker.frame === frame);

  const onKeyDown = (event: KeyboardEvent): void => {
    const target =
      event.key === "ArrowRight" || event.key === "ArrowUp"
        ? adjacentMarker(markers, frame, "next")?.frame
        : event.key === "ArrowLeft" || event.key === "ArrowDown"
          ? adjacentMarker(markers, frame, "previous")?.frame
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? markers.at(-1)?.frame
              : undefined;
    if (event.key.startsWith("Arrow") || event.key === "Home" || event.key === "End") event.preventDefault();
    if (target !== undefined) onSeek(target);
  };
  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    const marked = (event.target as HTMLElement).closest<HTMLElement>("[data-frame]");
    if (marked) {
      onSeek(Number(marked.dataset.frame));
      return;
    }
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width <= 0) return;
    const x = Math.min(Math.max(0, event.clientX - box.left), box.width);
    let best: TimelineMarker | null = null;
    for (const marker of markers) {
      const distance = Math.abs((marker.frame / last) * box.width - x);
      if (distance <= SNAP_PX && (!best || distance < Math.abs((best.frame / last) * box.width - x))) best = marker;
    }
    onSeek(best ? best.frame : Math.round((x / box.width) * last));
  };

  return (
    <div className="timeline-block">
      <div
        className="timeline"
        role="slider"
        tabIndex={0}
        aria-label={t("player.markers")}
        aria-valuemin={0}
        aria-valuemax={last}
        aria-valuenow={frame}
        aria-valuetext={
          here ? t("player.markerValue", { timecode: timecodeOf(frame), what: describe(here) }) : timecodeOf(frame)
        }
        onKeyDown={onKeyDown}
        onClick={onClick}
      >
        {markers.map((marker) => (
          <span
            key={marker.frame}
            className={`timeline-marker${marker.shot !== null ? " timeline-shot" : ""}${marker.tags.length > 0 ? " timeline-tag" : ""}`}
            style={{ left: at(marker.frame) }}
            data-frame={marker.frame}
            title={`${timecodeOf(marker.frame)} · ${describe(marker)}`}
          />
        ))}
        <span className="timeline-playhead" style={{ left: at(frame) }} aria-hidden="true" />
      </div>
      <p className="muted timeline-help">{t("player.markersHelp")}</p>
    </div>
  );
}
