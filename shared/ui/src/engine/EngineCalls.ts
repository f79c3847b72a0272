import type { SichterClient } from "@sichter/shared/protocol";

/** The part of the protocol client the UI's logic uses; tests pass a small fake of it. */
export type EngineCalls = Pick<SichterClient, "request" | "onNotification">;
