/** The part of `fetch` the probe uses; browsers, CEP and UXP all have it. */
export type FetchLike = (url: string, init?: { cache?: "no-store"; signal?: AbortSignal }) => Promise<{ ok: boolean }>;

/**
 * Whether the engine answers on HTTP at all. A WebSocket that fails to open tells the page nothing
 * about why (a browser hides the refused upgrade's status), so this tells "not running" from
 * "running but refused our token".
 */
export async function engineReachable(fetch: FetchLike, httpUrl: string, timeoutMs = 2000): Promise<boolean> {
  // Older UXP versions have no AbortController; there the request simply runs to its own timeout.
  const controller = typeof AbortController === "function" ? new AbortController() : null;
  const timer = setTimeout(() => controller?.abort(), timeoutMs);
  try {
    const response = await fetch(`${httpUrl}/health`, {
      cache: "no-store",
      ...(controller && { signal: controller.signal }),
    });
    return response.ok;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
