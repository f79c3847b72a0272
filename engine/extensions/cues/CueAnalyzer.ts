import {
  CancellationToken,
  Progress,
  subProgress,
  type Tag,
  type AnalysisInput,
  type Analyzer,
  type AnalyzerResult,
  FrameStoreReader,
  makeTag,
} from "@sichter/engine/extension-api";
import { CUE_LABELS } from "./cueLabels.ts";
import { detectSilence } from "./detectSilence.ts";
import { findPictureCues, type PictureCueOptions } from "./findPictureCues.ts";

/** How sure each cue is: all are measured, not guessed; bars and freeze rest on a pattern test. */
const CONFIDENCE = { "cue.black": 0.95, "cue.bars": 0.9, "cue.freeze": 0.85, "cue.silence": 0.9 } as const;

/**
 * A held picture that begins within this time of its shot's first frame is a still shot (a card, a
 * graphic, a photo cut in as such), not a freeze frame: a freeze stops a picture that was moving.
 */
export const STILL_SHOT_SECONDS = 0.5;

function isStillShot(cue: { startFrame: number }, shots: AnalysisInput["shots"], within: number): boolean {
  const shot = shots.find((s) => s.startFrame <= cue.startFrame && cue.startFrame < s.endFrame);
  return shot !== undefined && cue.startFrame - shot.startFrame < within;
}

/** Fades the shot detector found: where black may be, though no encoder held it. */
function fadesOf(shots: AnalysisInput["shots"]): Array<{ startFrame: number; endFrame: number }> {
  return shots.flatMap((s) =>
    s.transition?.type === "fade" ? [{ startFrame: s.transition.startFrame, endFrame: s.transition.endFrame }] : [],
  );
}

/**
 * Technical cues an editor logs first: black, colour bars, freeze frames and silence, as tags with
 * exact frame ranges. See `findPictureCues` and `detectSilence` for how each is found cheaply.
 */
export class CueAnalyzer implements Analyzer {
  readonly id = "sichter.cues";
  readonly version = "1.1.0";

  constructor(private readonly options: PictureCueOptions = {}) {}

  async analyze(
    input: AnalysisInput,
    progress: Progress = Progress.None,
    token: CancellationToken = CancellationToken.None,
  ): Promise<AnalyzerResult> {
    const { media, language } = input;
    const [num, den] = media.frameRate.split("/").map(Number) as [number, number];
    const stillShotFrames = Math.round((STILL_SHOT_SECONDS * num) / den);
    const isStill = (frame: number): boolean => isStillShot({ startFrame: frame }, input.shots, stillShotFrames);
    const frameStore = new FrameStoreReader(input.frameStore);
    // Audio and the picture pass run side by side: one is ffmpeg's audio decode, the other ours.
    const [picture, silence] = await Promise.all([
      findPictureCues(
        media,
        {
          isStillShot: isStill,
          fades: fadesOf(input.shots),
          frameStore,
          ...this.options,
        },
        subProgress(progress, 0, 0.95),
        token,
      ),
      detectSilence(media, token),
    ]).finally(() => frameStore.dispose());
    const tags: Tag[] = [];
    const add = (kind: keyof typeof CONFIDENCE, startFrame: number, endFrame: number): void => {
      tags.push(
        makeTag({
          kind,
          label: CUE_LABELS[kind],
          language,
          source: "technical",
          confidence: CONFIDENCE[kind],
          startFrame,
          endFrame,
          producer: this.id,
          version: this.version,
        }),
      );
    };
    for (const cue of picture.cues) {
      if (cue.kind === "cue.freeze" && isStill(cue.startFrame)) continue;
      add(cue.kind, cue.startFrame, cue.endFrame);
    }
    for (const range of silence) add("cue.silence", range.startFrame, range.endFrame);
    tags.sort((a, b) => a.startFrame - b.startFrame || a.kind.localeCompare(b.kind));
    progress.report({ stage: "cues", fraction: 1 });
    return { tags };
  }
}
