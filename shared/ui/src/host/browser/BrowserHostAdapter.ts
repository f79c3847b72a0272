import { ErrorCode, SichterRpcError, type AppliedFile } from "@sichter/shared/protocol";
import type { TagPlan } from "@sichter/shared/model";
import type { KeyValueStorage } from "../../connection/TokenStore.ts";
import type { EngineCalls } from "../../engine/EngineCalls.ts";
import type { FrameSeek } from "../../state/frameFocus/FrameFocus.ts";
import { toUiError } from "../../state/UiError.ts";
import { localeOf } from "../../i18n/localeOf.ts";
import type { ApplyItemReport, ApplyReport } from "../ApplyReport.ts";
import { clipFromPath, type ClipReference } from "../ClipReference.ts";
import type { ApplyOptions, Disposable, HostAdapter, HostCapabilities, HostTheme, UiLocale } from "../HostAdapter.ts";

/** The browser globals the adapter reads; a test passes its own. */
export interface BrowserEnvironment {
  matchMedia(query: string): {
    readonly matches: boolean;
    addEventListener(type: "change", listener: () => void): void;
    removeEventListener(type: "change", listener: () => void): void;
  };
  readonly navigator: { readonly language: string };
}

const DARK = "(prefers-color-scheme: dark)";
const CURRENT_CLIP_KEY = "sichter.currentClip";

/**
 * The default host: the page the engine serves. There is no editing application around it, so the
 * current clip is the one the user picks in the panel's media browser, the theme follows the
 * system's `prefers-color-scheme`, the language the browser's, and applying a tag plan means the
 * engine writes XMP beside the media.
 */
export class BrowserHostAdapter implements HostAdapter {
  readonly id = "browser";
  readonly capabilities: HostCapabilities = {
    currentClipEvents: true,
    mediaBrowser: true,
    sequenceClips: false,
    reveal: true,
    importMedia: false,
    apply: { markers: false, xmp: true, projectColumn: false, embed: true },
    // The panel's own media browser picks the clip: no selection or playhead to follow, no sequence.
    clipSource: false,
    markSequence: false,
  };
  readonly #environment: BrowserEnvironment;
  readonly #engine: () => EngineCalls;
  #current: ClipReference | null = null;
  readonly #clipListeners = new Set<(clip: ClipReference | null) => void>();

  readonly #storage: KeyValueStorage | null;
  readonly #frameFocus: FrameSeek | null;

  /**
   * `engine` answers with the connected client, or throws CONNECTION_CLOSED while there is none.
   * `storage` remembers the picked clip, so a reload comes back to it. `frameFocus` is what the clip
   * view follows (the panel's FrameFocus): `reveal` asks it for a frame.
   */
  constructor(
    environment: BrowserEnvironment,
    engine: () => EngineCalls,
    storage: KeyValueStorage | null = null,
    frameFocus: FrameSeek | null = null,
  ) {
    this.#environment = environment;
    this.#engine = engine;
    this.#storage = storage;
    this.#frameFocus = frameFocus;
    const remembered = read(() => storage?.getItem(CURRENT_CLIP_KEY) ?? null);
    if (remembered) this.#current = clipFromPath(remembered);
  }

