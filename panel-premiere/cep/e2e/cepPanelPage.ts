import vm from "node:vm";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import type { ExtendScriptPremiere } from "@sichter/premiere-simulator";
import { contextWithSichterJsx } from "../test/es3Vm.ts";

/** The one engine address the panel dials; the test engine listens on a free port instead. */
const PREMIERE_ENGINE = { ws: "ws://127.0.0.1:7431", http: "http://127.0.0.1:7431" };

export interface CepPanelOptions {
  /** The built CEP page (index.html), opened from a file as CEP opens it. */
  readonly pageFile: string;
  readonly enginePort: number;
  /** Premiere's ExtendScript side: the page's evalScript runs the compiled JSX against it. */
  readonly premiere: ExtendScriptPremiere;
  /** `appUILocale` of CEP's host environment, e.g. "en_US". */
  readonly uiLocale: string;
  readonly width: number;
  readonly height: number;
}

/** Runs in the page before its script: CEP's runtime object, and the panel's engine address mapped to the test engine. */
function prepare({ uiLocale, from, to }: { uiLocale: string; from: string; to: string }): void {
  type Scope = {
    __adobe_cep__?: unknown;
    __sichterEvalScript?: (code: string) => Promise<string>;
    WebSocket: new (url: string | URL, protocols?: string | string[]) => object;
  };
  const scope = globalThis as unknown as Scope;
  const environment = JSON.stringify({
    appName: "PPRO",
    appVersion: "25.5.0",
    appUILocale: uiLocale,
    appSkinInfo: { panelBackgroundColor: { color: { red: 35, green: 35, blue: 35, alpha: 255 } } },
  });
  scope.__adobe_cep__ = {
    // CEP answers later, with the script's result as a string.
    evalScript: (code: string, callback: (result: string) => void) =>
      void scope.__sichterEvalScript!(code).then(callback),
    getHostEnvironment: () => environment,
    addEventListener: () => {},
    removeEventListener: () => {},
  };
  const Native = scope.WebSocket;
  // Only the URL changes: the connection, its Origin (null for a file page) and its failures are the browser's own.
  scope.WebSocket = class extends (Native as unknown as new (url: string, protocols?: string | string[]) => object) {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(String(url).replace(from, to), protocols);
    }
  } as typeof Native;
}

/**
 * Opens the CEP panel's built page from its file in a fresh context, with a simulated CEP runtime
 * whose evalScript runs in an ES3 VM holding the compiled JSX and the ExtendScript simulator (in
 * this process, reached through an exposed function). The engine's HTTP side at the panel's address
 * is answered by the test engine.
 */
export async function openCepPanel(browser: Browser, options: CepPanelOptions): Promise<Page> {
  const context = await browser.newContext({
    locale: "en-GB",
    viewport: { width: options.width, height: options.height },
    deviceScaleFactor: 1,
    reducedMotion: "reduce",
  });
  const jsx = contextWithSichterJsx();
  options.premiere.install(jsx);
  await context.exposeFunction("__sichterEvalScript", (code: string): string => {
    try {
      return String(vm.runInContext(code, jsx));
    } catch {
      return "EvalScript error.";
    }
  });
  const engineHttp = `http://127.0.0.1:${options.enginePort}`;
  await context.route(`${PREMIERE_ENGINE.http}/**`, async (route) => {
    const response = await route.fetch({ url: route.request().url().replace(PREMIERE_ENGINE.http, engineHttp) });
    await route.fulfill({ response });
  });
  await context.addInitScript(prepare, {
    uiLocale: options.uiLocale,
    from: PREMIERE_ENGINE.ws,
    to: `ws://127.0.0.1:${options.enginePort}`,
  });
  const page = await context.newPage();
  await page.goto(pathToFileURL(options.pageFile).href);
  return page;
}

/** Closes the page's context; requests still being answered by the test engine are dropped. */
export async function closeCepPanel(page: Page): Promise<void> {
  const context = page.context();
  await context.unrouteAll({ behavior: "ignoreErrors" });
  await context.close();
}
