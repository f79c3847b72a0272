/**
 * What the benchmark runs inside the page, as source text: a function handed to the browser is
 * serialised with toString(), and the TypeScript loader may add helpers to it that the page lacks.
 */

/**
 * Installed before any page script: `window.__benchUsable` resolves with performance.now() at the
 * first frame after `condition` (a JS expression) held, i.e. once that state was painted.
 */
export function usableProbe(condition: string): string {
  return `(() => {
    window.__benchUsable = new Promise((resolve) => {
      const tick = () => {
        if (${condition}) requestAnimationFrame(() => resolve(performance.now()));
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  })();`;
}

/** The panel is usable once it is connected and shows its sections (the tab list appears only then). */
export const PANEL_USABLE = `document.querySelector('[role="tablist"]') !== null`;
/** An empty page is "usable" as soon as it has a body. */
export const EMPTY_USABLE = `document.body !== null`;

/**
 * Arms a timer on the next click: `window.__benchReview` resolves with the milliseconds from that
 * click to the first frame painted after the review list has its rows, and how many rows it has.
 */
export const ARM_REVIEW_TIMER = `(() => {
  window.__benchReview = new Promise((resolve) => {
    document.addEventListener("click", () => {
      const start = performance.now();
      const tick = () => {
        const rows = document.querySelectorAll("li.tag").length;
        if (rows > 0) requestAnimationFrame(() => resolve({ ms: performance.now() - start, rows }));
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    }, { capture: true, once: true });
  });
})()`;

/**
 * Scrolls the review from top to bottom at an even speed over `durationMs`, one step per frame, in
 * whatever element scrolls it (its nearest scrolling ancestor, else the page), and answers with each
 * frame's requestAnimationFrame timestamp.
 */
export function scrollReview(durationMs: number): string {
  return `new Promise((resolve) => {
    // Chromium's long animation frames (50 ms and more) say where such a frame went: scripts (by what
    // invoked them), layout they forced, and the browser's own style, layout and paint after them.
    const long = [];
    const observer = typeof PerformanceObserver !== "undefined" && PerformanceObserver.supportedEntryTypes.includes("long-animation-frame")
      ? new PerformanceObserver((list) => long.push(...list.getEntries()))
      : null;
    observer?.observe({ type: "long-animation-frame" });
    const summary = () => {
      observer?.disconnect();
      const invokers = {};
      let scriptMs = 0;
      let forcedLayoutMs = 0;
      let renderMs = 0;
      for (const frame of long) {
        renderMs += frame.startTime + frame.duration - (frame.renderStart || frame.startTime + frame.duration);
        for (const script of frame.scripts) {
          scriptMs += script.duration;
          forcedLayoutMs += script.forcedStyleAndLayoutDuration;
          const name = script.invokerType + " " + script.invoker;
          invokers[name] = (invokers[name] || 0) + script.duration;
        }
      }
      const top = Object.entries(invokers).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([name, ms]) => ({ name, ms: Math.round(ms) }));
      return { frames: long.length, totalMs: Math.round(long.reduce((sum, f) => sum + f.duration, 0)), scriptMs: Math.round(scriptMs), forcedLayoutMs: Math.round(forcedLayoutMs), renderMs: Math.round(renderMs), top };
    };
    const row = document.querySelector("li.tag");
    let scroller = row ? row.parentElement : null;
    while (scroller && !(scroller.scrollHeight > scroller.clientHeight + 1 && /(auto|scroll)/.test(getComputedStyle(scroller).overflowY))) {
      scroller = scroller.parentElement;
    }
    const target = scroller || document.scrollingElement;
    const distance = target.scrollHeight - target.clientHeight;
    target.scrollTop = 0;
    const stamps = [];
    let first = null;
    const step = (now) => {
      if (first === null) first = now;
      stamps.push(now);
      const done = Math.min(1, (now - first) / ${durationMs});
      target.scrollTop = Math.round(done * distance);
      if (done < 1) requestAnimationFrame(step);
      else setTimeout(() => resolve({ stamps, distance, scroller: target === document.scrollingElement ? "page" : (target.className || target.tagName), long: summary() }), 100);
    };
    requestAnimationFrame(step);
  })`;
}
