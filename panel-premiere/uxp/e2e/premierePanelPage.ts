import type { Browser, Page } from "playwright-core";
import type {
  SimulatedPremiere,
  SimulatedPremiereGlobals,
  SimulatedPremiereSetup,
  SimulatedSequenceSpec,
} from "./page/simulatedUxp.ts";

/** The one engine address the UXP manifest allows and the panel always dials. */
const PREMIERE_ENGINE = { ws: "ws://127.0.0.1:7431", http: "http://127.0.0.1:7431" };

export interface PremierePanelOptions {
  /** Where the built simulated page is served. */
  readonly pageUrl: string;
  /** The test engine's port: the panel's fixed address is mapped onto it. */
  readonly enginePort: number;
  readonly setup: SimulatedPremiereSetup;
  /** A docked Premiere panel: 300 to 400 px wide. */
  readonly width: number;
  readonly height: number;
}

/** The simulated Premiere in a page, driven and read from the test (each call runs in the page). */
export function simulatedPremiere(page: Page) {
  type Scope = SimulatedPremiereGlobals & { __sichterPremiere: SimulatedPremiere };
  return {
    select: (indices: readonly number[]) =>
      page.evaluate((i) => (globalThis as unknown as Scope).__sichterPremiere.select(i), indices),
    setTheme: (name: string) =>
      page.evaluate((n) => (globalThis as unknown as Scope).__sichterPremiere.setTheme(n), name),
    clipState: (index: number) =>
      page.evaluate((i) => (globalThis as unknown as Scope).__sichterPremiere.clipState(i), index),
    addSequence: (spec: SimulatedSequenceSpec) =>
      page.evaluate((s) => (globalThis as unknown as Scope).__sichterPremiere.addSequence(s), spec),
    setPlayhead: (frame: number) =>
      page.evaluate((f) => (globalThis as unknown as Scope).__sichterPremiere.setPlayhead(f), frame),
    sequenceState: () => page.evaluate(() => (globalThis as unknown as Scope).__sichterPremiere.sequenceState()),
    projectMedia: () => page.evaluate(() => (globalThis as unknown as Scope).__sichterPremiere.projectMedia()),
    sourceMonitor: () => page.evaluate(() => (globalThis as unknown as Scope).__sichterPremiere.sourceMonitor()),
  };
}

/** Runs in the page before its script: the project for the simulator, and Premiere's engine address mapped to the test engine. */
function prepare({ setup, from, to }: { setup: SimulatedPremiereSetup; from: string; to: string }): void {
  const scope = globalThis as unknown as SimulatedPremiereGlobals & {
    WebSocket: new (url: string | URL, protocols?: string | string[]) => object;
  };
  scope.__sichterPremiereSetup = setup;
  const Native = scope.WebSocket;
  // The panel dials the fixed address; the test engine listens on a free port. Only the URL changes:
  // the connection, its Origin and its failures are the browser's own.
  scope.WebSocket = class extends (Native as unknown as new (url: string, protocols?: string | string[]) => object) {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(String(url).replace(from, to), protocols);
    }
  } as typeof Native;
}

/**
 * Opens the simulated UXP page in a fresh context: the simulator's project goes in before the page
 * runs; the engine's HTTP side (health, thumbnails, the clip's stream) at Premiere's address is
 * answered by the test engine, with the CORS header a page from another origin needs for `fetch`
 * (UXP has no CORS).
 */
export async function openPremierePanel(browser: Browser, options: PremierePanelOptions): Promise<Page> {
  const context = await browser.newContext({
    locale: "en-GB",
    viewport: { width: options.width, height: options.height },
    deviceScaleFactor: 1,
    reducedMotion: "reduce",
  });
  const engineHttp = `http://127.0.0.1:${options.enginePort}`;
  await context.route(`${PREMIERE_ENGINE.http}/**`, async (route) => {
    const url = route.request().url().replace(PREMIERE_ENGINE.http, engineHttp);
    const response = await route.fetch({ url });
    await route.fulfill({ response, headers: { ...response.headers(), "access-control-allow-origin": "*" } });
  });
  await context.addInitScript(prepare, {
    setup: options.setup,
    from: PREMIERE_ENGINE.ws,
    to: `ws://127.0.0.1:${options.enginePort}`,
  });
  const page = await context.newPage();
  await page.goto(options.pageUrl);
  return page;
}

/** Closes the page's context; requests still being answered by the test engine (the clip's stream) are dropped. */
export async function closePremierePanel(page: Page): Promise<void> {
  const context = page.context();
  await context.unrouteAll({ behavior: "ignoreErrors" });
  await context.close();
}
