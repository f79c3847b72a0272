import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from "react";
import { timecodeOf } from "../format/clipFacts.ts";
import { groupTags } from "../state/review/groupTags.ts";
import type { ReviewController } from "../state/review/ReviewController.ts";
import { reviewCommandFor } from "../state/review/reviewKeys.ts";
import type { ReviewState } from "../state/review/reviewReducer.ts";
import { layoutRows, reviewRows, rowsToDraw, stretches, type ReviewRow } from "../state/review/virtualRows.ts";
import { useI18n } from "../ui/I18n.tsx";
import { useViewportSpan } from "../ui/useViewportSpan.ts";
import { ErrorNotice } from "./ErrorNotice.tsx";
import { ReviewKeysHelp } from "./ReviewKeysHelp.tsx";
import { TagEditor } from "./TagEditor.tsx";
import { TagRow, tagIdOfRow, tagRowId } from "./TagRow.tsx";

/** Rows drawn beyond the visible part, above and below (px): a fast scroll never shows an empty gap. */
const OVERSCAN = 480;

export interface ReviewListProps {
  readonly state: ReviewState;
  readonly review: ReviewController;
  readonly clipName: string;
  /** Shows a frame of the clip (player or filmstrip): Enter on a tag, or a click on it. */
  readonly onSeek: (frame: number) => void;
}

/**
 * The tags of the current clip grouped by source. Keyboard first: one row holds the focus (roving
 * tabindex) and the keys of reviewKeys act on it; every action also has a button. A long list draws
 * only the rows near the screen (virtualRows); the focused row is always drawn, so DOM focus and the
 * screen reader's place stay on it, and every row says its place in its group.
 */
