import { ErrorCode } from "@sichter/shared/errors";
import type { Provenance } from "@sichter/shared/model";
import { SichterError } from "../core/SichterError.ts";
import type { TagDecision } from "./Catalog.ts";
import type { TagRow } from "./rows.ts";

const USER: Provenance = { producer: "user" };

/** The columns a decision changes, as they are stored. */
export interface DecidedTag {
  readonly label: string;
  readonly start_frame: number;
  readonly end_frame: number;
  readonly status: "suggested" | "accepted" | "rejected";
  readonly decided_at: string | null;
  /** JSON text. */
  readonly provenance: string;
}

/**
 * What a decision made at `at` turns a stored tag into, for both catalog backends; undefined when
 * the tag holds a decision made after `at`. Colleagues review the same clip at once, and requests
 * may arrive out of order: the last decision per tag wins by the time it was made, and a decision
 * carries only that time, never who made it (DESIGN.md, privacy).
 */
export function decidedTag(row: TagRow, decision: TagDecision, at: string): DecidedTag | undefined {
  if (row.decided_at !== null && Date.parse(row.decided_at) > Date.parse(at)) return undefined;
  const same = { label: row.label, start_frame: row.start_frame, end_frame: row.end_frame, provenance: row.provenance };
  switch (decision.action) {
    case "accept":
      return { ...same, status: "accepted", decided_at: at };
    case "reject":
      return { ...same, status: "rejected", decided_at: at };
    case "reset":
      return { ...same, status: "suggested", decided_at: null };
    case "edit": {
      const label = decision.label?.trim() || row.label;
      const startFrame = decision.startFrame ?? row.start_frame;
      const endFrame = decision.endFrame ?? row.end_frame;
      checkFrameRange(startFrame, endFrame);
      // The edit is a person's word on this tag: it is accepted and says so in its provenance.
      const provenance = JSON.parse(row.provenance) as Provenance[];
      // A new label keeps the one it replaces as the person's evidence: XMP written before may hold
      // that as a keyword, and apply takes it out again (acceptedTagPlan).
      if (label !== row.label) provenance.push({ ...USER, evidence: row.label });
      else if (!provenance.some((p) => p.producer === USER.producer)) provenance.push(USER);
      return {
        label,
        start_frame: startFrame,
        end_frame: endFrame,
        status: "accepted",
        decided_at: at,
        provenance: JSON.stringify(provenance),
      };
    }
  }
}

export function checkFrameRange(startFrame: number, endFrame: number): void {
  if (!Number.isInteger(startFrame) || !Number.isInteger(endFrame) || startFrame < 0 || endFrame < startFrame) {
    throw new SichterError(ErrorCode.QUERY_INVALID, { detail: `invalid frame range ${startFrame}..${endFrame}` });
  }
}
