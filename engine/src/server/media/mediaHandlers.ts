import type { MethodName, MethodParams, MethodResultInput } from "@sichter/shared/protocol";
import type { Catalog } from "../../catalog/Catalog.ts";
import { sichterDirs } from "../../core/SichterHome.ts";
import { MediaFolders } from "../../media/MediaFolders.ts";
import { ProbeCache } from "../../media/ProbeCache.ts";
import type { RequestContext } from "../RpcConnection.ts";
import { MediaLibrary } from "./MediaLibrary.ts";

type MediaMethod = "media.list" | "media.probe";
type Handler<M extends MethodName> = (params: MethodParams<M>, context: RequestContext) => Promise<MethodResultInput<M>>;

export interface MediaServiceState {
  readonly catalog: Pick<Catalog, "clip" | "findClip">;
  /** The engine's media browser; without one (a bench, a test of other methods) no folder is allowed. */
  readonly media?: MediaLibrary;
}

/** The panel's media methods: browse the allowed folders and probe files. */
export function mediaHandlers(state: MediaServiceState): { [M in MediaMethod]: Handler<M> } {
  let fallback: MediaLibrary | undefined;
  const media = (): MediaLibrary => state.media ?? (fallback ??= new MediaLibrary(new MediaFolders([], sichterDirs().config), new ProbeCache(), state.catalog));
  return {
    "media.list": async ({ folder }) => media().list(folder),
    "media.probe": async ({ paths, clipIds }) => ({ items: await media().probe(paths ?? [], clipIds ?? []) }),
  };
}
