import type { UiError } from "../UiError.ts";

/**
 * A clip's error as the auto-mark summary shows it, under the clip's name: the clip's full path in
 * the message is replaced by its file name. In a docked panel a path fills lines with folders the
 * editor chose a moment ago (and with machine-specific temporary folders in a host's own layout);
 * the name says which clip it was.
 */
export function errorAboutClip(error: UiError, clip: { readonly path: string; readonly name: string }): UiError {
  const params = error.params
    ? Object.fromEntries(
        Object.entries(error.params).map(([key, value]) => [key, value === clip.path ? clip.name : value]),
      )
    : null;
  return { ...error, params, message: error.message.split(clip.path).join(clip.name) };
}
