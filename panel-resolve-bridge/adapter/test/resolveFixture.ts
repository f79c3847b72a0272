import type { TagPlan } from "@sichter/shared/model";
import { ResolveSimulator, type ResolveSimulatorOptions } from "@sichter/resolve-simulator";

export const MEDIA_PATH = "/media/Rathaus Köln.mov";

/**
 * A newsroom clip (25 fps, 750 frames, source timecode 10:00:00:00) placed on a timeline with
 * Resolve's default start of 01:00:00:00: source frames [100, 400) at record frame 250 on V1.
 */
export function resolveFixture(options: ResolveSimulatorOptions & { timelineFps?: string; dropFrame?: boolean } = {}) {
  const sim = new ResolveSimulator(options);
  const clip = sim.addClip({
    name: "Rathaus Köln",
    filePath: MEDIA_PATH,
    fps: "25",
    frames: 750,
    startTimecode: "10:00:00:00",
  });
  const other = sim.addClip({ name: "Schnittbilder", filePath: "/media/Schnittbilder.mov", fps: "25", frames: 500 });
  const timeline = sim.addTimeline({
    name: "Beitrag 18 Uhr",
    fps: options.timelineFps ?? "25",
    dropFrame: options.dropFrame ?? false,
  });
  const lead = sim.place(timeline, { clip: other, inFrame: 0, outFrame: 250, recordFrame: 0 });
  const item = sim.place(timeline, { clip, inFrame: 100, outFrame: 400, recordFrame: 250 });
  sim.setPlayhead(timeline, 300);
  return { sim, clip, other, timeline, item, lead };
}

/** Three shots, a text line inside the second and a black cue inside the third, as the engine plans them. */
export function tagPlan(overrides: Partial<TagPlan> = {}): TagPlan {
  return {
    clipPath: MEDIA_PATH,
    frameRate: "25/1",
    markers: [
      { name: "Einstellung 1", comment: "", startFrame: 0, durationFrames: 120, kind: "shot", color: "blue" },
      { name: "Einstellung 2", comment: "Schnitt", startFrame: 120, durationFrames: 180, kind: "shot", color: "blue" },
      {
        name: "Rathaus Köln",
        comment: "ocr 92%",
        startFrame: 130,
        durationFrames: 50,
        kind: "ocr.line",
        color: "yellow",
      },
      { name: "Einstellung 3", comment: "Schnitt", startFrame: 300, durationFrames: 450, kind: "shot", color: "blue" },
      {
        name: "Schwarzbild",
        comment: "technical 100%",
        startFrame: 700,
        durationFrames: 50,
        kind: "cue.black",
        color: "red",
      },
    ],
    keywords: ["Rathaus", "Köln"],
    description: "3 Einstellungen, 30 s; Text im Bild: Rathaus Köln.",
    logComment: "Schwarzbild 700-750",
    withdrawnKeywords: ["Dom"],
    ...overrides,
  };
}
