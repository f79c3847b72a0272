/**
 * Child process of exitAfterDrain.test.ts: an engine that has stopped while something it does not
 * know of still holds the event loop (a ref'd interval). Usage: node --import tsx
 * lingeringProcessChild.ts <log folder> <drain ms>
 */
import { exitAfterDrain } from "../src/server/exitAfterDrain.ts";
import { Logger } from "../src/server/Logger.ts";

const [dir, drain] = process.argv.slice(2);
if (!dir || !drain) throw new Error("usage: lingeringProcessChild.ts <log folder> <drain ms>");
setInterval(() => {}, 60_000);
exitAfterDrain(new Logger({ dir }), Number(drain));
process.stdout.write("stopped\n");
