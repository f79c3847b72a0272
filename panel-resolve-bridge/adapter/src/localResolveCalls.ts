import type { ResolveHost } from "./ResolveHost.ts";
import type { ResolveHostCalls } from "./ResolveHostAdapter.ts";
import type { SelectionPoller } from "./SelectionPoller.ts";

/** The panel's calls answered in the same process as the Resolve object (the plugin's main process, tests). */
export function localResolveCalls(host: ResolveHost, poller: SelectionPoller): ResolveHostCalls {
  return {
    currentClip: () => host.currentClip(),
    sequenceClips: () => host.sequenceClips(),
    applyTagPlan: async (plan, clip) => {
      const report = await host.applyTagPlan(plan, clip);
      // Markers changed under the clip; the panel may want to show it again.
      void poller.pollNow();
      return report;
    },
    reveal: (clip, frame) => host.reveal(clip, frame),
    setClipSource: async (source) => {
      host.setClipSource(source);
      return poller.pollNow();
    },
    markSequence: (plans, progress, signal) => host.markTimeline(new Map(plans), progress, signal),
    onCurrentClipChange: (listener) => poller.onChange(listener),
  };
}
