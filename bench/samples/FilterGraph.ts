import { captionFilters } from "./Captions.ts";
import { lookGraph } from "./Looks.ts";
import { ptsExpression, type FrameTiming } from "./FrameTiming.ts";
import { AUDIO_RATE, programAudio, programAudioStatements } from "./ProgramAudio.ts";
import type { FrameRange, Layout, PlacedShot, Rational, ShotEvent, Timeline, TransitionSpec } from "./Timeline.ts";

export interface GraphOptions {
  /** Strength of the temporal grain; without it every static pixel repeats exactly, unlike any camera. */
  readonly noise: number;
  /** Irregular frame times; absent for constant frame rate. */
  readonly timing?: FrameTiming;
  /**
   * true: a 1 kHz tone of exactly the video's length (MXF and MOV carry sound in real life).
   * "program": tone, silence and a noise bed following the pictures (ProgramAudio.ts).
   */
  readonly audio?: boolean | "program";
  /**
   * Frames left without grain: electronically made pictures (bars, black) and freeze frames, which
   * repeat one picture exactly in real footage too.
   */
  readonly clean?: readonly FrameRange[];
}

export interface FilterGraph {
  /** The -filter_complex argument; all pictures come from lavfi sources inside it. */
  readonly filterComplex: string;
  readonly videoLabel: string;
  readonly audioLabel?: string;
}

/**
 * Turns a timeline into one filter graph. Every shot has a single source whose pictures are split
 * into head (shown during the incoming transition), plain body and tail (outgoing transition), so a
 * dissolve continues the same motion instead of hiding a second, seam-like cut inside it.
 */
export function buildFilterGraph(timeline: Timeline, layout: Layout, options: GraphOptions): FilterGraph {
  const unit = timeline.fieldsPerFrame;
  const pictureRate: Rational = { num: timeline.rate.num * unit, den: timeline.rate.den };
  const statements: string[] = [];
  const segments: string[] = [];
  const g: Geometry = { width: timeline.width, height: timeline.height, rate: pictureRate, unit };

  layout.shots.forEach((shot, index) => {
    statements.push(...shotStatements(shot, index, g));
    const incoming = layout.transitions[index - 1];
    if (incoming) {
      const parts = transitionStatements(incoming.spec, index, g);
      statements.push(...parts.statements);
      segments.push(...parts.segments);
    }
    segments.push(`s${index}body`);
  });

  const final: string[] = [
    `concat=n=${segments.length}:v=1:a=0`,
    // Frame-exact timestamps by count: concat derives segment lengths from mean frame durations.
    ...retime(pictureRate),
  ];
  if (unit === 2) {
    // Output frame k takes its top field from picture 2k and its bottom field from 2k+1.
    final.push("tinterlace=mode=interleave_top", "setfield=tff", ...retime(timeline.rate));
  }
  final.push(...eventFilters(layout), ...layout.texts.flatMap((t) => captionFilters(t, timeline.height)));
  const clean = options.clean ?? [];
  const grainless =
    clean.length > 0 ? `:enable='not(${clean.map((r) => between(r.start, r.end - r.start)).join("+")})'` : "";
  final.push(`noise=alls=${options.noise}:allf=t${grainless}`);
  if (options.timing) {
    final.push(`settb=expr=${options.timing.timeBase.num}/${options.timing.timeBase.den}`);
    final.push(`setpts='${ptsExpression(options.timing, layout.frameCount)}'`);
  }
  final.push("format=yuv420p");
  statements.push(`${segments.map((s) => `[${s}]`).join("")}${final.join(",")}[vout]`);

  if (!options.audio) return { filterComplex: statements.join(";\n"), videoLabel: "vout" };
  if (options.audio === "program") {
    statements.push(...programAudioStatements(programAudio(layout), timeline.rate, "aout"));
    return { filterComplex: statements.join(";\n"), videoLabel: "vout", audioLabel: "aout" };
  }
  const samples = Math.round((layout.frameCount * AUDIO_RATE * timeline.rate.den) / timeline.rate.num);
  statements.push(`sine=frequency=1000:sample_rate=${AUDIO_RATE},atrim=end_sample=${samples}[aout]`);
  return { filterComplex: statements.join(";\n"), videoLabel: "vout", audioLabel: "aout" };
}

interface Geometry {
  readonly width: number;
  readonly height: number;
  /** Rate of generated pictures (fields for interlaced output). */
  readonly rate: Rational;
  readonly unit: number;
}

function retime(rate: Rational): string[] {
  return [`settb=expr=${rate.den}/${rate.num}`, "setpts=N"];
}

