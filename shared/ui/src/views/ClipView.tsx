import type { ClipReference } from "../host/ClipReference.ts";
import type { AnalysisController } from "../state/analysis/AnalysisController.ts";
import type { ReviewController } from "../state/review/ReviewController.ts";
import { useI18n } from "../ui/I18n.tsx";
import { useStore } from "../ui/useStore.ts";
import { AnalysisPanel } from "./AnalysisPanel.tsx";
import { ClipHeader } from "./ClipHeader.tsx";
import { ErrorNotice } from "./ErrorNotice.tsx";
import { ReviewList } from "./ReviewList.tsx";

export interface ClipViewProps {
  readonly clip: ClipReference | null;
  readonly analysis: AnalysisController;
  readonly review: ReviewController;
  readonly onAnalyze: (clip: ClipReference) => void;
  /** The panel has its own media browser (the browser host); other hosts pick in their project. */
  readonly mediaBrowser: boolean;
}

/** The current clip: analyse it, watch the progress, review its tags. */
export function ClipView({ clip, analysis, review, onAnalyze, mediaBrowser }: ClipViewProps) {
  const { t } = useI18n();
  const analysisState = useStore(analysis.state);
  const reviewState = useStore(review.state);
  if (!clip) return <p className="muted empty">{t(mediaBrowser ? "clip.none" : "clip.noneInHost")}</p>;
  const current = reviewState.path === clip.mediaPath ? reviewState : null;
  return (
    <div className="clip-view">
      <ClipHeader clip={clip} info={current?.clip ?? null} />
      {current?.load === "loading" && !current.clip && (
        <p className="muted" role="status">
          {t("clip.loading")}
        </p>
      )}
      {current?.load === "not-analysed" && <p className="muted">{t("clip.notAnalysed")}</p>}
      {current?.load === "failed" && current.error && <ErrorNotice error={current.error} />}
      <AnalysisPanel
        state={analysisState.phase !== "idle" && analysisState.path !== clip.mediaPath ? { phase: "idle" } : analysisState}
        analysed={current?.clip !== null && current?.clip !== undefined}
        onAnalyze={() => onAnalyze(clip)}
        onCancel={() => void analysis.cancel()}
        onDismiss={() => analysis.reset()}
      />
      {current?.clip && <ReviewList state={current} review={review} clipName={clip.name} />}
    </div>
  );
}
