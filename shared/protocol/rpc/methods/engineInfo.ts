import { z } from "zod";
import { requestParams } from "../requestParams.ts";
import { WireName, WireText } from "../wireTypes.ts";

/** `engine.info`: what a panel checks right after connecting (versions, what this engine can do). */
export const EngineInfoParams = requestParams({});
export type EngineInfoParams = z.infer<typeof EngineInfoParams>;

export const EngineMode = z.enum(["local-only", "cloud"]);
export type EngineMode = z.infer<typeof EngineMode>;

/** A keyword provider contribution and whether it may run: what a panel shows next to the mode. */
export const WireKeywordProvider = z.object({
  id: WireName,
  title: WireText,
  /** Declared by its extension: keyframes leave the machine when it runs. */
  cloud: z.boolean(),
  enabled: z.boolean(),
});
export type WireKeywordProvider = z.infer<typeof WireKeywordProvider>;

/** `cloud` as soon as one enabled provider is a cloud one; every provider is listed, disabled ones too. */
export const EnginePrivacy = z.object({
  mode: EngineMode,
  providers: z.array(WireKeywordProvider).max(1000),
});
export type EnginePrivacy = z.infer<typeof EnginePrivacy>;

export const EngineInfoResult = z.object({
  name: WireName,
  version: WireName,
  /** Bumped on any incompatible wire change; a panel refuses an engine with another major. */
  protocolVersion: z.int().positive(),
  /** Contribution ids of what is active, e.g. "sichter.ocr", "sichter.shots". */
  capabilities: z.array(WireName).max(1000),
  /** `local-only` (the default) means nothing leaves the machine. */
  mode: EngineMode,
  /** The mode again, with the providers it follows from (`mode` above stays for older panels). */
  privacy: EnginePrivacy,
});
export type EngineInfoResult = z.infer<typeof EngineInfoResult>;
