import { z } from "zod";
import { requestParams } from "../requestParams.ts";
import { WireName } from "../wireTypes.ts";

/** `engine.info`: what a panel checks right after connecting (versions, what this engine can do). */
export const EngineInfoParams = requestParams({});
export type EngineInfoParams = z.infer<typeof EngineInfoParams>;

export const EngineMode = z.enum(["local-only", "cloud"]);
export type EngineMode = z.infer<typeof EngineMode>;

export const EngineInfoResult = z.object({
  name: WireName,
  version: WireName,
  /** Bumped on any incompatible wire change; a panel refuses an engine with another major. */
  protocolVersion: z.int().positive(),
  /** Contribution ids of what is active, e.g. "sichter.ocr", "sichter.shots". */
  capabilities: z.array(WireName).max(1000),
  /** `local-only` (the default) means nothing leaves the machine. */
  mode: EngineMode,
});
export type EngineInfoResult = z.infer<typeof EngineInfoResult>;
