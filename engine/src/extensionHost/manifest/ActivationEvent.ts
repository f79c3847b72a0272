import { z } from "zod";
import { CONTRIBUTION_ID_PATTERN } from "../../extensionApi/ContributionId.ts";
import { reportIssue } from "./reportIssue.ts";

export const ACTIVATION_EVENT_KINDS = ["onAnalyzer", "onKeywordProvider", "onTagWriter", "onCommand"] as const;
export const PLAIN_ACTIVATION_EVENTS = ["onStartup", "onAnalyze"] as const;

const PATTERN = new RegExp(`^(?:${ACTIVATION_EVENT_KINDS.join("|")}):${CONTRIBUTION_ID_PATTERN.source.slice(1, -1)}$`);
const EXPECTED = `one of "onStartup", "onAnalyze", ${ACTIVATION_EVENT_KINDS.map((kind) => `"${kind}:<id>"`).join(", ")}`;

/**
 * When an extension is loaded. "*" is refused outright: every extension that activates eagerly
 * slows the engine's start for every user, and contributions already imply the useful events.
 */
export const ActivationEvent = z
  .string()
  .superRefine((value, ctx) => {
    if (value === "*") {
      reportIssue(ctx, EXPECTED, {
        sentence: 'activation on "*" is not allowed: declare what activates the extension',
      });
    } else if (!(PLAIN_ACTIVATION_EVENTS as readonly string[]).includes(value) && !PATTERN.test(value)) {
      reportIssue(ctx, EXPECTED);
    }
  })
  // Refinements are invisible to JSON Schema; spell the accepted forms out so editors can complete them.
  .meta({
    anyOf: [{ enum: [...PLAIN_ACTIVATION_EVENTS] }, { pattern: PATTERN.source }],
  });

export type ActivationEvent = z.infer<typeof ActivationEvent>;
