import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../../core/SichterError.ts";
import type { FieldIssue } from "./FieldIssue.ts";

/** Why a manifest was refused; the host logs it and skips the extension. */
export type ManifestProblem =
  "no-package-json" | "unreadable" | "not-json" | "invalid" | "missing-file" | "engine-mismatch";

const MAX_IN_MESSAGE = 3;

/**
 * A refused manifest. It is a SichterError (stable code, German and English text) that also keeps
 * every FieldIssue, so tools can point at the exact field while people read one sentence.
 */
export class ManifestError extends SichterError {
  readonly folder: string;
  readonly problem: ManifestProblem;
  readonly issues: readonly FieldIssue[];
  /** Where a JSON syntax error is, counted from 1. */
  readonly line: number | undefined;
  readonly column: number | undefined;

  private constructor(
    code: ErrorCode,
    params: Record<string, string>,
    details: {
      folder: string;
      problem: ManifestProblem;
      issues: readonly FieldIssue[];
      line?: number;
      column?: number;
    },
  ) {
    super(code, params);
    this.folder = details.folder;
    this.problem = details.problem;
    this.issues = details.issues;
    this.line = details.line;
    this.column = details.column;
  }

  static invalid(
    folder: string,
    problem: Exclude<ManifestProblem, "engine-mismatch">,
    issues: readonly FieldIssue[],
    position?: { line: number; column: number },
  ): ManifestError {
    const shown = issues.slice(0, MAX_IN_MESSAGE).map((issue) => issue.message);
    const more = issues.length - shown.length;
    const detail = more > 0 ? `${shown.join("; ")} (and ${more} more)` : shown.join("; ");
    return new ManifestError(
      ErrorCode.EXTENSION_MANIFEST_INVALID,
      { path: folder, detail },
      { folder, problem, issues, ...position },
    );
  }

  static engineMismatch(
    folder: string,
    extension: string,
    range: string,
    version: string,
    issue: FieldIssue,
  ): ManifestError {
    return new ManifestError(
      ErrorCode.EXTENSION_ENGINE_MISMATCH,
      { path: folder, extension, range, version },
      { folder, problem: "engine-mismatch", issues: [issue] },
    );
  }

  /** The first issue's JSON path; "" when the whole file is at fault. */
  get field(): string {
    return this.issues[0]?.field ?? "";
  }

  get expected(): string {
    return this.issues[0]?.expected ?? "";
  }

  get found(): string {
    return this.issues[0]?.found ?? "";
  }
}
