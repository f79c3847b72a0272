import { abortSignalFor, CancellationToken } from "../core/Cancellation.ts";
import type { TagWriter, TagWriterInput, TagWriterResult } from "../extensionApi/TagWriter.ts";
import type { ExtensionProcess } from "./host/ExtensionProcess.ts";

/** A writer sends a plan somewhere over the network; it gets a minute, then it is stopped. */
const WRITE_TIMEOUT_MS = 60_000;

/** A tag writer contribution of an extension, run in the extension's process. */
export class ExtensionTagWriter implements TagWriter {
  constructor(
    readonly id: string,
    private readonly host: () => Promise<ExtensionProcess>,
    /** Built-ins get the whole analysis (the catalog keeps it); third parties the plan and the clip. */
    private readonly trusted = false,
  ) {}

  /** Starts the extension's process, if it is not running yet. */
  async prepare(): Promise<void> {
    await this.host();
  }

  async write(input: TagWriterInput, token: CancellationToken = CancellationToken.None): Promise<TagWriterResult> {
    const host = await this.host();
    const abort = abortSignalFor(token);
    try {
      const sent = this.trusted ? input : { plan: input.plan, clip: input.clip, request: input.request };
      const result = (await host.write(this.id, sent, WRITE_TIMEOUT_MS, abort.signal)) as Record<
        string,
        unknown
      > | null;
      const { target, ...details } = result ?? {};
      return { target: typeof target === "string" ? target : null, details: plainFacts(details) };
    } finally {
      abort.dispose();
    }
  }
}

/** Only flat JSON facts travel on into reports; anything else a writer returns is dropped. */
function plainFacts(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(details).filter(([, v]) => v === null || ["string", "number", "boolean"].includes(typeof v)),
  );
}
