/**
 * Stable error codes. They cross the wire in JSON-RPC `error.data.code`, appear in CLI output and
 * are what hosts branch on, so a code is never renamed or reused once released.
 */
export const ErrorCode = {
  /** The command line was not understood. */
  USAGE: "SICHTER_E_USAGE",
  /** No file or folder exists at the given path. */
  FILE_NOT_FOUND: "SICHTER_E_FILE_NOT_FOUND",
  /** The file exists but the process may not read it. */
  PERMISSION_DENIED: "SICHTER_E_PERMISSION_DENIED",
  /** The path is a directory, device, socket or other non-regular file. */
  NOT_A_FILE: "SICHTER_E_NOT_A_FILE",
  /** The file has zero bytes. */
  PROBE_EMPTY_FILE: "SICHTER_E_PROBE_EMPTY_FILE",
  /** ffprobe does not recognise the file as any media container. */
  PROBE_NOT_MEDIA: "SICHTER_E_PROBE_NOT_MEDIA",
  /** The file is media but has no video stream (audio only, subtitles, data). */
  PROBE_NOT_VIDEO: "SICHTER_E_PROBE_NOT_VIDEO",
  /** The container opens but the video stream cannot be decoded or has no frames. */
  PROBE_CORRUPT: "SICHTER_E_PROBE_CORRUPT",
  /** The ffmpeg or ffprobe binary is missing or cannot be started. */
  TOOL_MISSING: "SICHTER_E_TOOL_MISSING",
  /** ffmpeg or ffprobe exited with an error while working on a file that probed fine. */
  TOOL_FAILED: "SICHTER_E_TOOL_FAILED",
  /** The work was cancelled by the user or a shutdown. */
  CANCELLED: "SICHTER_E_CANCELLED",
  /** A timecode string or frame rate could not be parsed or is out of range. */
  TIMECODE_INVALID: "SICHTER_E_TIMECODE_INVALID",
  /** The output folder cannot be created or written. */
  OUTPUT_NOT_WRITABLE: "SICHTER_E_OUTPUT_NOT_WRITABLE",
  /** Metadata cannot be written into this container (MXF, MTS, AVI, MKV, fragmented MP4). */
  XMP_UNSUPPORTED_FORMAT: "SICHTER_E_XMP_UNSUPPORTED_FORMAT",
  /** exiftool refused or warned while writing; nothing was changed. */
  XMP_WRITE_FAILED: "SICHTER_E_XMP_WRITE_FAILED",
  /** The catalog database cannot be opened or is damaged. */
  CATALOG_UNAVAILABLE: "SICHTER_E_CATALOG_UNAVAILABLE",
  /** The catalog's schema is newer than this Sichter understands. */
  CATALOG_TOO_NEW: "SICHTER_E_CATALOG_TOO_NEW",
  /** No clip, tag or run with this id or path in the catalog. */
  NOT_IN_CATALOG: "SICHTER_E_NOT_IN_CATALOG",
  /** A search query or filter cannot be understood. */
  QUERY_INVALID: "SICHTER_E_QUERY_INVALID",
  /** The OCR model files are missing or cannot be loaded. */
  OCR_MODEL_UNAVAILABLE: "SICHTER_E_OCR_MODEL_UNAVAILABLE",
  /** An analyzer failed on a clip that probed fine; the other analyzers' results stand. */
  ANALYZER_FAILED: "SICHTER_E_ANALYZER_FAILED",
  /** Something that should not happen did; the message carries the detail for a bug report. */
  INTERNAL: "SICHTER_E_INTERNAL",
  /** The engine connection carried no token or the wrong one. */
  UNAUTHORIZED: "SICHTER_E_UNAUTHORIZED",
  /** The engine refused a connection from a web origin it does not know (a drive-by web page?). */
  ORIGIN_REFUSED: "SICHTER_E_ORIGIN_REFUSED",
  /** A message is not JSON, not JSON-RPC 2.0, or a batch (batches are not supported). */
  INVALID_REQUEST: "SICHTER_E_INVALID_REQUEST",
  /** A method's params do not match its schema; the message names the field. */
  INVALID_PARAMS: "SICHTER_E_INVALID_PARAMS",
  /** The engine has no method of that name (panel and engine versions differ?). */
  METHOD_NOT_FOUND: "SICHTER_E_METHOD_NOT_FOUND",
  /** A message is larger than the engine accepts. */
  MESSAGE_TOO_LARGE: "SICHTER_E_MESSAGE_TOO_LARGE",
  /** Too many requests in a short time; retry later. */
  RATE_LIMITED: "SICHTER_E_RATE_LIMITED",
  /** No job with this id (never existed, or already pruned). */
  JOB_NOT_FOUND: "SICHTER_E_JOB_NOT_FOUND",
  /** The job has no result yet (queued or running) or none at all (failed, cancelled, interrupted). */
  JOB_NOT_FINISHED: "SICHTER_E_JOB_NOT_FINISHED",
  /** The engine did not answer a request in time; the work may still finish on the engine. */
  REQUEST_TIMEOUT: "SICHTER_E_REQUEST_TIMEOUT",
  /** The connection to the engine closed before the answer arrived. */
  CONNECTION_CLOSED: "SICHTER_E_CONNECTION_CLOSED",
  /** The engine is shutting down and takes no new work. */
  SHUTTING_DOWN: "SICHTER_E_SHUTTING_DOWN",
  /** The engine's answer does not match this side's protocol schema (versions differ?). */
  RESPONSE_INVALID: "SICHTER_E_RESPONSE_INVALID",
  /** The engine cannot listen on its port: another program (or engine) uses it. */
  PORT_IN_USE: "SICHTER_E_PORT_IN_USE",
  /** An extension's package.json is missing, not JSON, or breaks the manifest schema; the extension is skipped. */
  EXTENSION_MANIFEST_INVALID: "SICHTER_E_EXTENSION_MANIFEST_INVALID",
  /** An extension asks for a Sichter version range this engine is not in; the extension is skipped. */
  EXTENSION_ENGINE_MISMATCH: "SICHTER_E_EXTENSION_ENGINE_MISMATCH",
  /** An extension's contribution threw or returned something invalid; the other results stand. */
  EXTENSION_FAILED: "SICHTER_E_EXTENSION_FAILED",
  /** An extension's contribution ran past its time limit and was stopped. */
  EXTENSION_TIMEOUT: "SICHTER_E_EXTENSION_TIMEOUT",
  /** An extension exceeded its memory limit and was stopped. */
  EXTENSION_OUT_OF_MEMORY: "SICHTER_E_EXTENSION_OUT_OF_MEMORY",
  /** An extension's process ended unexpectedly. */
  EXTENSION_CRASHED: "SICHTER_E_EXTENSION_CRASHED",
  /** No installed extension has this id. */
  EXTENSION_NOT_FOUND: "SICHTER_E_EXTENSION_NOT_FOUND",
  /** A settings file in the config folder (privacy.json, prices.json) is not valid; the message names the field. */
  CONFIG_INVALID: "SICHTER_E_CONFIG_INVALID",
  /** Nothing leaves the machine in local-only mode (the default); enable a provider in the config first. */
  PRIVACY_LOCAL_ONLY: "SICHTER_E_PRIVACY_LOCAL_ONLY",
  /** An endpoint off this machine is not HTTPS; keyframes only travel encrypted. */
  PRIVACY_INSECURE_ENDPOINT: "SICHTER_E_PRIVACY_INSECURE_ENDPOINT",
  /** The endpoint answered with a redirect; Sichter does not follow them (they could lead off HTTPS). */
  PRIVACY_REDIRECT_REFUSED: "SICHTER_E_PRIVACY_REDIRECT_REFUSED",
  /** The endpoint's TLS certificate could not be verified (expired, wrong host, unknown CA). */
  PRIVACY_CERTIFICATE_INVALID: "SICHTER_E_PRIVACY_CERTIFICATE_INVALID",
  /** An outgoing image broke the privacy rules (metadata block, too large); it was not sent. */
  PRIVACY_IMAGE_REFUSED: "SICHTER_E_PRIVACY_IMAGE_REFUSED",
  /** A keyword provider is enabled but lacks a setting it needs (base URL, model, API key). */
  PROVIDER_NOT_CONFIGURED: "SICHTER_E_PROVIDER_NOT_CONFIGURED",
  /** The provider could not be reached or kept failing (network, timeouts, 5xx) after the retries. */
  PROVIDER_UNAVAILABLE: "SICHTER_E_PROVIDER_UNAVAILABLE",
  /** The provider kept answering 429 (rate limit or quota) after the retries. */
  PROVIDER_RATE_LIMITED: "SICHTER_E_PROVIDER_RATE_LIMITED",
  /** The provider refused the request (401, 403, 400: key, model or request wrong); not retried. */
  PROVIDER_REJECTED: "SICHTER_E_PROVIDER_REJECTED",
  /** The provider's answer is not JSON or does not match the expected schema; no tags were taken from it. */
  PROVIDER_RESPONSE_INVALID: "SICHTER_E_PROVIDER_RESPONSE_INVALID",
  /** The provider failed repeatedly; calls are paused for a while (circuit breaker open). */
  PROVIDER_CIRCUIT_OPEN: "SICHTER_E_PROVIDER_CIRCUIT_OPEN",
  /**
   * The sidecar XMP is read-only (no write permission in its mode): the user's sign that it is not
   * to be changed, so it is left as it is. The message names it and how to allow the write.
   */
  XMP_SIDECAR_READ_ONLY: "SICHTER_E_XMP_SIDECAR_READ_ONLY",
  /** The media file to embed XMP into is read-only; it is left as it is (see XMP_SIDECAR_READ_ONLY). */
  XMP_MEDIA_READ_ONLY: "SICHTER_E_XMP_MEDIA_READ_ONLY",
  /**
   * A panel named a media path outside every folder the user allowed (`sichter serve --media`,
   * config/media.json), after symlinks were followed; nothing was read.
   */
  MEDIA_NOT_ALLOWED: "SICHTER_E_MEDIA_NOT_ALLOWED",
  /**
   * Another engine already runs on the same folders (one SICHTER_HOME); two would take each
   * other's jobs and their clients would miss job ends. The message names its pid and port.
   */
  ENGINE_ALREADY_RUNNING: "SICHTER_E_ENGINE_ALREADY_RUNNING",
  /**
   * ffmpeg or ffprobe was ended by a signal Sichter did not send (the OOM killer, another program,
   * a crash): its work was lost, but nothing says the file is damaged. The message names the signal.
   */
  TOOL_KILLED: "SICHTER_E_TOOL_KILLED",
  /**
   * The ffmpeg or ffprobe binary exists but this user may not run it (its mode lacks x for them, as
   * when another user installed Sichter). The message names the file, its mode and the chmod that fixes it.
   */
  TOOL_NOT_EXECUTABLE: "SICHTER_E_TOOL_NOT_EXECUTABLE",
  /**
   * The catalog, its -wal or -shm file or its folder cannot be written (mode, owner, a lock or a
   * read-only disk). The message names every such file and how to fix it; nothing was changed.
   */
  CATALOG_READ_ONLY: "SICHTER_E_CATALOG_READ_ONLY",
  /**
   * The path cannot name a file: it holds a NUL character, a file or folder name in it is longer
   * than file systems allow (255 bytes), the whole path is too long, it loops through symbolic
   * links, or it holds a line break and no such file exists. The message says which.
   */
  PATH_INVALID: "SICHTER_E_PATH_INVALID",
  /**
   * A disk Sichter writes to is full, or the user's quota is used up (temporary frames, the
   * catalog, thumbnails, a sidecar). The message names the file or folder whose disk is full.
   */
  DISK_FULL: "SICHTER_E_DISK_FULL",
  /**
   * The editing application (a host such as DaVinci Resolve) answered a write of a marker or a
   * metadata field with "no", on a frame or field that was free: nothing was changed there.
   */
  HOST_WRITE_REFUSED: "SICHTER_E_HOST_WRITE_REFUSED",
  /**
   * The host answered a write with "done", but reading it back shows something else: some Resolve
   * metadata fields accept a scripted write and keep nothing. The message names what was found.
   */
  HOST_WRITE_NOT_KEPT: "SICHTER_E_HOST_WRITE_NOT_KEPT",
  /**
   * Every frame a Sichter marker could sit on already holds a marker of the editor's (Resolve keeps
   * one marker per frame); Sichter left the editor's marker as it is and did not add its own.
   */
  MARKER_FRAME_OCCUPIED: "SICHTER_E_MARKER_FRAME_OCCUPIED",
  /**
   * A panel or plugin cannot reach its host application's scripting API (Resolve's Workflow
   * Integration did not initialise, no project is open, a call timed out). The message says which.
   */
  HOST_NOT_AVAILABLE: "SICHTER_E_HOST_NOT_AVAILABLE",
  /**
   * The clip shows fewer than one picture per second (a slideshow): timecode counts whole frames
   * per second, so its frames have no timecode and no marker could be placed. The message gives the
   * rate and how to convert the clip to a regular one.
   */
  FRAME_RATE_TOO_LOW: "SICHTER_E_FRAME_RATE_TOO_LOW",
  /**
   * A warning, not a failure: the file is cut short (an upload or copy that stopped). Its container
   * lists more frames than its data holds; the frames there were analysed, the message says how many
   * are missing and from which timecode on.
   */
  MEDIA_TRUNCATED: "SICHTER_E_MEDIA_TRUNCATED",
  /**
   * A newsroom worker took a queued job whose file it cannot see under its path mapping
   * (SICHTER_PATH_MAP): it gave the job back for a worker that can. The message names the path
   * the job was queued with and where this worker looked.
   */
  WORKER_CANNOT_SEE_FILE: "SICHTER_E_WORKER_CANNOT_SEE_FILE",
} as const;

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