export function ReviewList({ state, review, clipName, onSeek }: ReviewListProps) {
  const { t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const clip = state.clip;

  const rows = useMemo(() => reviewRows(groupTags(state.tags)), [state.tags]);
  const heights = useRef(new Map<string, number>());
  const [measured, setMeasured] = useState(0);
  const layout = useMemo(() => layoutRows(rows, heights.current), [rows, measured]);
  const span = useViewportSpan(container, true);
  // The row that holds DOM focus stays drawn until the focus has moved on: a key that sends the
  // focus far away renders the new row first, and a row taken out of the page takes the focus with it.
  const holder = useRef<number | null>(null);
  const pinned = rows.flatMap((row, index) =>
    row.kind === "tag" &&
    (row.tag.id === state.focusedId ||
      row.tag.id === holder.current ||
      (state.editing !== null && row.tag.id === state.editing.target))
      ? [index]
      : [],
  );
  const drawn = rowsToDraw(layout, span.top, span.bottom, OVERSCAN, pinned);

  // The rows' handlers stay the same functions across renders (they read the latest controller and
  // seek when called): a drawn row whose tag and state did not change then skips its render when
  // the list scrolls (TagRow is memo).
  const latest = useRef({ review, onSeek });
  useLayoutEffect(() => {
    latest.current = { review, onSeek };
  });
  const focusTag = useCallback((tagId: number) => latest.current.review.dispatch({ type: "focus", tagId }), []);
  const showFrame = useCallback((frame: number) => latest.current.onSeek(frame), []);
  const decideTag = useCallback(
    (tagId: number, decision: "accept" | "reject" | "reset") => void latest.current.review.decide(tagId, decision),
    [],
  );
  const editTag = useCallback(
    (tagId: number) => latest.current.review.dispatch({ type: "editStart", target: tagId }),
    [],
  );

  // Drawn rows tell their real height; the layout (and the scrollbar) follows.
  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    let changed = false;
    for (const element of root.querySelectorAll<HTMLElement>("[data-row-key]")) {
      const style = getComputedStyle(element);
      const height =
        element.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
      const key = element.dataset.rowKey!;
      if (Math.abs((heights.current.get(key) ?? -1) - height) > 0.5) {
        heights.current.set(key, height);
        changed = true;
      }
    }
    if (changed) setMeasured((n) => n + 1);
  });

  // Keyboard moves keep DOM focus on the focused row while the list has it. A focused row that left
  // the page dropped the focus onto the body without a blur: the list still counts as focused then.
  useEffect(() => {
    const root = container.current;
    if (!root || state.focusedId === null || state.editing) return;
    const active = document.activeElement;
    const listHasFocus =
      (root.contains(active) && active !== root) ||
      ((active === null || active === document.body) && holder.current !== null);
    if (listHasFocus) document.getElementById(tagRowId(state.focusedId))?.focus();
  }, [state.focusedId, state.editing]);
  const onFocusIn = (event: FocusEvent): void => {
    const row = (event.target as Element).closest<HTMLElement>("li.tag");
    holder.current = row ? tagIdOfRow(row.id) : null;
  };
  const onFocusOut = (event: FocusEvent): void => {
    if (!container.current?.contains(event.relatedTarget as Node | null)) holder.current = null;
  };

  if (!clip) return null;
  const counts = {
    accepted: state.tags.filter((tag) => tag.status === "accepted").length,
    rejected: state.tags.filter((tag) => tag.status === "rejected").length,
    open: state.tags.filter((tag) => tag.status === "suggested").length,
  };
  const focusedTag = state.tags.find((tag) => tag.id === state.focusedId);

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
        return;
      case "seek":
        if (focusedTag) onSeek(focusedTag.startFrame);
        return;
      case "help":
        setHelpOpen((open) => !open);
    }
  };

  // The focus goes back to the list before the editor closes, never through the page's body: the next
  // key counts however fast it comes, not only once the engine has answered. A tag added here takes
  // the focus when it arrives (the effect above).
  const endEdit = (): void => {
    const target = state.editing?.target;
    focusRow(typeof target === "number" ? target : state.focusedId);
    review.dispatch({ type: "editEnd" });
  };
  const saveEdit = (): void => {
    const target = state.editing?.target;
    focusRow(typeof target === "number" ? target : state.focusedId);
    void review.commitEdit();
  };
  const editorFor = (target: number | "new", caption: string) =>
    state.editing?.target === target ? (
      <TagEditor
        label={state.editing.label}
        caption={caption}
        onChange={(label) => review.dispatch({ type: "editChange", label })}
        onSave={saveEdit}
        onCancel={endEdit}
      />
    ) : null;

  const tagRow = (row: Extract<ReviewRow, { kind: "tag" }>) => (
    <TagRow
      key={row.key}
      rowKey={row.key}
      tag={row.tag}
      position={row.position}
      setSize={row.size}
      timecode={timecodeOf(clip, row.tag.startFrame)}
      focused={row.tag.id === state.focusedId}
      pending={state.pending.includes(row.tag.id)}
      onFocus={focusTag}
      onShow={showFrame}
      onDecide={decideTag}
      onEdit={editTag}
      editor={editorFor(row.tag.id, t("review.editLabel"))}
    />
  );
  const gap = (key: string, height: number, Element: "div" | "li" = "div") => (
    <Element key={key} className="row-gap" aria-hidden="true" style={{ height }} />
  );
  const heightOf = (first: number, last: number) =>
    layout.offsets[last]! + layout.heights[last]! - layout.offsets[first]!;

  return (
    <section className="review" aria-labelledby="sichter-review-title">
      <div className="row row-spread row-wrap">
        <h2 id="sichter-review-title" className="section-title">
          {t("review.title")}
        </h2>
        <button
          type="button"
          className="button"
          onClick={() => review.dispatch({ type: "editStart", target: "new" })}
          aria-keyshortcuts="N"
        >
          {t("review.add")}
        </button>
      </div>
      <p className="muted">{t("review.counts", counts)}</p>
      <div className="row key-help-row">
        <p className="muted key-help">{t("review.keys")}</p>
        <button
          type="button"
          className="button"
          aria-expanded={helpOpen}
          aria-controls="sichter-review-keys"
          aria-label={t("review.keysButtonLabel")}
          aria-keyshortcuts="?"
          onClick={() => setHelpOpen((open) => !open)}
        >
          {t("review.keysButton")}
        </button>
      </div>
      {helpOpen && <ReviewKeysHelp id="sichter-review-keys" onClose={() => setHelpOpen(false)} />}
      {state.error && <ErrorNotice error={state.error} onDismiss={() => review.dispatch({ type: "dismissError" })} />}
      {editorFor("new", t("review.newLabel"))}
      {rows.length === 0 ? (
        <p>{t("review.empty")}</p>
      ) : (
        <div
          ref={container}
          className="review-groups"
          onKeyDown={onKeyDown}
          onFocus={onFocusIn}
          onBlur={onFocusOut}
          aria-label={t("review.listLabel", { clip: clipName })}
          role="region"
        >
          {groupSpans(rows).map(({ row, first, last }) => {
            if (![...range(first, last)].some((index) => drawn.has(index)))
              return gap(`gap:${row.key}`, heightOf(first, last));
            const source = t(`group.${row.group}`);
            return (
              <section
                key={row.key}
                className="tag-group"
                aria-label={t("source.groupLabel", { source, count: row.size })}
              >
                {drawn.has(first) ? (
                  <h3 className="group-title" data-row-key={row.key}>
                    {source} <span className="count">{row.size}</span>
                  </h3>
                ) : (
                  gap(`head:${row.key}`, heightOf(first, first))
                )}
                <ul className="tags">
                  {/* One flat list of children: a row keeps its element (and DOM focus) when gaps come and go around it. */}
                  {stretches(layout, drawn, first + 1, last).flatMap((part) =>
                    part.kind === "gap"
                      ? [gap(`gap:${part.first}`, part.height, "li")]
                      : [...range(part.first, part.last)].map((index) =>
                          tagRow(rows[index] as Extract<ReviewRow, { kind: "tag" }>),
                        ),
                  )}
                </ul>
              </section>
            );
          })}
        </div>
      )}
    </section>
  );
}

/** Each group's heading row and the index range of its rows (heading included). */
function groupSpans(
  rows: readonly ReviewRow[],
): { row: Extract<ReviewRow, { kind: "group" }>; first: number; last: number }[] {
  const spans: { row: Extract<ReviewRow, { kind: "group" }>; first: number; last: number }[] = [];
  rows.forEach((row, index) => {
    if (row.kind === "group") spans.push({ row, first: index, last: index + row.size });
  });
  return spans;
}

function* range(first: number, last: number): Generator<number> {
  for (let i = first; i <= last; i++) yield i;
}

/** The edited row holds its editor, and the focused row is always drawn: both are there to take the focus. */
function focusRow(tagId: number | null): void {
  if (tagId !== null) document.getElementById(tagRowId(tagId))?.focus();
}
