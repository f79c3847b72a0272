/**
 * What the Sichter panel can do in Premiere Pro, the same in both shells (UXP and CEP). The current
 * clip's events are polled where Premiere has none (the playhead, and everything in ExtendScript),
 * but the panel is told of every change all the same. Each shell's adapter declares it as its
 * HostCapabilities.
 */
export const PREMIERE_CAPABILITIES = {
  currentClipEvents: true,
  mediaBrowser: false,
  sequenceClips: true,
  reveal: true,
  importMedia: true,
  apply: { markers: true, xmp: true, projectColumn: true },
  // Project panel selection or the clip under the playhead: both shells have setSource.
  clipSource: true,
} as const;
