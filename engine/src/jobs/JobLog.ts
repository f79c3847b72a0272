/** Where the queue reports what it did to jobs on its own (recovery, failures); no personal data. */
export type JobLog = (level: "info" | "warn" | "error", message: string, fields?: Record<string, unknown>) => void;

export const silentJobLog: JobLog = () => {};
