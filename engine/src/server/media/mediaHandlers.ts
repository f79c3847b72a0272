import path from "node:path";
import type { MethodName, MethodParams, MethodResultInput } from "@sichter/shared/protocol";
import type { Catalog } from "../../catalog/Catalog.ts";
import { CancellationTokenSource } from "../../core/Cancellation.ts";
import { sichterDirs } from "../../core/SichterHome.ts";
import type { ExtensionRegistry } from "../../extensionHost/ExtensionRegistry.ts";
import { MediaFolders } from "../../media/MediaFolders.ts";
import { ProbeCache } from "../../media/ProbeCache.ts";
import { applyAcceptedTags } from "../../pipeline/applyAcceptedTags.ts";
import type { RequestContext } from "../RpcConnection.ts";
import { MediaLibrary } from "./MediaLibrary.ts";

type MediaMethod = "media.list" | "media.probe" | "tags.apply";
type Handler<M extends MethodName> = (
  params: MethodParams<M>,
  context: RequestContext,
) => Promise<MethodResultInput<M>>;

export interface MediaServiceState {
  readonly catalog: Pick<Catalog, "clip" | "findClip" | "shots" | "keyframes" | "tags" | "runs">;
  readonly extensions?: Pick<ExtensionRegistry, "tagWriters">;
  /** The engine's media browser; without one (a bench, a test of other methods) no folder is allowed. */
  readonly media?: MediaLibrary;
}

/** The panel's media methods: browse the allowed folders, probe files, write accepted tags as XMP. */
export function mediaHandlers(state: MediaServiceState): { [M in MediaMethod]: Handler<M> } {
  let fallback: MediaLibrary | undefined;
  const media = (): MediaLibrary =>
    state.media ??
    (fallback ??= new MediaLibrary(new MediaFolders([], sichterDirs().config), new ProbeCache(), state.catalog));
  return {
    "media.list": async ({ folder }) => media().list(folder),
    "media.probe": async ({ paths, clipIds }) => ({ items: await media().probe(paths ?? [], clipIds ?? []) }),
    "tags.apply": async ({ clipIds, write, language }, context) => {
      const cancel = new CancellationTokenSource();
      const onAbort = (): void => cancel.cancel();
      context.signal.addEventListener("abort", onAbort);
      const progress = context.progressToken;
      if (progress !== undefined) context.connection.progress(progress, { kind: "begin", title: "XMP", percentage: 0 });
      try {
        const files = await applyAcceptedTags(
          state.catalog,
          state.extensions?.tagWriters() ?? [],
          { clipIds, write: write ?? "sidecar", language: language ?? "de" },
          cancel.token,
          (done, clip) => {
            if (progress !== undefined) {
              const file = path.basename(clip.path);
              context.connection.progress(progress, {
                kind: "report",
                percentage: Math.floor((done / clipIds.length) * 100),
                message: file,
              });
            }
          },
        );
        return { files };
      } finally {
        if (progress !== undefined) context.connection.progress(progress, { kind: "end" });
        context.signal.removeEventListener("abort", onAbort);
        cancel.dispose();
      }
    },
  };
}
