import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { SichterClient } from "@sichter/shared/protocol";
import type { Browser, Page } from "playwright-core";
import { launchChromium, panelContext, type PanelContextOptions } from "./panelBrowser.ts";
import { startPanelEngine, type PanelEngine } from "./panelEngine.ts";

/** A fresh temporary SICHTER_HOME named after the test file's subject; stopPanelRun removes it. */
export function panelHome(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Chromium and a real engine on `home`, started side by side: each alone takes seconds. */
export async function startPanelRun(
  home: string,
  engineArgs: string[] = [],
): Promise<{ browser: Browser; engine: PanelEngine }> {
  const [browser, engine] = await Promise.all([launchChromium(), startPanelEngine(engineArgs, home)]);
  return { browser, engine };
}

/**
 * A new panel page opened from the engine's pairing link. With `connected` it waits until the status
 * says so (a string or, for pages in either language, a pattern); without, the caller waits for what
 * it expects, which may be a failure.
 */
export async function openPanelPage(
  browser: Browser,
  engine: PanelEngine,
  options: PanelContextOptions,
  connected?: string | RegExp,
): Promise<Page> {
  const page = await (await panelContext(browser, options)).newPage();
  await page.goto(engine.pairingLink);
  if (connected !== undefined) await page.getByRole("status").filter({ hasText: connected }).waitFor();
  return page;
}

/** Ends what startPanelRun started, whatever of it came up, and removes the engine's home. */
export async function stopPanelRun(run: {
  client?: SichterClient;
  browser?: Browser;
  engine?: PanelEngine;
}): Promise<void> {
  run.client?.dispose();
  await run.browser?.close();
  await run.engine?.stop();
  if (run.engine) fs.rmSync(run.engine.home, { recursive: true, force: true });
}
