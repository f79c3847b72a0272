import { useEffect, useRef, type RefObject } from "react";

/**
 * Keyboard and screen-reader users land on the view's heading when it opens (the button that opened
 * it is gone), not at the top of the page.
 */
export function useHeadingFocus(key: unknown): RefObject<HTMLHeadingElement | null> {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [key]);
  return heading;
}
