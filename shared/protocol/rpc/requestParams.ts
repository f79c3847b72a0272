import { z } from "zod";
import { ProgressToken } from "./progressToken.ts";

/**
 * Params of a request: a strict object (an unknown key is a client bug and is reported, not
 * ignored) that may always carry the optional `progressToken` (see progressToken.ts).
 */
export function requestParams<Shape extends z.ZodRawShape>(shape: Shape) {
  return z.strictObject({ ...shape, progressToken: ProgressToken.optional() });
}
