import type { BrowserContext, Page } from "playwright-core";

/**
 * Counts which review rows React rendered, in the built (production) panel: it stands in for React
 * DevTools' global hook, which production react-dom also reports each commit to, and walks the
 * committed fibers the way DevTools does. A subtree whose child list is the one of the previous
 * commit was not touched; a function component (plain or memo) rendered when it mounted or carries
 * React's PerformedWork flag, which a bail-out (memo with equal props) clears. A rendered component
 * counts as a row when its first element is a review row (li#sichter-tag-…).
 */
export async function countRowRenders(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const FUNCTION_COMPONENT = 0;
    const HOST_COMPONENT = 5;
    const SIMPLE_MEMO_COMPONENT = 15;
    const PERFORMED_WORK = 1;
    interface Fiber {
      tag: number;
      type: unknown;
      flags: number;
      memoizedProps: { id?: unknown } | null;
      child: Fiber | null;
      sibling: Fiber | null;
      alternate: Fiber | null;
    }
    const rendered: string[] = [];
    const firstElement = (fiber: Fiber): Fiber | null => {
      let at: Fiber | null = fiber.child;
      while (at && at.tag !== HOST_COMPONENT) at = at.child;
      return at;
    };
    const visit = (fiber: Fiber): void => {
      if (
        (fiber.tag === FUNCTION_COMPONENT || fiber.tag === SIMPLE_MEMO_COMPONENT) &&
        (fiber.alternate === null || (fiber.flags & PERFORMED_WORK) !== 0)
      ) {
        const element = firstElement(fiber);
        const id = element?.type === "li" ? element.memoizedProps?.id : undefined;
        if (typeof id === "string" && id.startsWith("sichter-tag-")) rendered.push(id);
      }
      if (fiber.alternate && fiber.alternate.child === fiber.child) return;
      for (let child = fiber.child; child; child = child.sibling) visit(child);
    };
    Object.assign(window, {
      __REACT_DEVTOOLS_GLOBAL_HOOK__: {
        supportsFiber: true,
        isDisabled: false,
        renderers: new Map(),
        inject: () => 1,
        checkDCE: () => {},
        onCommitFiberRoot: (_renderer: number, root: { current: Fiber }) => visit(root.current),
        onCommitFiberUnmount: () => {},
        onPostCommitFiberRoot: () => {},
      },
      __sichterRowRenders: rendered,
    });
  });
}

/** The ids of the rows rendered since the last call (in commit order, a row once per render). */
export function takeRowRenders(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rendered = (window as unknown as { __sichterRowRenders: string[] }).__sichterRowRenders;
    return rendered.splice(0, rendered.length);
  });
}
