import { X509Certificate } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import https from "node:https";
import tls from "node:tls";
import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../../core/SichterError.ts";
import { OutboundError } from "./OutboundError.ts";
import { checkTransport } from "./OutboundPolicy.ts";
import { redactUrl } from "./redactUrl.ts";

export interface PostJsonOptions {
  readonly headers: Record<string, string>;
  /** A PEM file with an extra CA (a company proxy, a self-hosted gateway); added to the public roots. */
  readonly caFile?: string;
  /** Deadline for the whole exchange: connecting, sending and reading the answer. */
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
  /** For error messages. */
  readonly provider: string;
}

export interface PostJsonResponse {
  readonly status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  readonly headers: Record<string, string>;
  readonly body: string;
  /** Bytes of the request body, for the usage ledger. */
  readonly bytesSent: number;
}

/** No provider answer is this large; a bigger one is a misbehaving endpoint, not data to hold. */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** OpenSSL and Node codes that mean "the peer's certificate could not be trusted". */
const CERTIFICATE_ERRORS = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "UNABLE_TO_GET_CRL",
  "UNABLE_TO_DECRYPT_CERT_SIGNATURE",
  "UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY",
  "CERT_SIGNATURE_FAILURE",
  "CERT_NOT_YET_VALID",
  "CERT_HAS_EXPIRED",
  "ERROR_IN_CERT_NOT_BEFORE_FIELD",
  "ERROR_IN_CERT_NOT_AFTER_FIELD",
  "CERT_CHAIN_TOO_LONG",
  "CERT_REVOKED",
  "INVALID_CA",
  "PATH_LENGTH_EXCEEDED",
  "INVALID_PURPOSE",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "HOSTNAME_MISMATCH",
  "ERR_TLS_CERT_ALTNAME_INVALID",
  "ERR_TLS_CERT_ALTNAME_FORMAT",
]);

/**
 * POSTs a JSON body the careful way: certificates always verified, redirects never followed (a 3xx
 * could lead off HTTPS or to another host with the keyframes), one deadline for the whole exchange,
 * a capped answer. Fails with SichterError for privacy refusals (never retried) and OutboundError
 * for timeouts, network failures and aborts (a retry layer decides). Any other status resolves.
 *
 * Each call opens its own connection (no shared agent): a pooled socket could have been verified
 * under another CA setting, and a fresh connection makes "no connection at all" testable.
 */
export async function postJson(url: URL, body: string, options: PostJsonOptions): Promise<PostJsonResponse> {
  const { provider, timeoutMs, signal } = options;
  // Asked again here, so no caller can reach the network around the policy.
  checkTransport(url);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new SichterError(ErrorCode.INTERNAL, { detail: `timeoutMs must be positive, got ${timeoutMs}` });
  }
  const ca = options.caFile === undefined ? undefined : [...tls.rootCertificates, readCaFile(options.caFile, url)];
  if (signal?.aborted) throw new OutboundError("aborted", `the request to ${provider} was aborted before it started`);

  const payload = Buffer.from(body, "utf8");
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers)) {
    if (name.toLowerCase() !== "content-length") headers[name] = value;
  }
  headers["content-length"] = String(payload.length);

  return new Promise<PostJsonResponse>((resolve, reject) => {
    let settled = false;
    // Set once the whole body is handed to the socket: from then on it has left this machine,
    // whatever happens to the answer.
    let flushed = false;
    let req: http.ClientRequest | undefined;
    const finish = (error: Error | undefined, response?: PostJsonResponse) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      if (error) {
        req?.destroy();
        reject(error instanceof OutboundError && flushed ? error.afterSending(payload.length) : error);
      } else resolve(response!);
    };
    const timer = setTimeout(
      () => finish(new OutboundError("timeout", `${provider} did not answer within ${timeoutMs} ms`)),
      timeoutMs,
    );
    const onAbort = () => finish(new OutboundError("aborted", `the request to ${provider} was aborted`));
    signal?.addEventListener("abort", onAbort, { once: true });

    try {
      const common = { method: "POST", headers, agent: false as const };
      req =
        url.protocol === "https:"
          ? https.request(url, { ...common, ca, rejectUnauthorized: true, minVersion: "TLSv1.2" })
          : http.request(url, common);
    } catch (error) {
      finish(classify(error, url, provider));
      return;
    }

    req.on("error", (error) => finish(classify(error, url, provider)));
    req.on("finish", () => {
      flushed = true;
    });
    req.on("response", (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        res.resume();
        finish(
          new SichterError(ErrorCode.PRIVACY_REDIRECT_REFUSED, {
            provider,
            location: redirectTarget(res.headers.location, url),
          }),
        );
        return;
      }
      const declared = Number(res.headers["content-length"] ?? 0);
      if (declared > MAX_RESPONSE_BYTES) {
        finish(tooLarge(provider));
        return;
      }
      const chunks: Buffer[] = [];
      let received = 0;
      res.on("data", (chunk: Buffer) => {
        received += chunk.length;
        if (received > MAX_RESPONSE_BYTES) finish(tooLarge(provider));
        else chunks.push(chunk);
      });
      res.on("error", (error) => finish(classify(error, url, provider)));
      res.on("end", () =>
        finish(undefined, {
          status,
          headers: flattenHeaders(res.headers),
          body: Buffer.concat(chunks).toString("utf8"),
          bytesSent: payload.length,
        }),
      );
      // A connection cut mid-answer ends in close without end.
      res.on("close", () => {
        if (!res.complete)
          finish(new OutboundError("network", `the connection to ${provider} closed before the answer was complete`));
      });
    });
    req.end(payload);
  });
}

function readCaFile(caFile: string, url: URL): string {
  // The detail names no path: file paths can carry a user name, and messages end up in logs.
  const refuse = (detail: string, cause: unknown) =>
    new SichterError(ErrorCode.PRIVACY_CERTIFICATE_INVALID, { url: redactUrl(url), detail }, { cause });
  let pem: string;
  try {
    pem = fs.readFileSync(caFile, "utf8");
  } catch (error) {
    throw refuse(`the custom CA file cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`, error);
  }
  try {
    new X509Certificate(pem);
  } catch (error) {
    throw refuse("the custom CA file holds no PEM certificate", error);
  }
  return pem;
}

function classify(error: unknown, url: URL, provider: string): Error {
  if (error instanceof OutboundError || error instanceof SichterError) return error;
  const e = error as NodeJS.ErrnoException;
  if (e.code !== undefined && CERTIFICATE_ERRORS.has(e.code)) {
    return new SichterError(
      ErrorCode.PRIVACY_CERTIFICATE_INVALID,
      { url: redactUrl(url), detail: `${e.code}: ${e.message}` },
      { cause: error },
    );
  }
  const what = e.code ? `${e.code} (${e.message})` : String(e.message ?? error);
  return new OutboundError("network", `the request to ${provider} failed: ${what}`, { cause: error });
}

function tooLarge(provider: string): OutboundError {
  return new OutboundError("network", `${provider} answered with more than ${MAX_RESPONSE_BYTES} bytes`);
}

function redirectTarget(location: string | undefined, base: URL): string {
  if (!location) return "(no location)";
  try {
    return redactUrl(new URL(location, base));
  } catch {
    return redactUrl(location);
  }
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return flat;
}
