import type { SearchResultItem } from "@sichter/shared/protocol";
import { useId, useState, type FormEvent } from "react";
import { fileNameOf } from "../host/ClipReference.ts";
import type { SearchController } from "../state/search/SearchController.ts";
import { useI18n } from "../ui/I18n.tsx";
import { useStore } from "../ui/useStore.ts";
import { ErrorNotice } from "./ErrorNotice.tsx";

const HITS_SHOWN = 3;

/** One box over the catalog; a result opens its clip in the clip view. */
export function SearchView({ search, onOpen }: { search: SearchController; onOpen: (result: SearchResultItem) => void }) {
  const { t } = useI18n();
  const state = useStore(search.state);
  const [query, setQuery] = useState(state.query);
  const id = useId();
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void search.search(query);
  };
  return (
    <div className="search-view">
      <form role="search" className="search-form" onSubmit={submit}>
        <label htmlFor={id}>{t("search.label")}</label>
        <div className="row">
          <input id={id} className="input" type="search" value={query} placeholder={t("search.placeholder")} onChange={(event) => setQuery(event.target.value)} />
          <button type="submit" className="button button-primary">
            {t("search.submit")}
          </button>
        </div>
        <p className="muted">{t("search.hint")}</p>
      </form>
      <div aria-live="polite">
        {state.status === "searching" && <p className="muted">{t("search.searching")}</p>}
        {state.status === "done" && state.answered !== null && (
          <p className="muted">
            {state.results.length === 0 ? t("search.none", { query: state.answered })
            : state.results.length === 1 ? t("search.countOne", { query: state.answered })
            : t("search.count", { count: state.results.length, query: state.answered })}
          </p>
        )}
      </div>
      {state.status === "failed" && state.error && <ErrorNotice error={state.error} />}
      <ul className="results">
        {state.results.map((result) => (
          <SearchResult key={result.clipId} result={result} onOpen={() => onOpen(result)} />
        ))}
      </ul>
    </div>
  );
}

function SearchResult({ result, onOpen }: { result: SearchResultItem; onOpen: () => void }) {
  const { t } = useI18n();
  const name = fileNameOf(result.file);
  const more = result.hits.length - HITS_SHOWN;
  return (
    <li className="result">
      <div className="row row-spread">
        <h3 className="result-name" title={result.file}>
          {name}
        </h3>
        <button type="button" className="button" onClick={onOpen} aria-label={t("search.openClip", { clip: name })}>
          {t("search.open")}
        </button>
      </div>
      <ul className="hits">
        {result.hits.slice(0, HITS_SHOWN).map((hit, i) => (
          <li key={i} className="hit">
            <span className="hit-label">{hit.label}</span>
            <span className="hit-meta">
              {t(`source.${hit.source}`)} · {hit.startTimecode}
            </span>
          </li>
        ))}
        {more > 0 && <li className="muted">{t("search.more", { count: more })}</li>}
      </ul>
    </li>
  );
}
