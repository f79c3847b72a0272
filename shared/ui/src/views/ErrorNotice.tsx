import { describeError } from "../i18n/describeError.ts";
import type { UiError } from "../state/UiError.ts";
import { useI18n } from "../ui/I18n.tsx";
import { RichText } from "../ui/RichText.tsx";

/** An engine error in the user's language, with what to do next and the code to quote. */
export function ErrorNotice({ error, onDismiss }: { error: UiError; onDismiss?: () => void }) {
  const { locale, t } = useI18n();
  const text = describeError(error, locale);
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-message">
        <RichText text={text.message} />
      </p>
      {text.next && (
        <p className="notice-next">
          <RichText text={text.next} />
        </p>
      )}
      <p className="notice-code">{t("error.code", { code: text.code })}</p>
      {onDismiss && (
        <button type="button" className="button button-quiet" onClick={onDismiss}>
          {t("error.dismiss")}
        </button>
      )}
    </div>
  );
}
