/**
 * Upper bounds for what crosses the wire. They keep a buggy or hostile client from making the engine
 * hold megabytes per field; each is far above anything a real panel sends.
 */
export const WireLimits = {
  /** Longest file path accepted (Linux PATH_MAX; Windows long paths stay below it). */
  path: 4096,
  /** Request ids, job ids and progress tokens. */
  id: 128,
  /** Method names, stages, kinds, analyzer ids, versions, capabilities. */
  name: 128,
  /** A tag label a person or an analyzer produced (OCR lines can be long). */
  label: 1000,
  /** A search query. */
  query: 1000,
  /** Human-readable text: error messages, progress messages, titles. */
  text: 4000,
  /** Most items any list request returns. */
  listLimit: 1000,
  /** Largest incoming message, in UTF-16 code units of the received text. */
  messageChars: 1_048_576,
} as const;
