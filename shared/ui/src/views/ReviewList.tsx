import { useEffect, useRef, type KeyboardEvent } from "react";
import { timecodeOf } from "../format/clipFacts.ts";
import { groupTags } from "../state/review/groupTags.ts";
import type { ReviewController } from "../state/review/ReviewController.ts";
import { reviewCommandFor } from "../state/review/reviewKeys.ts";
import type { ReviewState } from "../state/review/reviewReducer.ts";
import { useI18n } from "../ui/I18n.tsx";
import { ErrorNotice } from "./ErrorNotice.tsx";
import { TagEditor } from "./TagEditor.tsx";
import { TagRow, tagRowId } from "./TagRow.tsx";

/**
 * The tags of the current clip grouped by source. Keyboard first: one row holds the focus (roving
 * tabindex) and the keys of reviewKeys act on it; every action also has a button.
 */
export function ReviewList({ state, review, clipName }: { state: ReviewState; review: ReviewController; clipName: string }) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const clip = state.clip;

  // Keyboard moves keep DOM focus on the focused row while the list has it.
  useEffect(() => {
    const root = container.current;
    if (!root || state.focusedId === null || state.editing) return;
    if (!root.contains(document.activeElement) || document.activeElement === root) return;
    document.getElementById(tagRowId(state.focusedId))?.focus();
  }, [state.focusedId, state.editing]);

  if (!clip) return null;
  const groups = groupTags(state.tags);
  const counts = {
    accepted: state.tags.filter((tag) => tag.status === "accepted").length,
    rejected: state.tags.filter((tag) => tag.status === "rejected").length,
    open: state.tags.filter((tag) => tag.status === "suggested").length,
  };

  const onKeyDown = (event: KeyboardEvent): void => {
    const command = reviewCommandFor(event);
    if (!command) return;
    event.preventDefault();
    const focused = state.focusedId;
    switch (command.type) {
      case "move":
        review.dispatch({ type: "move", move: command.move });
        return;
      case "accept":
      case "reject":
      case "reset":
        if (focused !== null) void review.decide(focused, command.type);
        return;
      case "edit":
        if (focused !== null) review.dispatch({ type: "editStart", target: focused });
        return;
      case "add":
        review.dispatch({ type: "editStart", target: "new" });
    }
  };

  const endEdit = (): void => {
    const target = state.editing?.target;
    review.dispatch({ type: "editEnd" });
    restoreFocus(typeof target === "number" ? target : state.focusedId);
  };
  const saveEdit = (): void => {
    const target = state.editing?.target;
    void review.commitEdit().then(() => restoreFocus(typeof target === "number" ? target : review.state.get().focusedId));
  };
  const editorFor = (target: number | "new", caption: string) =>
    state.editing?.target === target ? (
      <TagEditor label={state.editing.label} caption={caption} onChange={(label) => review.dispatch({ type: "editChange", label })} onSave={saveEdit} onCancel={endEdit} />
    ) : null;

  return (
    <section className="review" aria-labelledby="sichter-review-title">
      <div className="row row-spread">
        <h2 id="sichter-review-title" className="section-title">
          {t("review.title")}
        </h2>
        <button type="button" className="button" onClick={() => review.dispatch({ type: "editStart", target: "new" })} aria-keyshortcuts="N">
          {t("review.add")}
        </button>
      </div>
      <p className="muted">{t("review.counts", counts)}</p>
      <p className="muted key-help">{t("review.keys")}</p>
      {state.error && <ErrorNotice error={state.error} onDismiss={() => review.dispatch({ type: "dismissError" })} />}
      {editorFor("new", t("review.newLabel"))}
      {groups.length === 0 ? (
        <p>{t("review.empty")}</p>
      ) : (
        <div ref={container} className="review-groups" onKeyDown={onKeyDown} aria-label={t("review.listLabel", { clip: clipName })} role="region">
          {groups.map((group) => {
            const source = t(`group.${group.key}`);
            return (
              <section key={group.key} className="tag-group" aria-label={t("source.groupLabel", { source, count: group.tags.length })}>
                <h3 className="group-title">
                  {source} <span className="count">{group.tags.length}</span>
                </h3>
                <ul className="tags">
                  {group.tags.map((tag) => (
                    <TagRow
                      key={tag.id}
                      tag={tag}
                      timecode={timecodeOf(clip, tag.startFrame)}
                      focused={tag.id === state.focusedId}
                      pending={state.pending.includes(tag.id)}
                      onFocus={() => review.dispatch({ type: "focus", tagId: tag.id })}
                      onDecide={(decision) => void review.decide(tag.id, decision)}
                      onEdit={() => review.dispatch({ type: "editStart", target: tag.id })}
                      editor={editorFor(tag.id, t("review.editLabel"))}
                    />
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}

function restoreFocus(tagId: number | null): void {
  if (tagId === null) return;
  // After React has drawn the row again without its editor.
  setTimeout(() => document.getElementById(tagRowId(tagId))?.focus(), 0);
}
