import type { ConnectionStatus } from "../connection/ConnectionStatus.ts";
import { useI18n } from "../ui/I18n.tsx";
import { RichText } from "../ui/RichText.tsx";
import { CommandLine } from "./CommandLine.tsx";
import { TokenForm } from "./TokenForm.tsx";

export interface ConnectionActions {
  setToken(token: string): void;
  retry(): void;
}

/** The designed state of every connection problem: what is wrong, and the one thing to do about it. */
export function ConnectionScreen({ status, actions }: { status: ConnectionStatus; actions: ConnectionActions }) {
  const { t } = useI18n();
  switch (status.kind) {
    case "connecting":
    case "connected":
      return (
        <section className="screen" data-state="connecting" aria-busy="true">
          <h1 className="screen-title">{t("connection.connecting.title")}</h1>
          <div className="spinner" aria-hidden="true" />
        </section>
      );
    case "reconnecting":
      return (
        <section className="screen" data-state="reconnecting" aria-busy="true">
          <h1 className="screen-title">{t("connection.reconnecting.title")}</h1>
          <p>{t("connection.reconnecting.body")}</p>
          <div className="spinner" aria-hidden="true" />
        </section>
      );
    case "not-running":
      return (
        <section className="screen" data-state="not-running">
          <h1 className="screen-title">{t("connection.notRunning.title")}</h1>
          <p>{t("connection.notRunning.body")}</p>
          <CommandLine command="npm start" />
          <p>{t("connection.notRunning.or")}</p>
          <CommandLine command="npx sichter serve" />
          <p className="muted">{t("connection.notRunning.waiting")}</p>
          <button type="button" className="button" onClick={actions.retry}>
            {t("connection.retry")}
          </button>
        </section>
      );
    case "wrong-token":
      return (
        <section className="screen" data-state="wrong-token">
          <h1 className="screen-title">{t("connection.wrongToken.title")}</h1>
          <p>
            <RichText text={t("connection.wrongToken.body")} />
          </p>
          <CommandLine command="npx sichter token" />
          <TokenForm onSubmit={actions.setToken} />
        </section>
      );
    case "needs-token":
      return (
        <section className="screen" data-state="needs-token">
          <h1 className="screen-title">{t("connection.needsToken.title")}</h1>
          <p>
            <RichText text={t("connection.needsToken.body")} />
          </p>
          <CommandLine command="npx sichter token" />
          <TokenForm onSubmit={actions.setToken} />
        </section>
      );
    case "incompatible": {
      const older = status.engineProtocol < status.panelProtocol;
      return (
        <section className="screen" data-state="incompatible">
          <h1 className="screen-title">{t("connection.incompatible.title")}</h1>
          <p>
            <RichText
              text={t(older ? "connection.incompatible.engineOlder" : "connection.incompatible.panelOlder", {
                engineVersion: status.engineVersion,
                engineProtocol: status.engineProtocol,
                panelProtocol: status.panelProtocol,
              })}
            />
          </p>
          <button type="button" className="button" onClick={actions.retry}>
            {t("connection.retry")}
          </button>
        </section>
      );
    }
  }
}
