import type { Disposable } from "@sichter/shared/protocol";
import type { EngineConnection } from "../connection/EngineConnection.ts";
import type { HostAdapter } from "../host/HostAdapter.ts";
import { AnalysisController } from "../state/analysis/AnalysisController.ts";
import { MediaBrowserController } from "../state/media/MediaBrowserController.ts";
import { ReviewController } from "../state/review/ReviewController.ts";
import { SearchController } from "../state/search/SearchController.ts";

/** Everything one panel instance runs on, whichever host it is in; the views only render it. */
export interface Panel extends Disposable {
  readonly host: HostAdapter;
  readonly connection: EngineConnection;
  readonly analysis: AnalysisController;
  readonly review: ReviewController;
  readonly search: SearchController;
  /** The engine's media folders, for hosts whose current clip is picked in the panel (the browser). */
  readonly media: MediaBrowserController | null;
}

export function createPanel(host: HostAdapter, connection: EngineConnection): Panel {
  const analysis = new AnalysisController(connection);
  const review = new ReviewController(connection);
  const search = new SearchController(connection);
  const media = host.capabilities.mediaBrowser ? new MediaBrowserController(connection) : null;
  const subscriptions: Disposable[] = [
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
    }),
  ];
  return {
    host,
    connection,
    analysis,
    review,
    search,
    media,
    dispose() {
      for (const subscription of subscriptions) subscription.dispose();
      analysis.dispose();
      review.dispose();
      connection.dispose();
    },
  };
}
