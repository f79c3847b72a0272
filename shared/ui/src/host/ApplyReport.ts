/** What one written thing of a tag plan is. */
export type ApplyItemKind = "marker" | "keywords" | "description" | "xmp-sidecar" | "xmp-embedded" | "project-column";

/**
 * `written`: done now. `unchanged`: it was already there (re-applying changes nothing).
 * `skipped`: this host does not write it (see its capabilities). `failed`: see `error`.
 */
export type ApplyItemStatus = "written" | "unchanged" | "skipped" | "failed";

/** A failure as the UI renders it: a SICHTER_E_* code and the params of its message template. */
export interface ApplyError {
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
  /** The producer's own text, shown only when the UI does not know the code. */
  readonly message?: string;
}

export interface ApplyItemReport {
  readonly kind: ApplyItemKind;
  readonly status: ApplyItemStatus;
  /** What it is about, for the person reading the report: a marker's name, a sidecar's path. */
  readonly target: string;
  /** Frame of a marker, 0-based from the clip's first frame. */
  readonly frame?: number;
  readonly error?: ApplyError;
}

/** The per-item answer of `HostAdapter.applyTagPlan` for one clip. */
export interface ApplyReport {
  readonly clipPath: string;
  readonly items: readonly ApplyItemReport[];
}

export function applyFailed(report: ApplyReport): boolean {
  return report.items.some((item) => item.status === "failed");
}
