import { drawtextValue } from "../DrawText.ts";
import { boldFont, regularFont } from "../Fonts.ts";
import { Random } from "../Random.ts";
import { ADDRESSES, LOGOS, lowerThirdLines, tickerText } from "./newsKeywordTexts.ts";

/**
 * Re-broadcast news for the keyword benchmark: 4 to 5 short shots with lower thirds, under a
 * channel's persistent overlays (a corner logo, a URL watermark, a clock, a ticker), in the sizes
 * and compression footage arrives in. The truth says which text is an overlay and which is a lower
 * third, with the frames each is on screen.
 */
export const KEYWORD_FAMILIES = ["hd-720", "ticker-640", "watermark-480", "small-480", "busy-640"] as const;
export type KeywordFamily = (typeof KEYWORD_FAMILIES)[number];

export interface ShownText {
  readonly text: string;
  readonly kind: "lower-third" | "overlay";
  readonly startFrame: number;
  /** Exclusive. */
  readonly endFrame: number;
}

export interface KeywordClipTruth {
  readonly seed: number;
  readonly family: KeywordFamily;
  readonly width: number;
  readonly height: number;
  readonly frames: number;
  readonly shotStarts: readonly number[];
  readonly texts: readonly ShownText[];
}

export interface KeywordClip {
  readonly truth: KeywordClipTruth;
  /** ffmpeg arguments after the output options' file name is appended. */
  readonly args: readonly string[];
}

interface FamilyStyle {
  readonly width: number;
  readonly height: number;
  readonly crf: number;
  /** Lower third name size as a share of the frame height. */
  readonly nameSize: number;
  readonly boxAlpha: number;
  readonly overlays: ReadonlyArray<"logo" | "address" | "clock" | "ticker">;
  readonly busy: boolean;
}

const STYLES: Record<KeywordFamily, FamilyStyle> = {
  "hd-720": {
    width: 1280,
    height: 720,
    crf: 23,
    nameSize: 0.05,
    boxAlpha: 0.8,
    overlays: ["logo", "address"],
    busy: false,
  },
  "ticker-640": {
    width: 640,
    height: 360,
    crf: 32,
    nameSize: 0.055,
    boxAlpha: 0.8,
    overlays: ["logo", "clock", "ticker"],
    busy: false,
  },
  "watermark-480": {
    width: 480,
    height: 270,
    crf: 34,
    nameSize: 0.06,
    boxAlpha: 0.85,
    overlays: ["logo", "address"],
    busy: false,
  },
  "small-480": {
    width: 480,
    height: 270,
    crf: 30,
    nameSize: 0.048,
    boxAlpha: 0.85,
    overlays: ["address"],
    busy: false,
  },
  "busy-640": {
    width: 640,
    height: 360,
    crf: 30,
    nameSize: 0.055,
    boxAlpha: 0.4,
    overlays: ["clock", "address"],
    busy: true,
  },
};

const RATE = 25;

/**
 * Text-free moving pictures from ffmpeg's sources (none draws characters of its own), made at a
 * quarter of the frame or less and scaled up: a mandelbrot at 720p would take minutes per clip.
 */
function background(random: Random, width: number, height: number, busy: boolean): string {
  const [qw, qh] = [Math.round(width / 4), Math.round(height / 4)];
  const up = `scale=${width}:${height}`;
  const calm = [
    () =>
      `color=c=0x${random.int(0x202020, 0x806060).toString(16)}:s=${qw}x${qh}:r=${RATE},noise=alls=${random.int(8, 20)}:allf=t,${up}`,
    () =>
      `life=s=${qw}x${qh}:r=${RATE}:seed=${random.int(1, 1e6)}:mold=10:life_color=#5a7fa0:death_color=#20304a,${up}`,
    () => `mandelbrot=size=${qw}x${qh}:rate=${RATE}:start_scale=${(random.int(2, 6) / 2).toFixed(1)},${up}`,
  ];
  const noisy = [
    () =>
      `cellauto=s=${Math.round(width / 2)}x${Math.round(height / 2)}:r=${RATE}:rule=${random.pick([30, 90, 110, 150])},${up}`,
    () =>
      `life=s=${Math.round(width / 2)}x${Math.round(height / 2)}:r=${RATE}:seed=${random.int(1, 1e6)}:mold=5:life_color=#c0c0c0:death_color=#303030,${up}`,
    () => `mandelbrot=size=${qw * 2}x${qh * 2}:rate=${RATE}:start_scale=0.5,${up}`,
  ];
  return random.pick(busy ? noisy : calm)();
}

const text = (
  value: string,
  size: number,
  x: string,
  y: string,
  enable: string | undefined,
  bold = true,
  colour = "white",
): string =>
  [
    `drawtext=fontfile=${drawtextValue((bold ? boldFont() : regularFont()).path)}`,
    "expansion=none",
    `fontsize=${size}`,
    `fontcolor=${colour}`,
    `x=${x}`,
    `y=${y}`,
    `text=${drawtextValue(value)}`,
    ...(enable ? [`enable='${enable}'`] : []),
  ].join(":");

