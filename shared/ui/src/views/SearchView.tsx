import type { SearchResultItem } from "@sichter/shared/protocol";
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import type { SearchController } from "../state/search/SearchController.ts";
import { searchKey } from "../state/search/searchKeys.ts";
import { useI18n } from "../ui/I18n.tsx";
import { useStore } from "../ui/useStore.ts";
import { ErrorNotice } from "./ErrorNotice.tsx";
import { SearchResult } from "./SearchResult.tsx";
import "../theme/search.css";

/** A pause in typing this long searches; Enter searches at once. */
const TYPING_PAUSE_MS = 250;

export interface SearchViewProps {
  readonly search: SearchController;
  /** Opens a result at its hit number `hit` (0: the best). */
  readonly onOpen: (result: SearchResultItem, hit: number) => void;
  /** Where the engine serves one of its files (a thumbnail) for an <img>, token included. */
  readonly fileUrl: (path: string) => string | null;
}

/**
 * One box over the catalog, searching as the user types. Results show their picture, clip name,
 * matched tags and timecodes; ↓ goes from the box into them and Enter opens one at its frame.
 */
export function SearchView({ search, onOpen, fileUrl }: SearchViewProps) {
  const { t } = useI18n();
  const state = useStore(search.state);
  const [query, setQuery] = useState(state.query);
  const id = useId();
  const box = useRef<HTMLInputElement>(null);
  const results = useRef<HTMLUListElement>(null);
  const typed = useRef(false);

  useEffect(() => {
    if (!typed.current) return;
    const timer = setTimeout(() => void search.search(query), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [search, query]);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    typed.current = false;
    void search.search(query);
  };
  const items = (): HTMLElement[] => [...(results.current?.querySelectorAll<HTMLElement>("[data-search-item]") ?? [])];
  const onKeyDown = (event: KeyboardEvent): void => {
    const all = items();
    const at = event.target === box.current ? null : all.indexOf(event.target as HTMLElement);
    if (at === -1) return;
    const focus = searchKey(event.key, at, all.length);
    if (!focus) return;
    event.preventDefault();
    if (focus.to === "box") box.current?.focus();
    else all[focus.index]?.focus();
  };

  return (
    <div className="search-view" onKeyDown={onKeyDown}>
      <form role="search" className="search-form" onSubmit={submit}>
        <label htmlFor={id}>{t("search.label")}</label>
        <div className="row">
          <input
            ref={box}
            id={id}
            className="input"
            type="search"
            value={query}
            placeholder={t("search.placeholder")}
            autoComplete="off"
            aria-describedby={`${id}-keys`}
            onChange={(event) => {
              typed.current = true;
              setQuery(event.target.value);
            }}
          />
          <button type="submit" className="button button-primary">
            {t("search.submit")}
          </button>
        </div>
        <p className="muted">{t("search.hint")}</p>
        <p id={`${id}-keys`} className="muted search-keys">
          {t("search.keys")}
        </p>
      </form>
      <div aria-live="polite">
        {state.status === "searching" && <p className="muted">{t("search.searching")}</p>}
        {state.status === "done" && state.answered !== null && (
          <p className="muted">
            {state.results.length === 0
              ? t("search.none", { query: state.answered })
              : state.results.length === 1
                ? t("search.countOne", { query: state.answered })
                : t("search.count", { count: state.results.length, query: state.answered })}
          </p>
        )}
      </div>
      {state.status === "failed" && state.error && <ErrorNotice error={state.error} />}
      {state.openError && <ErrorNotice error={state.openError} />}
      <ul ref={results} className="results" aria-label={t("search.results")}>
        {state.results.map((result) => {
          const preview = state.previews[result.clipId];
          return (
            <SearchResult
              key={result.clipId}
              result={result}
              picture={preview === undefined ? undefined : preview === null ? null : fileUrl(preview)}
              onOpen={(hit) => onOpen(result, hit)}
            />
          );
        })}
      </ul>
    </div>
  );
}
