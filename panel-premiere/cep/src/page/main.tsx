import { localStorageOrNull, mountPanel } from "@sichter/premiere-uxp/page";
import { type CepRuntime, cepSurroundings, evalScriptOf } from "../cepSurroundings.ts";
import { PremiereCepAdapter } from "../PremiereCepAdapter.ts";

// The page Premiere 25.0-25.5 loads into the Sichter CEP panel. `__adobe_cep__` is CEP's runtime
// object (what Adobe's CSInterface.js wraps); the manifest has already loaded jsx/sichter.jsx.
const runtime = (window as unknown as { __adobe_cep__?: CepRuntime }).__adobe_cep__;
if (!runtime) throw new Error("Sichter's CEP page runs only inside Premiere Pro");

mountPanel({
  host: new PremiereCepAdapter({ evalScript: evalScriptOf(runtime), ...cepSurroundings(runtime) }),
  root: document.getElementById("root")!,
  storage: localStorageOrNull(() => window.localStorage),
  WebSocket: window.WebSocket,
  fetch: (url, init) => window.fetch(url, init),
});
