import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startEngine, type EngineProcess } from "./engineProcess.ts";

/** An engine whose SICHTER_HOME (or a folder in it) is a small disk of its own, and the test's hands on that disk. */
export interface SmallDiskEngine extends EngineProcess {
  /** `file` (a path under the home) as this process reaches it. */
  seen(file: string): string;
  /** Writes a filler file until the disk refuses: the kernel's own ENOSPC from then on. */
  fill(): void;
  /** Removes the filler. */
  free(): void;
}

/**
 * Starts `sichter serve` in a mount namespace of its own (util-linux `unshare`; as root directly,
 * otherwise in a user namespace, which unprivileged users may create on most Linux systems) with
 * a tmpfs of `bytes` mounted over `disk` (the home, or a folder in it). The disk vanishes with the
 * process: nothing to unmount, even after a crash. The test reaches its files through
 * /proc/<pid>/root (SQLite resolves that link and cannot open a catalog there).
 */
export async function startEngineOnSmallDisk(home: string, bytes: number, disk = home): Promise<SmallDiskEngine> {
  fs.mkdirSync(disk, { recursive: true });
  const namespace = process.getuid?.() === 0 ? ["--mount"] : ["--user", "--map-root-user", "--mount"];
  const probe = spawnSync("unshare", [...namespace, "true"], { encoding: "utf8" });
  if (probe.status !== 0) {
    throw new Error(
      `this test needs a private mount namespace (unshare ${namespace.join(" ")}): ${probe.error?.message ?? probe.stderr}`,
    );
  }
  const mountThenRun = 'mount -t tmpfs -o size="$1",mode=0700 sichter-small-disk "$2" && shift 2 && exec "$@"';
  const seenAs = (pid: number, file: string) => path.join(`/proc/${pid}/root`, file);
  const engine = await startEngine(home, [], {
    prefix: ["unshare", ...namespace, "sh", "-c", mountThenRun, "sh", String(bytes), disk],
    seenAs,
  });
  const seen = (file: string) => seenAs(engine.child.pid!, file);
  const filler = seen(path.join(disk, "filler"));
  return {
    ...engine,
    seen,
    fill: () => {
      const fd = fs.openSync(filler, "a");
      try {
        for (const size of [1 << 20, 4096, 512]) {
          const chunk = Buffer.alloc(size, 0x5a);
          try {
            for (;;) fs.writeSync(fd, chunk);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
          }
        }
      } finally {
        fs.closeSync(fd);
      }
    },
    free: () => fs.rmSync(filler, { force: true }),
  };
}
