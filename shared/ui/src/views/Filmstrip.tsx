import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { itemIndexAt, type FilmstripItem } from "../state/filmstrip/filmstripItems.ts";
import { useI18n } from "../ui/I18n.tsx";

export interface FilmstripProps {
  readonly items: readonly FilmstripItem[];
  /** The frame on screen (player or last seek); its keyframe is marked. */
  readonly frame: number | null;
  readonly clipName: string;
  /** Picture width / height, so thumbnails keep their place before they load. */
  readonly aspect: number;
  /** Without a playable video the strip is the viewer: the marked keyframe is shown large. */
  readonly viewer: boolean;
  readonly fileUrl: (path: string) => string | null;
  readonly onSeek: (frame: number) => void;
}

/**
 * The clip's keyframes in a row, a line and the shot's number where a shot begins, each with its
 * timecode. One keyframe is in the tab order (roving tabindex): arrows move, Home/End jump, Enter
 * or a click shows its frame.
 */
export function Filmstrip({ items, frame, clipName, aspect, viewer, fileUrl, onSeek }: FilmstripProps) {
  const { t } = useI18n();
  const strip = useRef<HTMLOListElement>(null);
  const current = itemIndexAt(items, frame ?? 0);
  const [cursor, setCursor] = useState(current);
  const focusInside = (): boolean => strip.current?.contains(document.activeElement) ?? false;

  // The strip follows the video while the keyboard is elsewhere.
  useEffect(() => {
    if (!focusInside()) setCursor(current);
    const list = strip.current;
    const item = list?.children[current] as HTMLElement | undefined;
    if (
      list &&
      item &&
      (item.offsetLeft < list.scrollLeft || item.offsetLeft + item.offsetWidth > list.scrollLeft + list.clientWidth)
    ) {
      list.scrollLeft = item.offsetLeft - (list.clientWidth - item.offsetWidth) / 2;
    }
  }, [current]);

  if (items.length === 0) return <p className="muted">{t("filmstrip.none")}</p>;
  const active = Math.min(Math.max(0, cursor), items.length - 1);
  const shotName = (item: FilmstripItem): string =>
    item.shot === null ? t("filmstrip.noShot") : t("player.shot", { number: item.shot + 1 });

  const moveTo = (index: number): void => {
    const next = Math.min(Math.max(0, index), items.length - 1);
    setCursor(next);
    const button = strip.current?.querySelectorAll<HTMLButtonElement>(".frame-button")[next];
    button?.focus({ preventScroll: true });
    button?.scrollIntoView({ block: "nearest", inline: "nearest" });
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    const to =
      event.key === "ArrowRight" || event.key === "ArrowDown"
        ? active + 1
        : event.key === "ArrowLeft" || event.key === "ArrowUp"
          ? active - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? items.length - 1
              : null;
    if (to === null) return;
    event.preventDefault();
    moveTo(to);
  };
  const shown = items[current];

  return (
    <section className="filmstrip" aria-labelledby="sichter-filmstrip-title">
      <div className="row row-spread row-wrap">
        <h3 id="sichter-filmstrip-title" className="group-title">
          {t("filmstrip.title")} <span className="count">{items.length}</span>
        </h3>
        <span className="muted filmstrip-help">{t("filmstrip.help")}</span>
      </div>
      {viewer && shown && (
        <figure className="filmstrip-preview">
          {shown.thumbnail && (
            <img
              src={fileUrl(shown.thumbnail) ?? undefined}
              alt={t("filmstrip.preview", { timecode: shown.timecode })}
              style={{ aspectRatio: String(aspect) }}
            />
          )}
          <figcaption className="muted">
            {shotName(shown)} · {shown.timecode}
          </figcaption>
        </figure>
      )}
      <ol
        ref={strip}
        className="filmstrip-items"
        aria-label={t("filmstrip.label", { clip: clipName })}
        onKeyDown={onKeyDown}
      >
        {items.map((item, index) => (
          <li
            key={item.frame}
            className={`frame${item.shotStart ? " frame-shot-start" : ""}${index === current ? " frame-current" : ""}`}
          >
            <span className="frame-shot" aria-hidden="true">
              {item.shotStart ? shotName(item) : " "}
            </span>
            <button
              type="button"
              className="frame-button"
              tabIndex={index === active ? 0 : -1}
              aria-label={t("filmstrip.keyframe", { shot: shotName(item), timecode: item.timecode })}
              aria-current={index === current ? "true" : undefined}
              data-frame={item.frame}
              onFocus={() => setCursor(index)}
              onClick={() => onSeek(item.frame)}
            >
              {item.thumbnail ? (
                <img
                  className="frame-image"
                  src={fileUrl(item.thumbnail) ?? undefined}
                  alt=""
                  loading="lazy"
                  decoding="async"
                  style={{ aspectRatio: String(aspect) }}
                />
              ) : (
                <span className="frame-image frame-missing" style={{ aspectRatio: String(aspect) }} />
              )}
              <span className="frame-timecode">{item.timecode}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
