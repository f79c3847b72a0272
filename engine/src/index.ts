export { toolPath, type Tool } from "./media/binaries.ts";
export { runTool, startTool, lastStderrLine, type ToolExit, type ToolRun } from "./media/ToolProcess.ts";
export { SichterError, isSichterError, toSichterError } from "./core/SichterError.ts";
export { CancellationToken, CancellationTokenSource, throwIfCancelled } from "./core/Cancellation.ts";
export { Progress, subProgress, type ProgressReport } from "./core/Progress.ts";
export { sichterDirs, type SichterDirs } from "./core/SichterHome.ts";
