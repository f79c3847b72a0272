import type { SearchResultItem } from "@sichter/shared/protocol";
import { useState } from "react";
import { fileNameOf, folderNameOf } from "../host/ClipReference.ts";
import { useI18n } from "../ui/I18n.tsx";

const HITS_SHOWN = 3;

export interface SearchResultProps {
  readonly result: SearchResultItem;
  /** The picture's address; undefined while it is looked up, null when the clip has none. */
  readonly picture: string | null | undefined;
  readonly onOpen: (hit: number) => void;
}

/** One clip found: its picture and name open it at the best hit; each matched tag opens it at its own frame. */
export function SearchResult({ result, picture, onOpen }: SearchResultProps) {
  const { t } = useI18n();
  const name = fileNameOf(result.file);
  const best = result.hits[0];
  const more = result.hits.length - HITS_SHOWN;
  return (
    <li className="result">
      <button
        type="button"
        className="result-open"
        data-search-item=""
        title={result.file}
        aria-label={
          best
            ? t("search.openClipAt", { clip: name, timecode: best.startTimecode })
            : t("search.openClip", { clip: name })
        }
        onClick={() => onOpen(0)}
      >
        <Thumbnail picture={picture} />
        <span className="result-text">
          <span className="result-name">{name}</span>
          <span className="result-where">
            {folderNameOf(result.file)}
            {best && ` · ${best.startTimecode}`}
          </span>
        </span>
      </button>
      <ul className="hits">
        {result.hits.slice(0, HITS_SHOWN).map((hit, i) => (
          <li key={i}>
            <button
              type="button"
              className="hit"
              data-search-item=""
              aria-label={t("search.openHit", { label: hit.label, clip: name, timecode: hit.startTimecode })}
              onClick={() => onOpen(i)}
            >
              <span className="hit-label">{hit.label}</span>
              <span className="hit-meta">
                {t(`source.${hit.source}`)} · {hit.startTimecode}
              </span>
            </button>
          </li>
        ))}
        {more > 0 && <li className="muted hit-more">{t("search.more", { count: more })}</li>}
      </ul>
    </li>
  );
}

function Thumbnail({ picture }: { picture: string | null | undefined }) {
  const { t } = useI18n();
  // A picture of an analysis replaced meanwhile answers 404: the placeholder takes its place.
  const [broken, setBroken] = useState<string | null>(null);
  if (picture && picture !== broken) {
    return <img className="result-thumb" src={picture} alt="" loading="lazy" onError={() => setBroken(picture)} />;
  }
  return (
    <span className="result-thumb result-thumb-empty" aria-hidden="true">
      {picture === undefined ? "" : t("search.noPicture")}
    </span>
  );
}
