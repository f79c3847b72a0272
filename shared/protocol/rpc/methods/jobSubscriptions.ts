import type { z } from "zod";
import { requestParams } from "../requestParams.ts";
import { JobId } from "../wireTypes.ts";
import { Job } from "./Job.ts";

/*
 * A connection hears `job.progress`, `job.done` and `job.failed` of the jobs it started or joined
 * with `clip.analyze`, and of those it subscribed to here; other connections' jobs stay quiet
 * (`job.list` and `job.get` still show every job). Subscriptions end with the connection: after a
 * reconnect a client subscribes again to the jobs it still follows.
 */

/**
 * `job.subscribe`: hear one job's notifications from now on. Answers with the job as it is now;
 * a job that has already ended sends nothing more, so its answer is the last word.
 */
export const JobSubscribeParams = requestParams({ jobId: JobId });
export type JobSubscribeParams = z.infer<typeof JobSubscribeParams>;
export const JobSubscribeResult = Job;

/**
 * `job.unsubscribe`: hear nothing more of one job on this connection, whether it was subscribed,
 * started or joined here (the job itself runs on). Answers with the job as it is now.
 */
export const JobUnsubscribeParams = requestParams({ jobId: JobId });
export type JobUnsubscribeParams = z.infer<typeof JobUnsubscribeParams>;
export const JobUnsubscribeResult = Job;
