import { stageLabel } from "../../i18n/stageLabel.ts";
import type { AutoMarkClip } from "../../state/autoMark/autoMarkReducer.ts";
import { useI18n } from "../../ui/I18n.tsx";

/** One clip of a run: its name, what it is doing, and for a running one how far it is. */
export function AutoMarkClipRow({ clip }: { clip: AutoMarkClip }) {
  const { t } = useI18n();
  const percent = Math.round(clip.fraction * 100);
  const state =
    clip.state === "running"
      ? t("autoMark.state.running", { stage: stageLabel(t, clip.stage), percent })
      : t(`autoMark.state.${clip.state}`);
  return (
    <li className={`auto-mark-clip auto-mark-${clip.state}`} data-state={clip.state} title={clip.path}>
      <span className="auto-mark-name">{clip.name}</span>
      <span className="auto-mark-state">
        {state}
        {clip.state === "failed" && clip.error && <span className="auto-mark-code"> · {clip.error.code}</span>}
      </span>
      {clip.state === "running" && (
        <span className="progress auto-mark-bar" aria-hidden="true">
          <span className="progress-fill" style={{ width: `${percent}%` }} />
        </span>
      )}
    </li>
  );
}
