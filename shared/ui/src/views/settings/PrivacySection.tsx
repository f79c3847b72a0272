import { useEffect } from "react";
import { cloudProvidersOn, type PrivacyController } from "../../state/privacy/PrivacyController.ts";
import { useI18n } from "../../ui/I18n.tsx";
import { RichText } from "../../ui/RichText.tsx";
import { useStore } from "../../ui/useStore.ts";
import { ErrorNotice } from "../ErrorNotice.tsx";

/**
 * The engine's privacy mode and providers, and what would leave the computer, in plain words and
 * before anything is sent: the limits come from the engine's own privacy settings.
 */
export function PrivacySection({ privacy, onShowSent }: { privacy: PrivacyController; onShowSent: () => void }) {
  const { t } = useI18n();
  const state = useStore(privacy.state);
  useEffect(() => {
    void privacy.load();
  }, [privacy]);
  const cloud = state.mode === "cloud";
  return (
    <section className="settings-group" aria-labelledby="sichter-privacy-title">
      <h3 id="sichter-privacy-title" className="section-title">
        {t("privacy.title")}
      </h3>
      {state.load === "loading" && state.mode === null && <p className="muted">{t("privacy.loading")}</p>}
      {state.error && <ErrorNotice error={state.error} />}
      {state.mode !== null && (
        <>
          <p className={cloud ? "privacy-mode privacy-cloud" : "privacy-mode privacy-local"} data-mode={state.mode}>
            {t(cloud ? "privacy.mode.cloud" : "privacy.mode.localOnly")}
          </p>
          <h4 className="settings-subtitle">{t("privacy.providers")}</h4>
          {state.providers.length === 0 ? (
            <p className="muted">{t("privacy.providers.none")}</p>
          ) : (
            <ul className="providers">
              {state.providers.map((provider) => (
                <li key={provider.id} className="provider">
                  <span className="provider-title">{provider.title}</span>
                  <span className="provider-facts">
                    <span className="chip">
                      {t(provider.cloud ? "privacy.provider.cloud" : "privacy.provider.local")}
                    </span>{" "}
                    <span className={provider.enabled ? "chip chip-on" : "chip"}>
                      {t(provider.enabled ? "privacy.provider.on" : "privacy.provider.off")}
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p className="settings-subtitle">
            {t(cloudProvidersOn(state).length > 0 ? "privacy.wouldSend.cloud" : "privacy.wouldSend.localOnly")}
          </p>
          <ul className="would-send">
            <li>{t("privacy.send.keyframes")}</li>
            {state.images ? (
              <>
                <li>{t("privacy.send.size", { pixels: state.images.maxLongSide })}</li>
                <li>
                  {state.images.contactSheets.enabled
                    ? t("privacy.send.sheets", { tiles: state.images.contactSheets.tilesPerSheet })
                    : t("privacy.send.single")}
                </li>
              </>
            ) : (
              <li>{t("privacy.send.unknownSize")}</li>
            )}
            <li>{t("privacy.send.names")}</li>
            <li>{t("privacy.send.audio")}</li>
          </ul>
          <p className="muted">
            <RichText text={t("privacy.change")} />
          </p>
        </>
      )}
      <button type="button" className="button" onClick={onShowSent}>
        {t("privacy.whatWasSent")}
      </button>
    </section>
  );
}
