import type { Disposable } from "@sichter/shared/protocol";
import type { EngineConnection } from "../connection/EngineConnection.ts";
import type { KeyValueStorage } from "../connection/TokenStore.ts";
import type { HostAdapter } from "../host/HostAdapter.ts";
import { AnalysisController } from "../state/analysis/AnalysisController.ts";
import { MediaBrowserController } from "../state/media/MediaBrowserController.ts";
import { ReviewController } from "../state/review/ReviewController.ts";
import { SearchController } from "../state/search/SearchController.ts";
import { PrivacyController } from "../state/privacy/PrivacyController.ts";
import { TransparencyController } from "../state/privacy/TransparencyController.ts";
import { SettingsController } from "../state/settings/SettingsController.ts";
import { AutoMarkController } from "../state/autoMark/AutoMarkController.ts";
import { AutoMarkStorage } from "../state/autoMark/autoMarkStorage.ts";
import { SequenceMarkController } from "../state/autoMark/SequenceMarkController.ts";
import { followClipSource } from "../state/settings/followClipSource.ts";
import { FrameFocus } from "../state/frameFocus/FrameFocus.ts";
import { ApplyController } from "../state/apply/ApplyController.ts";
import { PlayerController } from "../state/player/PlayerController.ts";

/** Everything one panel instance runs on, whichever host it is in; the views only render it. */
export interface Panel extends Disposable {
  readonly host: HostAdapter;
  readonly connection: EngineConnection;
  readonly analysis: AnalysisController;
  readonly review: ReviewController;
  readonly search: SearchController;
  /** The engine's media folders, for hosts whose current clip is picked in the panel (the browser). */
  readonly media: MediaBrowserController | null;
  /** The panel's own settings (language, theme, markers), kept in the host's storage. */
  readonly settings: SettingsController;
  /** The engine's privacy mode and what would be sent; "what was sent" per job. */
  readonly privacy: PrivacyController;
  readonly transparency: TransparencyController;
  /** A folder or sequence analysed at once, kept across reloads. */
  readonly autoMark: AutoMarkController;
  /** The active sequence's auto-mark with its markers written by the host (hosts with sequenceClips). */
  readonly sequenceMark: SequenceMarkController;
  /** The frame the clip view is asked to show (a search result opened, the browser host's reveal). */
  readonly frameFocus: FrameFocus;
  /** The current clip's video (or filmstrip) position and whether it plays in the panel. */
  readonly player: PlayerController;
  /** Writes reviewed tags through the host, with a report per clip. */
  readonly apply: ApplyController;
}

/**
 * `settingsStorage`: where the panel keeps its settings and a running auto-mark (localStorage in every
 * host); in memory without one. `frameFocus`: the one the host's `reveal` asks (the browser host's).
 */
export function createPanel(
  host: HostAdapter,
  connection: EngineConnection,
  settingsStorage: KeyValueStorage | null = null,
  frameFocus = new FrameFocus(),
): Panel {
  const analysis = new AnalysisController(connection);
  const review = new ReviewController(connection);
  const search = new SearchController(connection, (clip, frame) => host.reveal(clip, frame));
  const autoMark = new AutoMarkController(connection, new AutoMarkStorage(settingsStorage));
  const media = host.capabilities.mediaBrowser ? new MediaBrowserController(connection) : null;
  const player = new PlayerController(connection);
  const settings = new SettingsController(settingsStorage);
  const sequenceMark = new SequenceMarkController(connection, host, autoMark);
  const subscriptions: Disposable[] = [
    // The remembered choice of where the current clip comes from, in hosts that can switch.
    followClipSource(settings, host),
    // A frame someone asked for (a search result, the host's reveal) is where the player goes.
    {
      dispose: frameFocus.state.subscribe(() => {
        const request = frameFocus.state.get();
        if (request) player.seek(request.path, request.frame);
      }),
    },
    // A finished analysis is what the review shows next, and the media list shows it as analysed.
    analysis.onCompleted((path) => {
      void review.load(path);
      if (media && media.state.get().load !== "idle") void media.refresh();
    }),
    // After a reconnect: a job may have ended meanwhile, and tags may have changed elsewhere.
    connection.onConnected(() => {
      analysis.resync();
      const path = review.state.get().path;
      if (path !== null) void review.load(path);
      // The first connection finds a run a reload interrupted; later ones follow its jobs again.
      void autoMark.resume();
    }),
  ];
  return {
    host,
    connection,
    analysis,
    review,
    search,
    media,
    settings,
    privacy: new PrivacyController(connection),
    transparency: new TransparencyController(connection),
    autoMark,
    sequenceMark,
    frameFocus,
    player,
    apply: new ApplyController(connection, host),
    dispose() {
      for (const subscription of subscriptions) subscription.dispose();
      analysis.dispose();
      review.dispose();
      sequenceMark.dispose();
      autoMark.dispose();
      connection.dispose();
    },
  };
}
