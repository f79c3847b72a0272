import { describe, expect, it } from "vitest";
import type { ClipReference } from "@sichter/ui/src/host/ClipReference.ts";
import { resolveFixture } from "../test/resolveFixture.ts";
import { localResolveCalls } from "./localResolveCalls.ts";
import { ResolveHost } from "./ResolveHost.ts";
import { ResolveHostAdapter } from "./ResolveHostAdapter.ts";
import { SelectionPoller } from "./SelectionPoller.ts";

function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (condition()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error("timed out"));
      else setTimeout(check, 5);
    };
    check();
  });
}

describe("SelectionPoller and the Resolve HostAdapter", () => {
  it("tells the panel when the clip under the playhead changes, once per change", async () => {
    const { sim, timeline } = resolveFixture();
    const host = new ResolveHost(sim.resolve);
    const poller = new SelectionPoller(() => host.currentClip(), { intervalMs: 10 });
    const adapter = new ResolveHostAdapter(localResolveCalls(host, poller), "en");
    const heard: (string | null)[] = [];
    adapter.onCurrentClipChange((clip: ClipReference | null) => heard.push(clip?.name ?? null));
    poller.start();
    await until(() => heard.length === 1);
    sim.setPlayhead(timeline, 100);
    await until(() => heard.length === 2);
    sim.setPlayhead(timeline, 600);
    await until(() => heard.length === 3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    poller.dispose();
    expect(heard).toEqual(["Rathaus Köln", "Schnittbilder", null]);
    expect(adapter.theme()).toBe("dark");
    expect(adapter.locale()).toBe("en");
  });

  it("goes on polling after a look that failed", async () => {
    let calls = 0;
    const errors: unknown[] = [];
    const poller = new SelectionPoller(
      async () => {
        calls++;
        if (calls === 1) throw new Error("Resolve busy");
        return { mediaPath: "/m/a.mov", name: "a.mov" };
      },
      { intervalMs: 5, onError: (error) => errors.push(error) },
    );
    const heard: unknown[] = [];
    poller.onChange((clip) => heard.push(clip));
    poller.start();
    await until(() => heard.length === 1);
    poller.dispose();
    expect(errors).toHaveLength(1);
    expect(poller.current).toEqual({ mediaPath: "/m/a.mov", name: "a.mov" });
  });
});
