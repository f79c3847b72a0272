import type { ConnectionStatus } from "../connection/ConnectionStatus.ts";
import { useI18n } from "../ui/I18n.tsx";

/** The connection in one word and a dot in the top bar; announced to screen readers when it changes. */
export function ConnectionBadge({ status }: { status: ConnectionStatus }) {
  const { t } = useI18n();
  const text =
    status.kind === "connected"
      ? t("connection.status.connected")
      : status.kind === "reconnecting"
        ? t("connection.status.reconnecting")
        : "";
  return (
    <p
      className={`badge badge-${status.kind}`}
      role="status"
      title={
        status.kind === "connected"
          ? t("connection.status.connectedTo", { version: status.engine.version })
          : text || undefined
      }
    >
      {text && <span className="badge-dot" aria-hidden="true" />}
      {/* A narrow panel shows only the dot: the words stay for screen readers and in the tooltip. */}
      {text && <span className="badge-text">{text}</span>}
    </p>
  );
}
