import { ffmpeg } from "../../../test/fixtures.ts";

/** One shot of a test clip: a lavfi source chain (endless or long enough) and its plain frames. */
export interface ShotSource {
  readonly chain: string;
  readonly frames: number;
}

/** How a shot is entered: a hard cut, or a dissolve of `frames` frames from the shot before. */
export type ShotJoin = { readonly type: "cut" } | { readonly type: "dissolve"; readonly frames: number };

export const SIZE = "320x180";
export const RATE = 25;
/** Fixed GOP without scene-cut keyframes: a change inside a GOP must be found from the keyframes. */
export const FIXED_GOP = [
  "-c:v",
  "libx264",
  "-preset",
  "ultrafast",
  "-g",
  "24",
  "-sc_threshold",
  "0",
  "-pix_fmt",
  "yuv420p",
];

/**
 * Writes shots joined by cuts or dissolves (a dissolve mixes the next `frames` pictures of both
 * shots linearly) and returns where each transition lies: [start, end) in frames, a cut empty at
 * its frame. Sources are lavfi chains at SIZE and RATE, e.g. "testsrc2=s=320x180:r=25".
 */
export async function makeShotClip(
  file: string,
  shots: readonly ShotSource[],
  joins: readonly ShotJoin[],
  codecArgs: readonly string[] = FIXED_GOP,
): Promise<Array<{ type: "cut" | "dissolve"; start: number; end: number }>> {
  const chains: string[] = [];
  const parts: string[] = [];
  const transitions: Array<{ type: "cut" | "dissolve"; start: number; end: number }> = [];
  let position = 0;
  shots.forEach((shot, i) => {
    const before = i > 0 ? joins[i - 1]! : undefined;
    const head = before?.type === "dissolve" ? before.frames : 0;
    const after = joins[i];
    const tail = after?.type === "dissolve" ? after.frames : 0;
    // Numbered pictures at the clip's rate: looped stills come with timestamps that do not advance.
    chains.push(`${shot.chain},settb=expr=1/${RATE},setpts=N,format=yuv420p,setsar=1,split=2[s${i}h][s${i}x]`);
    // [s{i}h]: the head mixed into the dissolve before; [s{i}x]: this shot's plain frames and its tail.
    chains.push(`[s${i}h]trim=end_frame=${Math.max(1, head)},setpts=PTS-STARTPTS[h${i}]`);
    chains.push(
      `[s${i}x]trim=start_frame=${head}:end_frame=${head + shot.frames + tail},setpts=PTS-STARTPTS,split=2[p${i}][t${i}]`,
    );
    chains.push(`[p${i}]trim=end_frame=${shot.frames},setpts=PTS-STARTPTS[plain${i}]`);
    chains.push(`[t${i}]trim=start_frame=${shot.frames},setpts=PTS-STARTPTS[tail${i}]`);
    if (before) {
      if (before.type === "dissolve") {
        const n = before.frames;
        chains.push(`[tail${i - 1}][h${i}]blend=all_expr='A*(1-(N+1)/${n + 1})+B*(N+1)/${n + 1}'[mix${i}]`);
        parts.push(`[mix${i}]`);
        transitions.push({ type: "dissolve", start: position, end: position + n });
        position += n;
      } else {
        transitions.push({ type: "cut", start: position, end: position });
        chains.push(`[tail${i - 1}]nullsink`);
      }
    }
    if (!before || before.type !== "dissolve") chains.push(`[h${i}]nullsink`);
    parts.push(`[plain${i}]`);
    position += shot.frames;
  });
  chains.push(`[tail${shots.length - 1}]nullsink`);
  // Source filters need no input: the whole clip is one filter graph.
  await ffmpeg([
    "-filter_complex",
    `${chains.join(";")};${parts.join("")}concat=n=${parts.length}:v=1:a=0[out]`,
    "-map",
    "[out]",
    ...codecArgs,
    file,
  ]);
  return transitions;
}
