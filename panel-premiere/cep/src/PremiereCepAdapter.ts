import { PREMIERE_CAPABILITIES } from "@sichter/premiere-common";
import type { TagPlan } from "@sichter/shared/model";
import type { ApplyReport } from "@sichter/ui/src/host/ApplyReport.ts";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import type {
  ApplyOptions,
  ClipSource,
  Disposable,
  HostAdapter,
  HostCapabilities,
  HostTheme,
  SequenceMarkProgress,
  SequenceMarkReport,
  UiLocale,
} from "@sichter/ui/src/host/HostAdapter.ts";
import { applyTagPlanCep } from "./applyTagPlanCep.ts";
import { inTimelineOrder, placedUnderPlayhead, referenceOfClip, referenceOfPlacedClip } from "./cepClipReference.ts";
import { type EvalScript, ExtendScriptBridge } from "./ExtendScriptBridge.ts";
import { markSequenceCep } from "./markSequenceCep.ts";
import { revealClipCep } from "./revealClipCep.ts";
import { activeSequence, importFile, selectedClips } from "./timelineCalls.ts";

/** Where the current clip comes from: the Project panel selection, or the clip under the playhead. */
export type CurrentClipSource = "selection" | "playhead";

export interface PremiereCepAdapterOptions {
  /** `CSInterface.evalScript` as a promise; the panel's JSX (jsx/sichter.jsx) is loaded by the manifest. */
  readonly evalScript: EvalScript;
  readonly source?: CurrentClipSource;
  readonly keywordLanguage?: UiLocale;
  readonly locale?: () => UiLocale;
  readonly theme?: () => HostTheme;
  readonly onThemeChange?: (listener: (theme: HostTheme) => void) => Disposable;
  /** ExtendScript tells of no selection or playhead change: how often the panel asks. */
  readonly pollMs?: number;
}

/**
 * The Sichter panel's host in Premiere Pro 25.0-25.5 (CEP): every host call is one evalScript into
 * the panel's ExtendScript with its arguments as JSON. ExtendScript has no undo grouping: an apply or
 * an auto-mark is several undo steps there (`capabilities.undoGrouping` says so for the UI).
 */
export class PremiereCepAdapter implements HostAdapter {
  readonly id = "premiere-cep";
  readonly capabilities: HostCapabilities = { ...PREMIERE_CAPABILITIES, undoGrouping: false, markSequence: true };
  private readonly bridge: ExtendScriptBridge;
  private source: CurrentClipSource;

  constructor(private readonly options: PremiereCepAdapterOptions) {
    this.bridge = new ExtendScriptBridge(options.evalScript);
    this.source = options.source ?? "selection";
  }

  setSource(source: CurrentClipSource): void {
    this.source = source;
  }

  /** The shared HostAdapter's name for `setSource`. */
  setClipSource(source: ClipSource): void {
    this.setSource(source);
  }

  get currentSource(): CurrentClipSource {
    return this.source;
  }

  async currentClip(): Promise<ClipReference | null> {
    if (this.source === "selection") {
      const first = (await selectedClips(this.bridge))[0];
      return first ? referenceOfClip(first) : null;
    }
    const sequence = await activeSequence(this.bridge);
    const placed = sequence ? placedUnderPlayhead(sequence) : null;
    return sequence && placed ? referenceOfPlacedClip(placed, sequence) : null;
  }

  onCurrentClipChange(listener: (clip: ClipReference | null) => void): Disposable {
    let disposed = false;
    let asking = false;
    let last: string | null | undefined;
    const check = async () => {
      // One evalScript at a time: ExtendScript runs them one after another anyway.
      if (disposed || asking) return;
      asking = true;
      try {
        const clip = await this.currentClip().catch(() => null);
        const key = clip === null ? null : JSON.stringify(clip);
        if (!disposed && key !== last) {
          last = key;
          listener(clip);
        }
      } finally {
        asking = false;
      }
    };
    void check();
    const timer = setInterval(() => void check(), this.options.pollMs ?? 1000);
    return {
      dispose: () => {
        disposed = true;
        clearInterval(timer);
      },
    };
  }

  async sequenceClips(): Promise<readonly ClipReference[]> {
    const sequence = await activeSequence(this.bridge);
    if (!sequence) return [];
    return inTimelineOrder(sequence).map((placed) => referenceOfPlacedClip(placed, sequence));
  }

  markSequence(
    plans: ReadonlyMap<string, TagPlan>,
    progress?: SequenceMarkProgress,
    token?: AbortSignal,
  ): Promise<SequenceMarkReport> {
    return markSequenceCep(this.bridge, plans, {
      ...(progress ? { onProgress: progress } : {}),
      ...(token ? { signal: token } : {}),
    });
  }

  applyTagPlan(plan: TagPlan, clip: ClipReference, options?: ApplyOptions): Promise<ApplyReport> {
    return applyTagPlanCep(this.bridge, plan, clip, {
      language: options?.language ?? this.options.keywordLanguage ?? this.locale(),
    });
  }

  reveal(clip: ClipReference, frame: number): Promise<void> {
    return revealClipCep(this.bridge, clip, frame);
  }

  async importMedia(mediaPath: string): Promise<ClipReference> {
    const item = await importFile(this.bridge, mediaPath);
    return { mediaPath: item.mediaPath, name: item.name, hostItemId: item.itemId };
  }

  theme(): HostTheme {
    return this.options.theme?.() ?? "dark";
  }

  onThemeChange(listener: (theme: HostTheme) => void): Disposable {
    return this.options.onThemeChange?.(listener) ?? { dispose: () => {} };
  }

  locale(): UiLocale {
    return this.options.locale?.() ?? "de";
  }
}
