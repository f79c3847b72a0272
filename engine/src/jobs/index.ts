/** The engine's durable job queue (tables in the catalog file; see migration step 3). */
export { JobQueue, type JobEvent, type JobQueueOptions, type JobRunner } from "./JobQueue.ts";
export { FINISHED_STATES, isFinished, type JobParams, type JobRecord, type JobState } from "./JobRecord.ts";
export type { JobLog } from "./JobLog.ts";
export { toWireJob } from "./toWireJob.ts";