/** The clip of one seed: its family is the seed's place in KEYWORD_FAMILIES, everything else drawn from the seed. */
export function keywordClip(seed: number): KeywordClip {
  const random = new Random(seed * 7919 + 17);
  const family = KEYWORD_FAMILIES[seed % KEYWORD_FAMILIES.length]!;
  const style = STYLES[family];
  const { width: w, height: h } = style;
  const px = (share: number): number => Math.max(8, Math.round(share * h));
  const shotCount = random.int(4, 5);
  const shotStarts: number[] = [];
  const lengths: number[] = [];
  let frames = 0;
  for (let i = 0; i < shotCount; i++) {
    shotStarts.push(frames);
    const length = random.int(65, 90);
    lengths.push(length);
    frames += length;
  }
  // Each source stops after its shot: an endless one would be rendered while concat waits for it.
  const inputs = lengths.flatMap((length) => [
    "-t",
    ((length + 2) / RATE).toFixed(2),
    "-f",
    "lavfi",
    "-i",
    background(random, w, h, style.busy),
  ]);
  const graph: string[] = lengths.map(
    (length, i) => `[${i}]trim=end_frame=${length},setpts=PTS-STARTPTS,setsar=1,format=yuv420p[s${i}]`,
  );
  const draw: string[] = [];
  const texts: ShownText[] = [];

  // Lower thirds: most shots have one, from a little after the cut to a little before the next.
  lengths.forEach((length, i) => {
    if (random.next() > 0.85) return;
    const start = shotStarts[i]! + random.int(5, 15);
    const end = shotStarts[i]! + length - random.int(6, 12);
    const { lines } = lowerThirdLines(random);
    const on = `between(n,${start},${end - 1})`;
    const name = px(style.nameSize);
    const role = Math.round(name * 0.78);
    const top = Math.round(h * 0.72);
    const boxHeight = lines.length === 2 ? Math.round(name * 1.3 + role * 1.5) : Math.round(name * 1.9);
    draw.push(
      `drawbox=x=0:y=${top}:w=${Math.round(w * 0.68)}:h=${boxHeight}:color=0x0c1a3a@${style.boxAlpha}:t=fill:enable='${on}'`,
    );
    draw.push(text(lines[0]!, name, `${Math.round(w * 0.04)}`, `${top + Math.round(name * 0.35)}`, on));
    if (lines[1])
      draw.push(text(lines[1], role, `${Math.round(w * 0.04)}`, `${top + Math.round(name * 1.45)}`, on, false));
    for (const line of lines) texts.push({ text: line, kind: "lower-third", startFrame: start, endFrame: end });
  });

  // The channel's overlays stay for the whole clip.
  const small = px(0.045);
  const overlay = (value: string, startFrame = 0, endFrame = frames): void =>
    void texts.push({ text: value, kind: "overlay", startFrame, endFrame });
  for (const kind of style.overlays) {
    if (kind === "logo") {
      const logo = random.pick(LOGOS);
      draw.push(
        `drawbox=x=${Math.round(w * 0.03)}:y=${Math.round(h * 0.04)}:w=${Math.round(small * (logo.length * 0.75 + 1))}:h=${Math.round(small * 1.7)}:color=0xa01010@0.75:t=fill`,
      );
      draw.push(
        text(logo, small, `${Math.round(w * 0.03 + small * 0.5)}`, `${Math.round(h * 0.04 + small * 0.35)}`, undefined),
      );
      overlay(logo);
    } else if (kind === "address") {
      const address = random.pick(ADDRESSES);
      draw.push(
        text(address, small, `w-tw-${Math.round(w * 0.03)}`, `${Math.round(h * 0.05)}`, undefined, true, "white@0.85"),
      );
      overlay(address);
    } else if (kind === "clock") {
      // A clock in the top right corner under the address's line: one minute on per shot.
      const hour = random.int(6, 22);
      let minute = random.int(0, 50);
      shotStarts.forEach((start, i) => {
        const end = start + lengths[i]!;
        const value = `${String(hour).padStart(2, "0")}:${String(minute++).padStart(2, "0")}`;
        draw.push(
          text(
            value,
            small,
            `w-tw-${Math.round(w * 0.03)}`,
            `${Math.round(h * 0.14)}`,
            `between(n,${start},${end - 1})`,
          ),
        );
        overlay(value, start, end);
      });
    } else {
      const ticker = tickerText(random);
      const strip = Math.round(h * 0.91);
      draw.push(`drawbox=x=0:y=${strip}:w=${w}:h=${h - strip}:color=0x101010@0.85:t=fill`);
      draw.push(
        text(
          ticker,
          Math.round((h - strip) * 0.62),
          `'w-mod(n*${Math.max(2, Math.round(w / 160))},w+tw)'`,
          `${strip + Math.round((h - strip) * 0.18)}`,
          undefined,
          false,
        ),
      );
      overlay(ticker);
    }
  }
  graph.push(
    `${lengths.map((_, i) => `[s${i}]`).join("")}concat=n=${lengths.length}:v=1${draw.length > 0 ? `,${draw.join(",")}` : ""}[out]`,
  );
  return {
    truth: { seed, family, width: w, height: h, frames, shotStarts, texts },
    args: [
      ...inputs,
      "-filter_complex",
      graph.join(";"),
      "-map",
      "[out]",
      "-frames:v",
      String(frames),
      "-c:v",
      "libx264",
      "-preset",
      "veryfast",
      "-crf",
      String(style.crf),
      "-g",
      "50",
      "-pix_fmt",
      "yuv420p",
      "-r",
      String(RATE),
    ],
  };
}
