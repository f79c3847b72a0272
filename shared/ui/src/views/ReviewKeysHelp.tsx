import { useEffect, useRef, type KeyboardEvent } from "react";
import type { MessageKey } from "../i18n/messages.ts";
import { useI18n } from "../ui/I18n.tsx";

/** The review's keys (reviewKeys.ts) as a person reads them: key names, then what they do. */
type KeyEntry =
  { readonly keys: string; readonly what: MessageKey } | { readonly keyNames: MessageKey; readonly what: MessageKey };

const KEYS: readonly KeyEntry[] = [
  { keys: "↑ ↓", what: "review.key.move" },
  { keyNames: "review.keyNames.jump", what: "review.key.jump" },
  { keys: "A", what: "review.key.accept" },
  { keys: "R", what: "review.key.reject" },
  { keys: "U", what: "review.key.reset" },
  { keys: "E / F2", what: "review.key.edit" },
  { keys: "N", what: "review.key.add" },
  { keyNames: "review.keyNames.seek", what: "review.key.seek" },
  { keys: "?", what: "review.key.help" },
];

/** The "?" overlay of the tag list: every key, and a button (or Escape) back to the list. */
export function ReviewKeysHelp({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useI18n();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => before?.focus();
  }, []);
  const onKeyDown = (event: KeyboardEvent): void => {
    // The list's own keys must not act behind the help.
    event.stopPropagation();
    if (event.key === "Escape" || event.key === "?") {
      event.preventDefault();
      onClose();
    }
  };
  return (
    <div id={id} className="keys-help" role="dialog" aria-labelledby={`${id}-title`} onKeyDown={onKeyDown}>
      <div className="row row-spread row-wrap">
        <h3 id={`${id}-title`} className="keys-help-title">
          {t("review.keysTitle")}
        </h3>
        <button ref={close} type="button" className="button" onClick={onClose}>
          {t("review.keysClose")}
        </button>
      </div>
      <dl className="keys-list">
        {KEYS.map((entry) => (
          <div key={entry.what} className="keys-entry">
            <dt>
              <kbd>{"keys" in entry ? entry.keys : t(entry.keyNames)}</kbd>
            </dt>
            <dd>{t(entry.what)}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
