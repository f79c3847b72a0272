import type { TagPlan } from "@sichter/shared/model";
import { CancellationToken } from "../core/Cancellation.ts";
import type { TagWriter, TagWriterClip } from "../metadata/TagWriter.ts";
import type { ExtensionProcess } from "./host/ExtensionProcess.ts";

/** A writer sends a plan somewhere over the network; it gets a minute, then it is stopped. */
const WRITE_TIMEOUT_MS = 60_000;

/** A tag writer contribution of an extension, run in the extension's process. */
export class ExtensionTagWriter implements TagWriter {
  constructor(
    readonly id: string,
    private readonly host: () => Promise<ExtensionProcess>,
  ) {}

  async write(plan: TagPlan, clip: TagWriterClip, token: CancellationToken = CancellationToken.None): Promise<{ target: string | null }> {
    const host = await this.host();
    const abort = new AbortController();
    const subscription = token.onCancellationRequested(() => abort.abort());
    try {
      const result = (await host.write(this.id, { plan, clip }, WRITE_TIMEOUT_MS, abort.signal)) as { target?: unknown } | null;
      return { target: typeof result?.target === "string" ? result.target : null };
    } finally {
      subscription.dispose();
    }
  }
}
