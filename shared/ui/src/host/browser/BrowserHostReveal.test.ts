import { ErrorCode, SichterRpcError } from "@sichter/shared/protocol";
import { describe, expect, it } from "vitest";
import { fakeBrowserEnvironment } from "../../../test/fakeBrowserEnvironment.ts";
import { FrameFocus } from "../../state/frameFocus/FrameFocus.ts";
import { clipFromPath, type ClipReference } from "../ClipReference.ts";
import { BrowserHostAdapter } from "./BrowserHostAdapter.ts";

const noEngine = (): never => {
  throw SichterRpcError.of(ErrorCode.CONNECTION_CLOSED);
};

describe("BrowserHostAdapter.reveal", () => {
  it("makes the clip the current one and asks the clip view for the frame", async () => {
    const focus = new FrameFocus();
    const host = new BrowserHostAdapter(fakeBrowserEnvironment("de", false), noEngine, null, focus);
    const seen: (ClipReference | null)[] = [];
    host.onCurrentClipChange((clip) => seen.push(clip));
    expect(host.capabilities.reveal).toBe(true);

    await host.reveal(clipFromPath("/media/A001.mov"), 112);
    expect((await host.currentClip())?.mediaPath).toBe("/media/A001.mov");
    expect(seen.map((clip) => clip?.mediaPath)).toEqual(["/media/A001.mov"]);
    expect(focus.state.get()).toMatchObject({ path: "/media/A001.mov", frame: 112 });

    // The same clip at another frame: no new current clip, a new frame.
    await host.reveal(clipFromPath("/media/A001.mov"), 40);
    expect(seen).toHaveLength(1);
    expect(focus.requestFor("/media/A001.mov")?.frame).toBe(40);
  });

  it("asks for the frame before the clip changes, so whatever shows the new clip starts at that frame", async () => {
    const focus = new FrameFocus();
    const host = new BrowserHostAdapter(fakeBrowserEnvironment("de", false), noEngine, null, focus);
    const frameWhenClipChanged: (number | null)[] = [];
    host.onCurrentClipChange((clip) => frameWhenClipChanged.push(focus.requestFor(clip!.mediaPath)?.frame ?? null));
    await host.reveal(clipFromPath("/media/A001.mov"), 112);
    expect(focus.requestFor("/media/A001.mov")?.frame).toBe(112);
    expect(frameWhenClipChanged).toEqual([112]);
  });
});