  currentClip(): Promise<ClipReference | null> {
    return Promise.resolve(this.#current);
  }

  onCurrentClipChange(listener: (clip: ClipReference | null) => void): Disposable {
    this.#clipListeners.add(listener);
    return { dispose: () => void this.#clipListeners.delete(listener) };
  }

  selectClip(clip: ClipReference | null): void {
    if (clip?.mediaPath === this.#current?.mediaPath) return;
    this.#current = clip;
    read(() =>
      clip ? this.#storage?.setItem(CURRENT_CLIP_KEY, clip.mediaPath) : this.#storage?.removeItem(CURRENT_CLIP_KEY),
    );
    for (const listener of [...this.#clipListeners]) listener(clip);
  }

  sequenceClips(): Promise<readonly ClipReference[]> {
    return Promise.resolve([]);
  }

  /**
   * The engine writes the XMP itself (`tags.apply`): the accepted tags of the catalogued clip, as a
   * sidecar beside the media (or embedded, on request); re-applying changes only Sichter's own
   * keywords and markers. The plan is the engine's to build here, so `plan` only names the clip.
   */
  async applyTagPlan(plan: TagPlan, clip: ClipReference, options: ApplyOptions = {}): Promise<ApplyReport> {
    const engine = this.#engine();
    const request = options.signal ? { signal: options.signal } : {};
    try {
      const { clip: stored } = await engine.request("catalog.clip", { path: clip.mediaPath }, request);
      const language = options.language && { language: options.language };
      const { files } = await engine.request(
        "tags.apply",
        { clipIds: [stored.id], write: options.embed ? "embed" : "sidecar", ...language },
        request,
      );
      const items: ApplyItemReport[] = [];
      for (const file of files) {
        items.push(...itemsOf(file));
        if (file.status === "written") items.push(...(await this.#markersOf(engine, file, options)));
      }
      return { clipPath: plan.clipPath, items };
    } catch (error) {
      const failure = toUiError(error);
      return {
        clipPath: plan.clipPath,
        items: [
          {
            kind: "xmp-sidecar",
            status: "failed",
            target: clip.mediaPath,
            error: { code: failure.code, message: failure.message, ...(failure.params && { params: failure.params }) },
          },
        ],
      };
    }
  }

  /**
   * The markers the engine wrote into the XMP's "Sichter" track: it reports their number, and writes
   * them by the rules of `tags.plan`, which names them. Should the plan no longer match that number
   * (decisions changed in between), the report says the number only.
   */
  async #markersOf(engine: EngineCalls, file: AppliedFile, options: ApplyOptions): Promise<ApplyItemReport[]> {
    if (file.markers === 0) return [];
    const counted: ApplyItemReport[] = [{ kind: "marker", status: "written", target: `Sichter: ${file.markers}` }];
    const language = options.language && { language: options.language };
    try {
      const { plan } = await engine.request(
        "tags.plan",
        { clipId: file.clipId, ...language },
        options.signal ? { signal: options.signal } : {},
      );
      if (plan.markers.length !== file.markers) return counted;
      return plan.markers.map((marker) => ({
        kind: "marker",
        status: "written",
        target: marker.name,
        frame: marker.startFrame,
      }));
    } catch {
      return counted;
    }
  }

  /**
   * The page itself is the viewer: the clip becomes the current one and the clip view is asked for
   * the frame. The frame is asked for first, so whatever shows the new clip starts there.
   */
  reveal(clip: ClipReference, frame: number): Promise<void> {
    this.#frameFocus?.seek(clip.mediaPath, frame);
    this.selectClip(clip);
    return Promise.resolve();
  }

  importMedia(): Promise<ClipReference> {
    return Promise.reject(unsupported("importMedia"));
  }

  theme(): HostTheme {
    return this.#environment.matchMedia(DARK).matches ? "dark" : "light";
  }

  onThemeChange(listener: (theme: HostTheme) => void): Disposable {
    const query = this.#environment.matchMedia(DARK);
    const onChange = (): void => listener(query.matches ? "dark" : "light");
    query.addEventListener("change", onChange);
    return { dispose: () => query.removeEventListener("change", onChange) };
  }

  locale(): UiLocale {
    return localeOf(this.#environment.navigator.language);
  }
}

/** What one file's write did, as report items: the XMP file, and each keyword it holds for Sichter now. */
function itemsOf(file: AppliedFile): ApplyItemReport[] {
  const kind = file.embedded ? "xmp-embedded" : "xmp-sidecar";
  const target = file.sidecar ?? file.path;
  if (file.status === "failed") {
    return [
      {
        kind,
        status: "failed",
        target,
        ...(file.error && { error: { code: file.error.code, message: file.error.message } }),
      },
    ];
  }
  // One item per keyword: a keyword may hold a comma ("Rathaus Köln, Ratssaal"). None: one empty item.
  const keywords: ApplyItemReport[] = file.keywords.map((keyword) => ({
    kind: "keywords",
    status: "written",
    target: keyword,
  }));
  return [
    { kind, status: "written", target },
    ...(keywords.length > 0 ? keywords : [{ kind: "keywords" as const, status: "written" as const, target: "" }]),
  ];
}

/** Storage may refuse (private windows, policies); the clip is then remembered for this page only. */
function read<T>(access: () => T): T | null {
  try {
    return access();
  } catch {
    return null;
  }
}

/** The UI never calls what a host's capabilities deny; reaching this is a panel bug. */
function unsupported(operation: string): SichterRpcError {
  return SichterRpcError.of(ErrorCode.USAGE, { detail: `the browser host cannot ${operation}` });
}
