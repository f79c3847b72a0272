import type { LineBox } from "./textTracks.ts";

/**
 * What a line of on-screen text is to the story. "story": lower thirds, titles, banners and cards,
 * the graphics an editor's newsroom puts on screen to say what the picture is; "incidental": small
 * text that happens to be in the picture (a sign, a shop front, a screen in the background).
 */
export type LineRole = "story" | "incidental";

/** Text at least this tall (box height / frame height) was set to be read: a title or a lower third. */
const TITLE_HEIGHT = 0.03;
/** In the lower third band, news graphics are read down to this height (a role line under a name). */
const LOWER_THIRD_HEIGHT = 0.02;
/** The lower third band starts this far down the frame. */
const LOWER_THIRD_TOP = 0.6;

/** Role of a line from where it sits and how tall it is; a line without a box counts as story text. */
export function lineRole(box: LineBox | undefined, frameHeight: number): LineRole {
  if (!box || frameHeight <= 0) return "story";
  const height = box.height / frameHeight;
  const centre = (box.y + box.height / 2) / frameHeight;
  if (height >= TITLE_HEIGHT) return "story";
  return centre >= LOWER_THIRD_TOP && height >= LOWER_THIRD_HEIGHT ? "story" : "incidental";
}
