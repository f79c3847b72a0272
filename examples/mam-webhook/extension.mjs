// A tag writer: after each analysis the engine hands it the finished tag plan (markers with frame
// offsets, keywords, description) and the clip's identity; it POSTs both as JSON to the MAM.

export function activate(context, api) {
  const { url, bearerToken, timeoutSeconds } = context.configuration;
  const target = new URL(url);
  // Tag plans name files and places: they travel encrypted unless they stay on this machine.
  const loopback = ["127.0.0.1", "localhost", "[::1]"].includes(target.hostname);
  if (target.protocol !== "https:" && !(target.protocol === "http:" && loopback)) {
    throw new Error(`url must be https:// (or http:// on this machine), not ${target.protocol}//`);
  }

  api.tagWriters.register("examples.mam-webhook", {
    async write(plan, clip, token) {
      const abort = new AbortController();
      const timer = setTimeout(() => abort.abort(), timeoutSeconds * 1000);
      const cancel = token.onCancellationRequested(() => abort.abort());
      try {
        const response = await fetch(target, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            ...(bearerToken ? { authorization: `Bearer ${bearerToken}` } : {}),
          },
          body: JSON.stringify({ source: "sichter", clip, plan }),
          signal: abort.signal,
          redirect: "error",
        });
        if (!response.ok) throw new Error(`the MAM answered ${response.status} ${response.statusText}`);
        return { target: response.headers.get("location") ?? target.href };
      } finally {
        clearTimeout(timer);
        cancel.dispose();
      }
    },
  });
}
