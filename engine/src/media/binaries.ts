import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export type Tool = "ffmpeg" | "ffprobe";

const envVars: Record<Tool, string> = { ffmpeg: "SICHTER_FFMPEG", ffprobe: "SICHTER_FFPROBE" };
const packages: Record<Tool, string> = {
  ffmpeg: "@ffmpeg-installer/ffmpeg",
  ffprobe: "@ffprobe-installer/ffprobe",
};

export function toolEnvVar(tool: Tool): string {
  return envVars[tool];
}

/**
 * Path of the ffmpeg or ffprobe binary: the environment override when set, else the binary shipped
 * inside the npm package for this platform. Resolving does not check that the file runs; spawning
 * does, and reports SICHTER_E_TOOL_MISSING with this path.
 */
export function toolPath(tool: Tool, env: NodeJS.ProcessEnv = process.env): string {
  const override = env[envVars[tool]];
  if (override) return override;
  try {
    return (require(packages[tool]) as { path: string }).path;
  } catch {
    // The installer packages throw when no binary exists for this platform; the spawn that follows
    // then fails with a message naming the environment variable to set.
    return tool;
  }
}
