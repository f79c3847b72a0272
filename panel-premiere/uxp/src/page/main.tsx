import type { premierepro } from "@adobe/premierepro";
import { PremiereUxpAdapter } from "../PremiereUxpAdapter.ts";
import type { UxpXmpModule } from "../UxpXmp.ts";
import { localStorageOrNull, mountPanel } from "./mountPanel.tsx";
import { type UxpDocumentTheme, type UxpHostInfo, uxpSurroundings } from "./uxpSurroundings.ts";

// The page Premiere (25.6 and later) loads into the Sichter panel. UXP hands out its host modules
// through a global `require`, read at run time so the bundler leaves it alone.
const uxpRequire = (globalThis as unknown as { require: (id: string) => unknown }).require;
const ppro = uxpRequire("premierepro") as premierepro;
const uxp = uxpRequire("uxp") as { xmp: UxpXmpModule; host?: UxpHostInfo };
const surroundings = uxpSurroundings((document as unknown as { theme?: UxpDocumentTheme }).theme, uxp.host);

mountPanel({
  host: new PremiereUxpAdapter({ ppro, xmp: uxp.xmp, ...surroundings }),
  root: document.getElementById("root")!,
  storage: localStorageOrNull(() => window.localStorage),
  WebSocket: window.WebSocket,
  fetch: (url, init) => window.fetch(url, init),
});
