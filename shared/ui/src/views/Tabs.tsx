import { useRef, type KeyboardEvent, type ReactNode } from "react";

export interface Tab<K extends string> {
  readonly key: K;
  readonly label: string;
}

/** WAI-ARIA tabs: arrow keys move between tabs, Tab goes into the panel. */
export function Tabs<K extends string>({
  label,
  tabs,
  current,
  onSelect,
  children,
}: {
  label: string;
  tabs: readonly Tab<K>[];
  current: K;
  onSelect: (key: K) => void;
  children: ReactNode;
}) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent): void => {
    const at = tabs.findIndex((tab) => tab.key === current);
    const next =
      event.key === "ArrowRight"
        ? at + 1
        : event.key === "ArrowLeft"
          ? at - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? tabs.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    const tab = tabs[(next + tabs.length) % tabs.length]!;
    onSelect(tab.key);
    setTimeout(() => list.current?.querySelector<HTMLElement>(`#sichter-tab-${tab.key}`)?.focus(), 0);
  };
  return (
    <>
      <div ref={list} className="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.key}
            id={`sichter-tab-${tab.key}`}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab.key === current}
            aria-controls={`sichter-tabpanel-${tab.key}`}
            tabIndex={tab.key === current ? 0 : -1}
            onClick={() => onSelect(tab.key)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      <div
        id={`sichter-tabpanel-${current}`}
        className="tabpanel"
        role="tabpanel"
        aria-labelledby={`sichter-tab-${current}`}
      >
        {children}
      </div>
    </>
  );
}
