export { ErrorCode } from "./ErrorCode.ts";
export { errorMessages, formatErrorMessage, type Locale } from "./messages.ts";
