import { useId, useState, type FormEvent } from "react";
import { useI18n } from "../ui/I18n.tsx";

/** Where a token from `npx sichter token` is pasted when no pairing link is at hand. */
export function TokenForm({ onSubmit }: { onSubmit: (token: string) => void }) {
  const { t } = useI18n();
  const [token, setToken] = useState("");
  const id = useId();
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (token.trim() !== "") onSubmit(token);
  };
  return (
    <form className="token-form" onSubmit={submit}>
      <label htmlFor={id}>{t("connection.token.label")}</label>
      <div className="row">
        <input
          id={id}
          className="input"
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(event) => setToken(event.target.value)}
        />
        <button type="submit" className="button button-primary" disabled={token.trim() === ""}>
          {t("connection.token.submit")}
        </button>
      </div>
    </form>
  );
}
