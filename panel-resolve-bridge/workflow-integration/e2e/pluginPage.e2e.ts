import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResolveSimulator, type SimTimeline } from "@sichter/resolve-simulator";
import { type ResolvePluginPage, openResolvePluginPage } from "./support/resolvePluginPage.ts";

/** The plugin's built page in chromium with the Resolve simulator and a real engine behind the bridge. */
let opened: ResolvePluginPage;
let sim: ResolveSimulator;
let timeline: SimTimeline;

beforeAll(async () => {
  sim = new ResolveSimulator({ version: "21.1" });
  const interview = sim.addClip({
    name: "Interview Bürgermeister",
    filePath: "/media/Interview.mov",
    fps: "25",
    frames: 500,
  });
  const totale = sim.addClip({ name: "Totale Rathaus", filePath: "/media/Totale.mov", fps: "25", frames: 200 });
  timeline = sim.addTimeline({ name: "Beitrag 18 Uhr", fps: "25" });
  sim.place(timeline, { clip: interview, inFrame: 0, outFrame: 100, recordFrame: 0 });
  sim.place(timeline, { clip: totale, inFrame: 0, outFrame: 100, recordFrame: 100 });
  sim.setPlayhead(timeline, 10);
  opened = await openResolvePluginPage(sim);
}, 180_000);

afterAll(async () => {
  await opened?.close();
});

describe("the Resolve plugin's page in chromium", () => {
  it("connects to the engine through the main process, in Resolve's language and dark theme", async () => {
    const { page } = opened;
    await expect.poll(() => page.getByRole("status").first().textContent(), { timeout: 20_000 }).toBe("Verbunden");
    expect(await page.locator("html").getAttribute("data-theme")).toBe("dark");
    expect(await page.locator("html").getAttribute("lang")).toBe("de");
  });

  it("shows the clip under Resolve's playhead and follows it to the next clip", async () => {
    const { page } = opened;
    await expect
      .poll(() => page.locator("body").textContent(), { timeout: 10_000 })
      .toContain("Interview Bürgermeister");
    sim.setPlayhead(timeline, 150);
    await expect.poll(() => page.locator("body").textContent(), { timeout: 10_000 }).toContain("Totale Rathaus");
  });
});
