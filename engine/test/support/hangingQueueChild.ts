/**
 * Child process of JobQueue.test.ts: queues one job whose runner never ends, says "running" once
 * it runs, and waits to be killed. Usage: node --import tsx hangingQueueChild.ts <catalog> <clip path>
 */
import { SqliteCatalog } from "../../src/catalog/SqliteCatalog.ts";
import { JobQueue } from "../../src/jobs/JobQueue.ts";

const [file, clipPath] = process.argv.slice(2);
if (!file || !clipPath) throw new Error("usage: hangingQueueChild.ts <catalog file> <clip path>");
const catalog = SqliteCatalog.open(file);
const queue = JobQueue.open(catalog.database, () => new Promise<never>(() => {}));
queue.onEvent((event) => {
  if (event.type === "progress" && event.job.state === "running") process.stdout.write(`running ${event.job.id}\n`);
});
queue.enqueue({ path: clipPath, options: { language: "de", write: "none", shotMode: "auto" } });
queue.start();
// A pending promise alone does not keep Node alive; the parent ends this process with SIGKILL.
setInterval(() => {}, 60_000);
