import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../../core/SichterError.ts";
import { redactUrl } from "./redactUrl.ts";

/** `local-only` (the default) lets nothing leave the machine; `cloud` allows enabled providers. */
export type OutboundMode = "local-only" | "cloud";

/**
 * The one question asked before anything is sent: may this provider be contacted at this URL?
 * Returns the parsed URL to send to. local-only refuses every URL, loopback included, so the
 * default mode provably opens no connection at all.
 */
export function checkEndpoint(url: string, mode: OutboundMode, provider: string): URL {
  if (mode !== "cloud") throw new SichterError(ErrorCode.PRIVACY_LOCAL_ONLY, { provider });
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (error) {
    throw new SichterError(ErrorCode.PRIVACY_INSECURE_ENDPOINT, { url: redactUrl(url) }, { cause: error });
  }
  checkTransport(parsed);
  return parsed;
}

/**
 * HTTPS for everything; plain HTTP only to this machine (a local model server), where nothing
 * crosses a network. Credentials in the URL are refused: they would end up in logs and are sent
 * as Basic auth to whoever answers. postJson asks this again just before connecting.
 */
export function checkTransport(url: URL): void {
  const insecure = () => new SichterError(ErrorCode.PRIVACY_INSECURE_ENDPOINT, { url: redactUrl(url) });
  if (url.username !== "" || url.password !== "") throw insecure();
  if (url.protocol === "https:") return;
  if (url.protocol === "http:" && isLoopbackHost(url.hostname)) return;
  throw insecure();
}

/**
 * 127.0.0.0/8, ::1 and `localhost`. The URL parser has already normalised the host (hex, octal and
 * short IPv4 forms become dotted decimal, IPv6 is compressed and bracketed), so string checks are
 * exact here.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === "localhost" || host === "[::1]" || host === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
