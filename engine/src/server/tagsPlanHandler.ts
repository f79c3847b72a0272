import { ErrorCode, SichterRpcError, type MethodParams, type MethodResultInput } from "@sichter/shared/protocol";
import type { Catalog } from "../catalog/Catalog.ts";
import { acceptedTagPlan } from "../pipeline/acceptedTagPlan.ts";

/**
 * `tags.plan`: a catalogued clip's plan for hosts that write it themselves (DaVinci Resolve), by
 * the rules of `tags.apply` (shots, accepted tags, withdrawn keywords).
 */
export function tagsPlanHandlers(state: {
  readonly catalog: Pick<Catalog, "clip" | "findClip" | "shots" | "keyframes" | "tags">;
}): {
  "tags.plan": (params: MethodParams<"tags.plan">) => Promise<MethodResultInput<"tags.plan">>;
} {
  const { catalog } = state;
  return {
    "tags.plan": async (params) => {
      const clip = "clipId" in params ? await catalog.clip(params.clipId) : await catalog.findClip(params.path);
      if (!clip) throw SichterRpcError.of(ErrorCode.NOT_IN_CATALOG, { what: "path" in params ? params.path : "clip" });
      const plan = acceptedTagPlan(
        {
          clip,
          shots: await catalog.shots(clip.id),
          keyframes: await catalog.keyframes(clip.id),
          tags: await catalog.tags(clip.id),
        },
        params.language ?? "de",
      );
      return { clipId: clip.id, plan };
    },
  };
}
