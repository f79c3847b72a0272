import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SichterClient } from "@sichter/shared/protocol";
import { startEngine, type EngineProcess } from "./engineProcess.ts";
import { makeCutClip, makeTempDir } from "./fixtures.ts";

/**
 * `tags.plan` against a real engine: the plan a host writes itself (DaVinci Resolve) is the one
 * `tags.apply` would write as XMP: shots, accepted and added tags, withdrawn keywords.
 */
let dir: string;
let clip: string;
let engine: EngineProcess;
let client: SichterClient;

beforeAll(async () => {
  dir = fs.realpathSync(makeTempDir("sichter-plan-"));
  clip = path.join(dir, "Pressekonferenz.mp4");
  await makeCutClip(clip, [40, 35]);
  engine = await startEngine(path.join(dir, "home"));
  client = engine.client();
  const { jobId } = await client.request("clip.analyze", { path: clip, options: { write: "none" } });
  for (let state = ""; state !== "completed"; await new Promise((resolve) => setTimeout(resolve, 200))) {
    ({ state } = await client.request("job.get", { jobId }));
    if (state === "failed" || state === "cancelled" || state === "interrupted")
      throw new Error(`analysis ended ${state}`);
  }
}, 120_000);
afterAll(async () => {
  client?.dispose();
  engine?.child.kill("SIGTERM");
  await engine?.exited;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("tags.plan", () => {
  it("answers the catalogued clip's plan by path and by id, with a person's added keyword", async () => {
    const { clip: info } = await client.request("catalog.clip", { path: clip });
    await client.request("tags.review", { clipId: info.id, add: { label: "Rathaus", startFrame: 0, endFrame: 75 } });
    const byPath = await client.request("tags.plan", { path: clip });
    const byId = await client.request("tags.plan", { clipId: info.id, language: "de" });
    expect(byId).toEqual(byPath);
    expect(byPath.clipId).toBe(info.id);
    expect(byPath.plan).toMatchObject({ clipPath: clip, frameRate: "25/1", keywords: ["Rathaus"] });
    expect(byPath.plan.markers.filter((m) => m.kind === "shot").map((m) => [m.startFrame, m.durationFrames])).toEqual([
      [0, 40],
      [40, 35],
    ]);
  });

  it("withdraws a keyword once its tag is rejected", async () => {
    const { tags } = await client.request("catalog.clip", { path: clip });
    const own = tags.find((t) => t.label === "Rathaus")!;
    await client.request("tags.review", { tagId: own.id, action: "reject" });
    const { plan } = await client.request("tags.plan", { path: clip });
    expect(plan.keywords).toEqual([]);
    expect(plan.withdrawnKeywords).toContain("Rathaus");
  });

  it("withdraws a keyword's earlier spelling once a person edits its label, so XMP written before loses it", async () => {
    const { clip: info } = await client.request("catalog.clip", { path: clip });
    const added = await client.request("tags.review", {
      clipId: info.id,
      add: { label: "Marktplatz", startFrame: 0, endFrame: 75 },
    });
    expect((await client.request("tags.plan", { path: clip })).plan.keywords).toContain("Marktplatz");
    await client.request("tags.review", { tagId: added.id, action: "edit", label: "Alter Markt" });
    await client.request("tags.review", { tagId: added.id, action: "edit", label: "Alter Markt Potsdam" });
    const { plan } = await client.request("tags.plan", { path: clip });
    expect(plan.keywords).toContain("Alter Markt Potsdam");
    expect(plan.keywords).not.toContain("Marktplatz");
    expect(plan.withdrawnKeywords).toEqual(expect.arrayContaining(["Marktplatz", "Alter Markt"]));
    expect(plan.withdrawnKeywords).not.toContain("Alter Markt Potsdam");
  });

  it("refuses a clip that is not in the catalog", async () => {
    await expect(client.request("tags.plan", { path: path.join(dir, "unbekannt.mp4") })).rejects.toMatchObject({
      code: "SICHTER_E_NOT_IN_CATALOG",
    });
  });
});
