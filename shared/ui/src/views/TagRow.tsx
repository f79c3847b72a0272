import type { StoredTag } from "@sichter/shared/protocol";
import { memo, type MouseEvent, type ReactNode } from "react";
import { evidenceOf } from "../state/review/groupTags.ts";
import { useI18n } from "../ui/I18n.tsx";

export interface TagRowProps {
  /** The row's key in the review list, for measuring drawn rows. */
  readonly rowKey: string;
  readonly tag: StoredTag;
  /** 1-based place in its group and the group's size: a long list draws only some rows. */
  readonly position: number;
  readonly setSize: number;
  readonly timecode: string;
  readonly focused: boolean;
  readonly pending: boolean;
  // Handlers take the tag, so the list passes the same functions to every row and a row whose tag,
  // place and state are unchanged skips its render (memo) when other rows come and go.
  readonly onFocus: (tagId: number) => void;
  /** Shows the tag's first frame (a click on the row, not on its buttons). */
  readonly onShow: (frame: number) => void;
  readonly onDecide: (tagId: number, decision: "accept" | "reject" | "reset") => void;
  readonly onEdit: (tagId: number) => void;
  /** Replaces the row's content while its label is edited. */
  readonly editor: ReactNode;
}

const ROW_ID_PREFIX = "sichter-tag-";

export function tagRowId(tagId: number): string {
  return `${ROW_ID_PREFIX}${tagId}`;
}

/** The tag a row element shows, from its id (null for anything else). */
export function tagIdOfRow(elementId: string): number | null {
  return elementId.startsWith(ROW_ID_PREFIX) ? Number(elementId.slice(ROW_ID_PREFIX.length)) : null;
}

/**
 * One tag: label, timecode, confidence and decision, with buttons for the mouse (keys: see
 * reviewKeys). A click on the row shows the tag's first frame.
 */
export const TagRow = memo(function TagRow({
  rowKey,
  tag,
  position,
  setSize,
  timecode,
  focused,
  pending,
  onFocus,
  onShow,
  onDecide,
  onEdit,
  editor,
}: TagRowProps) {
  const { t } = useI18n();
  const percent = Math.round(tag.confidence * 100);
  const status = t(`status.${tag.status}`);
  const evidence = evidenceOf(tag);
  const meta = [timecode, tag.source === "user" ? null : t("review.confidence", { percent })]
    .filter(Boolean)
    .join(" · ");
  const origin = evidence && t(tag.kind.startsWith("ocr.") ? "review.readAs" : "review.evidence", { evidence });
  // A person's edits each add a "user" entry (with the label they replaced): name each producer once.
  const producers = [
    ...new Set(tag.provenance.map((p) => (p.version ? `${p.producer} ${p.version}` : p.producer))),
  ].join(", ");
  const buttonTab = focused ? 0 : -1;
  const onClick = (event: MouseEvent): void => {
    onFocus(tag.id);
    if (!(event.target as Element).closest("button, input, form")) onShow(tag.startFrame);
  };
  return (
    <li
      id={tagRowId(tag.id)}
      data-row-key={rowKey}
      aria-posinset={position}
      aria-setsize={setSize}
      className={`tag tag-${tag.status}${focused ? " tag-focused" : ""}`}
      tabIndex={focused ? 0 : -1}
      aria-label={[tag.label, meta, origin, status].filter(Boolean).join(", ")}
      aria-current={focused ? "true" : undefined}
      title={t("review.provenance", { producers })}
      aria-keyshortcuts="A R U E N Enter ?"
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocus(tag.id);
      }}
      onClick={onClick}
    >
      {editor ?? (
        <>
          <div className="tag-main">
            <span className="tag-label">{tag.label}</span>
            <span className="tag-meta">
              <span className={`chip chip-${tag.status}`}>{status}</span> {meta}
              {pending && <span className="tag-pending"> · {t("review.saving")}</span>}
            </span>
            {origin && <span className="tag-meta tag-origin">{origin}</span>}
          </div>
          <div className="tag-actions">
            {tag.status === "suggested" ? (
              <>
                <button
                  type="button"
                  className="icon-button icon-accept"
                  tabIndex={buttonTab}
                  aria-label={t("review.acceptTag", { label: tag.label })}
                  title={t("review.accept")}
                  onClick={() => onDecide(tag.id, "accept")}
                >
                  ✓
                </button>
                <button
                  type="button"
                  className="icon-button icon-reject"
                  tabIndex={buttonTab}
                  aria-label={t("review.rejectTag", { label: tag.label })}
                  title={t("review.reject")}
                  onClick={() => onDecide(tag.id, "reject")}
                >
                  ✕
                </button>
              </>
            ) : (
              <button
                type="button"
                className="icon-button"
                tabIndex={buttonTab}
                aria-label={t("review.resetTag", { label: tag.label })}
                title={t("review.reset")}
                onClick={() => onDecide(tag.id, "reset")}
              >
                ↺
              </button>
            )}
            <button
              type="button"
              className="icon-button"
              tabIndex={buttonTab}
              aria-label={t("review.editTag", { label: tag.label })}
              title={t("review.edit")}
              onClick={() => onEdit(tag.id)}
            >
              ✎
            </button>
          </div>
        </>
      )}
    </li>
  );
});
