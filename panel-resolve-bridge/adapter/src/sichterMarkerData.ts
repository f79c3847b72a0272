/**
 * Every marker Sichter adds carries `customData` "sichter:<id>": that, and nothing else, makes it
 * Sichter's. A re-apply removes exactly those and never a marker an editor made (theirs have no
 * custom data, or their own). The id says which marker of the plan it is:
 * - on a media pool item: "f<frame>", the clip frame the plan put it on;
 * - on a timeline: "<media pool item id>@<record frame>/f<frame>", because a timeline holds
 *   markers of many clip instances and a re-apply replaces those of one instance only.
 */
export const SICHTER_PREFIX = "sichter:";

export function clipMarkerData(clipFrame: number): string {
  return `${SICHTER_PREFIX}f${clipFrame}`;
}

/** Key of one clip instance on a timeline: its media pool item and where it starts. */
export function instanceKey(mediaPoolItemId: string, recordFrame: number): string {
  return `${mediaPoolItemId}@${recordFrame}`;
}

export function timelineMarkerData(instance: string, clipFrame: number): string {
  return `${SICHTER_PREFIX}${instance}/f${clipFrame}`;
}

export function isSichterData(customData: string): boolean {
  return customData.startsWith(SICHTER_PREFIX);
}

/** The media pool item a timeline marker of Sichter's belongs to, or null for other data. */
export function instanceOf(customData: string): { mediaPoolItemId: string; recordFrame: number } | null {
  const match = /^sichter:(.+)@(-?\d+)\/f\d+$/.exec(customData);
  return match ? { mediaPoolItemId: match[1]!, recordFrame: Number(match[2]) } : null;
}
