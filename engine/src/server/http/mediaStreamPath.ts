/**
 * The URL path the engine streams a media file at: `/media/<clip id>` for a catalogued clip, or
 * `/media/<the real path, percent-encoded as one segment>` for a file in an allowed folder. The
 * panel adds the token (`?token=` or a bearer header).
 */
export function mediaStreamPath(target: string | number): string {
  return `/media/${encodeURIComponent(String(target))}`;
}
