import type { Logger } from "./Logger.ts";

/**
 * The last resort once the engine has stopped and its catalog is closed: whatever still holds the
 * event loop open (a socket, a timer or a child process of a library) must not keep a stopped
 * engine alive. After `drainMs` the process exits with `exitCode`, and the log says why and what
 * was still active. The timer itself holds nothing open: a process that ends by itself ends.
 */
export function exitAfterDrain(log: Logger, drainMs: number, exitCode = 0): void {
  const timer = setTimeout(() => {
    log.warn("engine.exit.forced", {
      reason: `the process was still alive ${drainMs} ms after the engine stopped`,
      active: process.getActiveResourcesInfo(),
    });
    process.exit(exitCode);
  }, drainMs);
  timer.unref();
}
