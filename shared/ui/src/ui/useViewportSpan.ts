import { useLayoutEffect, useState, type RefObject } from "react";

/** The part of an element the window shows, in px from the element's top edge. */
export interface ViewportSpan {
  readonly top: number;
  readonly bottom: number;
}

/** Scrolling moves the span in steps of this many px: fewer renders, and the overscan covers the rest. */
const STEP = 48;

/**
 * Which part of `element` is on screen, kept up to date on every scroll (the page's or any
 * scrolling ancestor's: scroll events are caught on the way down) and resize, at most once a
 * frame. Off while `enabled` is false.
 */
export function useViewportSpan(element: RefObject<HTMLElement | null>, enabled: boolean): ViewportSpan {
  const [span, setSpan] = useState<ViewportSpan>(() => ({
    top: 0,
    bottom: typeof window === "undefined" ? 0 : window.innerHeight,
  }));
  useLayoutEffect(() => {
    if (!enabled) return;
    let frame = 0;
    const measure = (): void => {
      frame = 0;
      const node = element.current;
      if (!node) return;
      const top = Math.floor(-node.getBoundingClientRect().top / STEP) * STEP;
      const bottom = top + Math.ceil(window.innerHeight / STEP) * STEP + STEP;
      setSpan((previous) => (previous.top === top && previous.bottom === bottom ? previous : { top, bottom }));
    };
    const schedule = (): void => {
      if (frame === 0) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener("scroll", schedule, { capture: true, passive: true });
    window.addEventListener("resize", schedule, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener("scroll", schedule, { capture: true });
      window.removeEventListener("resize", schedule);
    };
  }, [element, enabled]);
  return span;
}
