/**
 * The video stream's packets in presentation order, read by ffprobe without decoding. This is the
 * cheap, exact source of frame count, frame times and keyframe positions: containers store them in
 * their index, so a one-hour file is scanned in about a second.
 */
export interface PacketIndex {
  /** Presentation time of each frame in seconds from the first frame. */
  readonly frameTimes: number[];
  /** Indices (into frameTimes) of packets flagged as keyframes. */
  readonly keyframes: number[];
  /** Compressed size of each frame's packet in bytes, in presentation order. */
  readonly sizes: number[];
  /** Presentation time of the first frame in the stream's own timeline, in seconds. */
  readonly firstPtsSeconds: number;
  /** How far decode timestamps run behind presentation (B-frame reordering), in seconds. */
  readonly decodeDelaySeconds: number;
}

interface RawPacket {
  pts: number;
  dts: number;
  key: boolean;
  size: number;
}

/**
 * Parses `ffprobe -show_entries packet=pts,dts,flags,size -of csv=p=0` output. Packets flagged 'D'
 * (discarded by an MP4 edit list) are not frames of the presentation; packets without pts (some
 * MPEG-2 and AVI streams) fall back to dts.
 */
export function parsePacketCsv(csv: string, timeBase: number): PacketIndex {
  const packets: RawPacket[] = [];
  for (const line of csv.split("\n")) {
    if (line.length === 0) continue;
    const [ptsText, dtsText, sizeText, flags = ""] = line.split(",");
    if (flags.includes("D")) continue;
    const pts = toInt(ptsText) ?? toInt(dtsText);
    if (pts === undefined) continue;
    packets.push({ pts, dts: toInt(dtsText) ?? pts, key: flags.includes("K"), size: toInt(sizeText) ?? 0 });
  }
  packets.sort((a, b) => a.pts - b.pts);
  const first = packets[0]?.pts ?? 0;
  const frameTimes: number[] = new Array(packets.length);
  const keyframes: number[] = [];
  const sizes: number[] = new Array(packets.length);
  packets.forEach((p, i) => {
    frameTimes[i] = (p.pts - first) * timeBase;
    sizes[i] = p.size;
    if (p.key) keyframes.push(i);
  });
  const delay = packets.reduce((max, p) => Math.max(max, p.pts - p.dts), 0);
  return { frameTimes, keyframes, sizes, firstPtsSeconds: first * timeBase, decodeDelaySeconds: delay * timeBase };
}

function toInt(text: string | undefined): number | undefined {
  if (text === undefined || text === "" || text === "N/A") return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/**
 * True when frame durations vary beyond timestamp rounding. Container time bases quantise a
 * constant 29.97 rate into durations that differ by one tick, so a tolerance is needed; a real VFR
 * file (phone footage, screen recordings) has durations that differ by whole percent.
 */
export function isVariableFrameRate(frameTimes: readonly number[], nominalFrameDuration: number): boolean {
  if (frameTimes.length < 3) return false;
  const tolerance = Math.max(nominalFrameDuration * 0.05, 1e-4);
  let deviating = 0;
  for (let i = 1; i < frameTimes.length; i++) {
    const duration = frameTimes[i]! - frameTimes[i - 1]!;
    if (Math.abs(duration - nominalFrameDuration) > tolerance) deviating++;
  }
  // A few odd durations at splice points or the end of a file do not make a file VFR.
  return deviating > Math.max(2, frameTimes.length * 0.01);
}
