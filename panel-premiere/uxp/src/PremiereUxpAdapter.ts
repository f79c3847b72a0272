import type { premierepro } from "@adobe/premierepro";
import { PREMIERE_CAPABILITIES } from "@sichter/premiere-common";
import type { TagPlan } from "@sichter/shared/model";
import type { ApplyReport } from "@sichter/ui/src/host/ApplyReport.ts";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import type {
  ClipSource,
  Disposable,
  HostAdapter,
  HostCapabilities,
  HostTheme,
  SequenceMarkProgress,
  SequenceMarkReport,
  UiLocale,
} from "@sichter/ui/src/host/HostAdapter.ts";
import { UNDO_LABEL, applyTagPlan } from "./applyTagPlan.ts";
import { clipFromSelection, clipUnderPlayhead, type CurrentClipSource } from "./currentClip.ts";
import { findProjectItem } from "./findProjectItem.ts";
import {
  MARK_SEQUENCE_UNDO_LABEL,
  type MarkSequenceOptions,
  type MarkSequenceSummary,
  markSequence,
} from "./markSequence.ts";
import { readPlacedClips } from "./readPlacedClips.ts";
import { revealClip } from "./revealClip.ts";
import { sequenceMarkReport } from "./sequenceMarkReport.ts";
import { referenceOfItem, referenceOfPlaced } from "./clipReference.ts";
import type { UxpXmpModule } from "./UxpXmp.ts";

/** What the panel shell hands the adapter: the host modules and the UI's surroundings. */
export interface PremiereUxpAdapterOptions {
  /** `require("premierepro")`. */
  readonly ppro: premierepro;
  /** `require("uxp").xmp`. */
  readonly xmp: UxpXmpModule;
  readonly source?: CurrentClipSource;
  /** Language of the tag plans' texts. */
  readonly keywordLanguage?: "de" | "en";
  readonly locale?: () => UiLocale;
  readonly theme?: () => HostTheme;
  readonly onThemeChange?: (listener: (theme: HostTheme) => void) => Disposable;
  /** How often the playhead is polled when the current clip follows it (Premiere has no event). */
  readonly playheadPollMs?: number;
}

/** The Sichter panel's host in Premiere Pro 25.6 and later, through the UXP API. */
export class PremiereUxpAdapter implements HostAdapter {
  readonly id = "premiere-uxp";
  readonly capabilities: HostCapabilities = { ...PREMIERE_CAPABILITIES, undoGrouping: true, markSequence: true };
  private source: CurrentClipSource;

  constructor(private readonly options: PremiereUxpAdapterOptions) {
    this.source = options.source ?? "selection";
  }

  /** Switches between the Project panel selection and the clip under the playhead. */
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
    const { ppro } = this.options;
    const project = await ppro.Project.getActiveProject();
    if (!project) return null;
    return this.source === "selection" ? clipFromSelection(ppro, project) : clipUnderPlayhead(ppro, project);
  }

  onCurrentClipChange(listener: (clip: ClipReference | null) => void): Disposable {
    const { ppro } = this.options;
    let disposed = false;
    let last: string | null | undefined;
    const check = async () => {
      if (disposed) return;
      const clip = await this.currentClip().catch(() => null);
      const key = clip === null ? null : JSON.stringify(clip);
      if (!disposed && key !== last) {
        last = key;
        listener(clip);
      }
    };
    const onSelection = () => void check();
    let project: Parameters<typeof ppro.EventManager.addEventListener>[0] | null = null;
    void ppro.Project.getActiveProject().then((active) => {
      if (disposed || !active) return;
      project = active;
      ppro.EventManager.addEventListener(
        active,
        ppro.Constants.ProjectEvent.PROJECT_ITEM_SELECTION_CHANGED,
        onSelection,
      );
    });
    // No playhead event exists: poll gently, only while the clip follows the playhead.
    const timer = setInterval(() => {
      if (this.source === "playhead") void check();
    }, this.options.playheadPollMs ?? 500);
    return {
      dispose: () => {
        disposed = true;
        clearInterval(timer);
        if (project)
          ppro.EventManager.removeEventListener(
            project,
            ppro.Constants.ProjectEvent.PROJECT_ITEM_SELECTION_CHANGED,
            onSelection,
          );
      },
    };
  }

  async sequenceClips(): Promise<readonly ClipReference[]> {
    const { ppro } = this.options;
    const project = await ppro.Project.getActiveProject();
    const sequence = project ? await project.getActiveSequence() : null;
    if (!sequence) return [];
    const placed = await readPlacedClips(ppro, sequence);
    return placed
      .filter((p) => p.mediaPath !== "")
      .sort((a, b) =>
        a.instance.start < b.instance.start ? -1 : a.instance.start > b.instance.start ? 1 : a.track - b.track,
      )
      .map((p) => referenceOfPlaced(p, sequence.name));
  }

  applyTagPlan(
    plan: TagPlan,
    clip: ClipReference,
    options?: { signal?: AbortSignal; language?: UiLocale },
  ): Promise<ApplyReport> {
    const locale = this.locale();
    return applyTagPlan(this.options.ppro, this.options.xmp, plan, clip, {
      language: options?.language ?? this.options.keywordLanguage ?? locale,
      undoLabel: UNDO_LABEL[locale],
      ...(options?.signal ? { signal: options.signal } : {}),
    });
  }

  /** The panel's auto-mark: every video track of the active sequence, one undo step, a report per instance. */
  async markSequence(
    plans: ReadonlyMap<string, TagPlan>,
    progress?: SequenceMarkProgress,
    token?: AbortSignal,
  ): Promise<SequenceMarkReport> {
    const summary = await this.markSequenceWith(plans, {
      ...(progress ? { onProgress: progress } : {}),
      ...(token ? { signal: token } : {}),
    });
    return sequenceMarkReport(summary);
  }

  /**
   * Auto-marks the active sequence from the plans of its media (by media path), as one undo step,
   * with Premiere's own choices (tracks, drop-frame) and summary.
   */
  markSequenceWith(
    plans: ReadonlyMap<string, TagPlan>,
    options: Omit<MarkSequenceOptions, "undoLabel">,
  ): Promise<MarkSequenceSummary> {
    return markSequence(this.options.ppro, this.options.xmp, plans, {
      ...options,
      undoLabel: MARK_SEQUENCE_UNDO_LABEL[this.locale()],
    });
  }

  /** Moves the playhead to the frame when the active sequence shows it, else opens the Source Monitor there. */
  reveal(clip: ClipReference, frame: number): Promise<void> {
    return revealClip(this.options.ppro, clip, frame, (path) => this.importMedia(path));
  }

  async importMedia(mediaPath: string): Promise<ClipReference> {
    const { ppro } = this.options;
    const project = await ppro.Project.getActiveProject();
    let item = await findProjectItem(ppro, project, { mediaPath });
    if (!item) {
      if (!(await project.importFiles([mediaPath], true))) throw new Error(`Premiere could not import ${mediaPath}`);
      item = await findProjectItem(ppro, project, { mediaPath });
    }
    if (!item) throw new Error(`Premiere could not import ${mediaPath}`);
    return referenceOfItem(ppro.ClipProjectItem.cast(item), item);
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
