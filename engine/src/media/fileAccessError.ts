import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../core/SichterError.ts";
import { controlCharacterError, nulInPathError, symlinkLoopError, tooLongPathError } from "./invalidPath.ts";

/**
 * Turns a file system error on a user-given path into a stable code an editor can act on: not
 * there, not readable, not a file, or a path that cannot name a file at all (and why).
 */
export function fileAccessError(error: unknown, absolute: string): SichterError {
  const nul = nulInPathError(absolute);
  if (nul) return nul;
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case "ENOENT":
    case "ENOTDIR":
      return (
        controlCharacterError(absolute) ??
        new SichterError(ErrorCode.FILE_NOT_FOUND, { path: absolute }, { cause: error })
      );
    case "ENAMETOOLONG":
      return tooLongPathError(absolute);
    case "ELOOP":
      return symlinkLoopError(absolute);
    case "EACCES":
    case "EPERM":
      return new SichterError(ErrorCode.PERMISSION_DENIED, { path: absolute }, { cause: error });
    case "EISDIR":
      return new SichterError(ErrorCode.NOT_A_FILE, { path: absolute }, { cause: error });
    default:
      return new SichterError(ErrorCode.INTERNAL, { detail: `${code ?? "error"} on ${absolute}` }, { cause: error });
  }
}