function shotStatements(shot: PlacedShot, index: number, g: Geometry): string[] {
  // One extra head picture is generated and dropped: the alpha ramp then starts above zero, so the
  // first transition frame already differs from the outgoing shot.
  const head = shot.headFrames > 0 ? shot.headFrames * g.unit + 1 : 0;
  const body = shot.spec.frames * g.unit;
  const tail = shot.tailFrames * g.unit;
  const s = `s${index}`;
  const { freeze } = shot.spec;
  // A freeze repeats one generated picture; the look generates that many fewer, and its motion
  // carries on after the freeze from where it stopped.
  const held = freeze ? freeze.frames - 1 : 0;
  const look = lookGraph(
    shot.spec.look,
    { ...g, headPictures: head, pictures: head + body + tail - held },
    `${s}_`,
    `${s}raw`,
  );
  // This ffmpeg's loop holds the picture *before* `start` (measured: start=3 repeats picture 2).
  const hold = freeze ? `,loop=loop=${held}:size=1:start=${head + freeze.at + 1},${retime(g.rate).join(",")}` : "";
  const outputs = [head > 0 ? "h" : "", "b", tail > 0 ? "t" : ""].filter((o) => o !== "");
  const statements = [
    ...look,
    `[${s}raw]format=yuv420p,setsar=1,${retime(g.rate).join(",")}${hold}${fanOut(outputs.map((o) => `${s}${o}`))}`,
    `[${s}b]trim=start_frame=${head}:end_frame=${head + body},setpts=PTS-STARTPTS[${s}body]`,
  ];
  if (head > 0) statements.push(`[${s}h]trim=end_frame=${head},${fadeIn(head)}[${s}head]`);
  if (tail > 0) {
    statements.push(
      `[${s}t]trim=start_frame=${head + body}:end_frame=${head + body + tail},setpts=PTS-STARTPTS[${s}tail]`,
    );
  }
  return statements;
}

/** The end of a chain feeding one or more labels. */
function fanOut(labels: string[]): string {
  return labels.length === 1 ? `[${labels[0]}]` : `,split=${labels.length}${labels.map((l) => `[${l}]`).join("")}`;
}

/** Alpha ramp over `pictures` pictures with the first (fully transparent) one dropped. */
function fadeIn(pictures: number): string {
  return `format=yuva420p,fade=t=in:alpha=1:nb_frames=${pictures},trim=start_frame=1,setpts=PTS-STARTPTS`;
}

function transitionStatements(
  spec: TransitionSpec,
  index: number,
  g: Geometry,
): { statements: string[]; segments: string[] } {
  const a = `s${index - 1}tail`;
  const b = `s${index}head`;
  const t = `t${index}`;
  const color = (name: string, pictures: number) =>
    `color=c=${name}:s=${g.width}x${g.height}:r=${g.rate.num}/${g.rate.den},format=yuv420p,trim=end_frame=${pictures},setpts=PTS-STARTPTS`;
  switch (spec.type) {
    case "cut":
      return { statements: [], segments: [] };
    case "dissolve":
      return { statements: [`[${a}][${b}]${blend()}[${t}]`], segments: [t] };
    case "fade": {
      const out = spec.outFrames * g.unit;
      const hold = spec.holdFrames * g.unit;
      const inn = spec.inFrames * g.unit;
      // A ramp of zero frames is a hard cut to or from the colour: no blend, and no tail or head
      // pictures of the neighbouring shot exist to blend.
      const statements = [
        // Fading to a colour is a dissolve into a flat picture of it; the ramp matches the dissolves.
        ...(out > 0
          ? [`${color(spec.color, out + 1)},${fadeIn(out + 1)}[${t}c]`, `[${a}][${t}c]${blend()}[${t}out]`]
          : []),
        ...(inn > 0 ? [`${color(spec.color, inn)}[${t}bg]`, `[${t}bg][${b}]${blend()}[${t}in]`] : []),
      ];
      if (hold > 0) statements.push(`${color(spec.color, hold)}[${t}hold]`);
      const segments = [out > 0 ? `${t}out` : "", hold > 0 ? `${t}hold` : "", inn > 0 ? `${t}in` : ""];
      return { statements, segments: segments.filter((label) => label !== "") };
    }
  }
}

function blend(): string {
  return "overlay=shortest=1:format=yuv420,format=yuv420p";
}

/** Distractors drawn on the finished frames, so `n` is the output frame index. */
function eventFilters(layout: Layout): string[] {
  const events: { event: ShotEvent; start: number }[] = layout.shots.flatMap((shot) =>
    (shot.spec.events ?? []).map((event) => ({ event, start: shot.body.start + event.at })),
  );
  const filters: string[] = [];
  const flashes = events.filter((e) => e.event.type === "flash");
  if (flashes.length > 0) {
    const enable = flashes.map((f) => between(f.start, f.event.frames)).join("+");
    // Nearly white, but the picture still shows through, as with a real flash.
    filters.push(`lutyuv=y='maxval-(maxval-val)/6':u='128+(val-128)/3':v='128+(val-128)/3':enable='${enable}'`);
  }
  for (const { event, start } of events) {
    if (event.type === "lowerThird") {
      const on = `enable='${between(start, event.frames)}'`;
      filters.push(
        `drawbox=x=0:y=ih*0.78:w=iw:h=ih*0.17:color=0x1c2c64@0.9:t=fill:${on}`,
        `drawbox=x=iw*0.06:y=ih*0.81:w=iw*0.42:h=ih*0.06:color=0xf0f0f0@1:t=fill:${on}`,
        `drawbox=x=iw*0.06:y=ih*0.885:w=iw*0.25:h=ih*0.035:color=0xd02020@1:t=fill:${on}`,
      );
    }
    if (event.type === "blink") {
      const half = Math.floor(event.period / 2);
      const on = `enable='${between(start, event.frames)}*lt(mod(n-${start},${event.period}),${half})'`;
      // White with a red core: visible on any background, as a station bug must be.
      filters.push(
        `drawbox=x=iw*0.84:y=ih*0.05:w=iw*0.11:h=ih*0.08:color=0xf4f4f4@1:t=fill:${on}`,
        `drawbox=x=iw*0.85:y=ih*0.065:w=iw*0.09:h=ih*0.05:color=0xe01010@1:t=fill:${on}`,
      );
    }
  }
  return filters;
}

function between(start: number, frames: number): string {
  return `between(n,${start},${start + frames - 1})`;
}
