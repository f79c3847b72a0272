import { useEffect, useMemo } from "react";
import type { ClipReference } from "../host/ClipReference.ts";
import type { AnalysisController } from "../state/analysis/AnalysisController.ts";
import type { ApplyController } from "../state/apply/ApplyController.ts";
import { filmstripItems, type FilmstripItem } from "../state/filmstrip/filmstripItems.ts";
import type { PlayerController } from "../state/player/PlayerController.ts";
import { timelineMarkers } from "../state/player/timelineMarkers.ts";
import type { ReviewController } from "../state/review/ReviewController.ts";
import { useI18n } from "../ui/I18n.tsx";
import { useStore } from "../ui/useStore.ts";
import { useStoreValue } from "../ui/useStoreValue.ts";
import { AnalysisPanel } from "./AnalysisPanel.tsx";
import { ApplySection } from "./ApplySection.tsx";
import { ClipHeader } from "./ClipHeader.tsx";
import { ClipPlayer } from "./ClipPlayer.tsx";
import { ErrorNotice } from "./ErrorNotice.tsx";
import { Filmstrip } from "./Filmstrip.tsx";
import { ReviewList } from "./ReviewList.tsx";
import "../theme/clip.css";

export interface ClipViewProps {
  readonly clip: ClipReference | null;
  readonly analysis: AnalysisController;
  readonly review: ReviewController;
  readonly player: PlayerController;
  readonly apply: ApplyController;
  readonly onAnalyze: (clip: ClipReference) => void;
  readonly onApply: (clip: ClipReference, embeddable: boolean) => void;
  /** The panel has its own media browser (the browser host); other hosts pick in their project. */
  readonly mediaBrowser: boolean;
  /** The host writes into its project (markers, metadata), not only XMP beside the media. */
  readonly writesProject: boolean;
  /** The address of an engine file (thumbnail, stream) with the token. */
  readonly fileUrl: (path: string) => string | null;
}

/** The current clip: watch it, analyse it, review its tags, write them. */
export function ClipView({
  clip,
  analysis,
  review,
  player,
  apply,
  onAnalyze,
  onApply,
  mediaBrowser,
  writesProject,
  fileUrl,
}: ClipViewProps) {
  const { t } = useI18n();
  const analysisState = useStore(analysis.state);
  const reviewState = useStore(review.state);
  const path = clip?.mediaPath ?? null;
  const current = path !== null && reviewState.path === path ? reviewState : null;
  const info = current?.clip ?? null;
  const clipId = info?.id ?? null;
  // Picked from the player's state, so the whole view is not drawn again at every frame it plays.
  const fallback = useStoreValue(player.state, (s) => (s.path === path ? s.fallback : null));
  const container = useStoreValue(player.state, (s) => (s.path === path ? s.container : null));
  const probeTiming = useStoreValue(player.state, (s) => (s.path === path ? s.timing : null));

  useEffect(() => {
    if (path !== null) void player.load({ path, clipId });
  }, [player, path, clipId]);

  const shots = current?.shots;
  const keyframes = current?.keyframes;
  const tags = current?.tags;
  const items = useMemo(() => filmstripItems(shots ?? [], keyframes ?? []), [shots, keyframes]);
  const markers = useMemo(() => timelineMarkers(shots ?? [], tags ?? []), [shots, tags]);

  if (!clip || path === null) return <p className="muted empty">{t(mediaBrowser ? "clip.none" : "clip.noneInHost")}</p>;
  const timing = info ?? probeTiming;
  const seek = (frame: number): void => player.seek(path, frame);
  return (
    <div className="clip-view">
      <ClipHeader clip={clip} info={info} />
      <ClipPlayer
        path={path}
        clipName={clip.name}
        player={player}
        timing={timing}
        markers={markers}
        hasKeyframes={items.length > 0}
        fileUrl={fileUrl}
      />
      {current?.load === "loading" && !info && (
        <p className="muted" role="status">
          {t("clip.loading")}
        </p>
      )}
      {info && (
        <FollowingFilmstrip
          player={player}
          path={path}
          items={items}
          clipName={clip.name}
          aspect={info.width > 0 && info.height > 0 ? info.width / info.height : 16 / 9}
          viewer={fallback !== null}
          fileUrl={fileUrl}
          onSeek={seek}
        />
      )}
      {current?.load === "not-analysed" && <p className="muted">{t("clip.notAnalysed")}</p>}
      {current?.load === "failed" && current.error && <ErrorNotice error={current.error} />}
      <AnalysisPanel
        state={analysisState.phase !== "idle" && analysisState.path !== path ? { phase: "idle" } : analysisState}
        analysed={info !== null}
        onAnalyze={() => onAnalyze(clip)}
        onCancel={() => void analysis.cancel()}
        onDismiss={() => analysis.reset()}
      />
      {info && (
        <ApplySection
          path={path}
          apply={apply}
          writesProject={writesProject}
          embeddable={container === "mov"}
          timing={info}
          onApply={() => onApply(clip, container === "mov")}
        />
      )}
      {current?.clip && <ReviewList state={current} review={review} clipName={clip.name} onSeek={seek} />}
    </div>
  );
}

/** The filmstrip, marking the keyframe of the frame the player shows (it changes as the video plays). */
function FollowingFilmstrip({
  player,
  path,
  ...props
}: {
  player: PlayerController;
  path: string;
  items: readonly FilmstripItem[];
  clipName: string;
  aspect: number;
  viewer: boolean;
  fileUrl: (path: string) => string | null;
  onSeek: (frame: number) => void;
}) {
  const frame = useStoreValue(player.state, (s) => (s.path === path ? s.frame : null));
  return <Filmstrip frame={frame} {...props} />;
}
