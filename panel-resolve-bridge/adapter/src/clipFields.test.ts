import { describe, expect, it } from "vitest";
import { ErrorCode } from "@sichter/shared/protocol";
import { MEDIA_PATH, resolveFixture, tagPlan } from "../test/resolveFixture.ts";
import { ResolveHost } from "./ResolveHost.ts";

const CLIP = { mediaPath: MEDIA_PATH, name: "Rathaus Köln" };

describe("applyTagPlan: clip metadata", () => {
  it("merges Keywords with the comma-separated value, taking out only what the plan withdraws", async () => {
    const { sim, clip } = resolveFixture();
    clip.metadata.type("Keywords", "Interview, Dom, köln");
    const report = await new ResolveHost(sim.resolve).applyTagPlan(tagPlan(), CLIP);
    expect(clip.metadata.peek("Keywords")).toBe("Interview, köln, Rathaus");
    expect(report.items).toContainEqual({
      kind: "keywords",
      status: "written",
      target: "Rathaus Köln: Keywords = Interview, köln, Rathaus",
    });
  });

  it("writes Description and Comments in Sichter's own line, below the editor's text", async () => {
    const { sim, clip } = resolveFixture();
    clip.metadata.type("Description", "Drehort: Rathausplatz");
    const host = new ResolveHost(sim.resolve);
    await host.applyTagPlan(tagPlan(), CLIP);
    expect(clip.metadata.peek("Description")).toBe(
      "Drehort: Rathausplatz\nSichter: 3 Einstellungen, 30 s; Text im Bild: Rathaus Köln.",
    );
    expect(clip.metadata.peek("Comments")).toBe("Sichter: Schwarzbild 700-750");
    await host.applyTagPlan(tagPlan({ description: "2 Einstellungen, 30 s.", logComment: "" }), CLIP);
    expect(clip.metadata.peek("Description")).toBe("Drehort: Rathausplatz\nSichter: 2 Einstellungen, 30 s.");
    expect(clip.metadata.peek("Comments")).toBe("");
  });

  it("re-applies without touching what the editor added since, and reports unchanged fields", async () => {
    const { sim, clip } = resolveFixture();
    const host = new ResolveHost(sim.resolve);
    await host.applyTagPlan(tagPlan(), CLIP);
    clip.metadata.type("Keywords", `${clip.metadata.peek("Keywords")}, Bürgermeister`);
    clip.metadata.type("Comments", `Ton prüfen\n${clip.metadata.peek("Comments")}`);
    const again = await host.applyTagPlan(tagPlan(), CLIP);
    expect(clip.metadata.peek("Keywords")).toBe("Rathaus, Köln, Bürgermeister");
    expect(clip.metadata.peek("Comments")).toBe("Ton prüfen\nSichter: Schwarzbild 700-750");
    expect(again.items.filter((i) => i.kind !== "marker").map((i) => i.status)).toEqual([
      "unchanged",
      "unchanged",
      "unchanged",
    ]);
  });

  it.each([
    ["21.1 (dict forms)", { version: "21.1" }],
    ["20.3 (key/value forms only)", { version: "20.3" }],
    ["a Resolve without the deprecated key/value forms", { version: "21.1", metadataForms: { keyValue: false } }],
  ])("writes and reads back on %s", async (_, options) => {
    const { sim, clip } = resolveFixture(options);
    const report = await new ResolveHost(sim.resolve).applyTagPlan(tagPlan(), CLIP);
    expect(clip.metadata.peek("Keywords")).toBe("Rathaus, Köln");
    expect(report.items.filter((i) => i.kind !== "marker").map((i) => i.status)).toEqual([
      "written",
      "written",
      "written",
    ]);
  });

  it("reports a field that answers true and keeps nothing, and writes the others", async () => {
    const { sim, clip } = resolveFixture({ fieldsNotKept: ["Description"] });
    const report = await new ResolveHost(sim.resolve).applyTagPlan(tagPlan(), CLIP);
    expect(clip.metadata.peek("Keywords")).toBe("Rathaus, Köln");
    expect(report.items).toContainEqual({
      kind: "description",
      status: "failed",
      target: "Rathaus Köln: Description",
      error: {
        code: ErrorCode.HOST_WRITE_NOT_KEPT,
        params: { host: "DaVinci Resolve", what: "Description", target: "Rathaus Köln", found: "" },
      },
    });
    expect(report.items.find((i) => i.target.startsWith("Rathaus Köln: Comments"))?.status).toBe("written");
  });

  it("writes nothing into a field it cannot read", async () => {
    const { sim, clip } = resolveFixture({ version: "20.3", metadataForms: { keyValue: false } });
    clip.metadata.type("Keywords", "Interview");
    const report = await new ResolveHost(sim.resolve).applyTagPlan(tagPlan(), CLIP);
    expect(clip.metadata.peek("Keywords")).toBe("Interview");
    expect(report.items.find((i) => i.kind === "keywords")).toMatchObject({
      status: "failed",
      error: { code: ErrorCode.HOST_WRITE_REFUSED },
    });
  });
});
