import { useId, useState, type FormEvent } from "react";
import { useI18n } from "../ui/I18n.tsx";

/**
 * The browser host's way to choose the current clip until the media browser over the engine's
 * allowed folders arrives: the file's path as the engine sees it.
 */
export function ClipPicker({ initial, onPick }: { initial: string; onPick: (path: string) => void }) {
  const { t } = useI18n();
  const [path, setPath] = useState(initial);
  const id = useId();
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (path.trim() !== "") onPick(path.trim());
  };
  return (
    <form className="clip-picker" onSubmit={submit}>
      <label htmlFor={id}>{t("clip.pick.label")}</label>
      <div className="row">
        <input
          id={id}
          className="input"
          type="text"
          spellCheck={false}
          autoComplete="off"
          placeholder={t("clip.pick.placeholder")}
          value={path}
          onChange={(event) => setPath(event.target.value)}
        />
        <button type="submit" className="button" disabled={path.trim() === ""}>
          {t("clip.pick.open")}
        </button>
      </div>
    </form>
  );
}
