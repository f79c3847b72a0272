// Error codes and their messages alone: what code that only raises or formats errors needs. The
// protocol's index also pulls in every wire schema (and zod), which a process that never speaks
// the wire protocol, such as an extension host, would load for nothing.
export { ErrorCode } from "./ErrorCode.ts";
export { errorMessages, formatErrorMessage, type Locale } from "./messages.ts";
