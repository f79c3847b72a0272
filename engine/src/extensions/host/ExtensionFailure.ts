/** How a contribution failed; each maps to a stable error code when it reaches a user. */
export type ExtensionFailureKind = "threw" | "timeout" | "memory" | "crashed" | "denied";

/** A contribution of one extension failed; the analysis goes on without it. */
export class ExtensionFailure extends Error {
  override readonly name = "ExtensionFailure";

  constructor(
    readonly kind: ExtensionFailureKind,
    readonly extensionId: string,
    detail: string,
  ) {
    super(`extension ${extensionId}: ${detail}`);
  }
}
