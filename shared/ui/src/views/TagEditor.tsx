import { useEffect, useId, useRef, type FormEvent, type KeyboardEvent } from "react";
import { useI18n } from "../ui/I18n.tsx";

export interface TagEditorProps {
  readonly label: string;
  readonly caption: string;
  readonly onChange: (label: string) => void;
  readonly onSave: () => void;
  readonly onCancel: () => void;
}

/** The label field of an edited or new tag: Enter saves, Escape cancels. */
export function TagEditor({ label, caption, onChange, onSave, onCancel }: TagEditorProps) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onSave();
  };
  const onKeyDown = (event: KeyboardEvent): void => {
    // The list's own keys (a, r, e, …) must not act while a label is typed.
    event.stopPropagation();
    if (event.key === "Escape") {
      event.preventDefault();
      onCancel();
    }
  };
  return (
    <form className="tag-editor" onSubmit={submit} onKeyDown={onKeyDown}>
      <label htmlFor={id} className="tag-editor-caption">
        {caption}
      </label>
      <div className="row">
        <input
          id={id}
          ref={input}
          className="input"
          value={label}
          maxLength={200}
          onChange={(event) => onChange(event.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={label.trim() === ""}>
          {t("review.save")}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t("review.cancelEdit")}
        </button>
      </div>
    </form>
  );
}
