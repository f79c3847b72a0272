import { useI18n } from "../ui/I18n.tsx";
import "../theme/host.css";

/**
 * Said near apply in hosts that cannot make an apply one undo step (HostCapabilities.undoGrouping
 * false: Premiere 25.0–25.5 through CEP, Resolve); nothing where it can or where the host has no undo.
 */
export function UndoGroupingNote({ undoGrouping }: { undoGrouping: boolean | undefined }) {
  const { t } = useI18n();
  if (undoGrouping !== false) return null;
  return (
    <p className="muted undo-note" role="note">
      {t("undo.notGrouped")}
    </p>
  );
}
