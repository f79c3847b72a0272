import { Worker } from "node:worker_threads";
import { ErrorCode, SichterError, type RgbImage } from "@sichter/engine/extension-api";
import { releaseOcrModels as releaseModelsOnThisThread, type OcrModelPaths } from "./ocrModels.ts";
import type { OcrThreadReply, OcrThreadRequest, PictureMessage } from "./ocrThreadMessages.ts";
import type { FrameReading, ReadFrameOptions } from "./readFrame.ts";

type Pending = { resolve: (reply: OcrThreadReply & { ok: true }) => void; reject: (error: Error) => void };

/** The pixels as a buffer of their own, so they can be transferred rather than copied. */
function transferable(picture: { width: number; height: number; data: Uint8Array }): PictureMessage {
  const { data } = picture;
  const own = data.byteOffset === 0 && data.byteLength === data.buffer.byteLength && data.buffer instanceof ArrayBuffer;
  return { width: picture.width, height: picture.height, data: own ? data : data.slice() };
}

/**
 * The analyzer's side of the OCR thread (see ocrThreadMain.ts). One thread per process, started on
 * first use, so the models load once per process as before; it holds the process open only while a
 * request is outstanding.
 */
export class OcrThread {
  private static current: OcrThread | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private nextRun = 1;

  private constructor(private readonly worker: Worker) {
    worker.unref();
    worker.on("message", (reply: OcrThreadReply) => this.settle(reply));
    worker.on("error", (error) => this.failAll(error));
    worker.on("exit", (code) => {
      if (OcrThread.current === this) OcrThread.current = undefined;
      this.failAll(new SichterError(ErrorCode.INTERNAL, { detail: `OCR thread exited with code ${code}` }));
    });
  }

  static shared(): OcrThread {
    OcrThread.current ??= new OcrThread(new Worker(new URL("./ocrThreadEntry.mjs", import.meta.url)));
    return OcrThread.current;
  }

  /** Stops the thread (and frees its models) if one is running. */
  static async stop(): Promise<void> {
    const thread = OcrThread.current;
    OcrThread.current = undefined;
    if (thread) await thread.worker.terminate();
  }

  /** Loads the models (SICHTER_E_OCR_MODEL_UNAVAILABLE when they cannot be). */
  async load(models: OcrModelPaths | undefined): Promise<void> {
    await this.request((id) => ({ type: "load", id, models }));
  }

  /** A new sequence of readings: each reuses the recognitions of the one before in its run. */
  startRun(): number {
    return this.nextRun++;
  }

  endRun(run: number): void {
    this.worker.postMessage({ type: "end", run } satisfies OcrThreadRequest);
  }

  /** Reads one frame; `frame` and `small` give up their pixels to the thread. */
  async read(
    run: number,
    frame: RgbImage,
    small: { width: number; height: number; data: Uint8Array },
    options: ReadFrameOptions,
  ): Promise<FrameReading> {
    const f = transferable(frame);
    const s = transferable(small);
    const reply = await this.request(
      (id) => ({ type: "read", id, run, frame: f, small: s, options }),
      [f.data.buffer as ArrayBuffer, s.data.buffer as ArrayBuffer],
    );
    return reply.reading!;
  }

  private request(
    make: (id: number) => OcrThreadRequest,
    transfer: ArrayBuffer[] = [],
  ): Promise<OcrThreadReply & { ok: true }> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      if (this.pending.size === 1) this.worker.ref();
      this.worker.postMessage(make(id), transfer);
    });
  }

  private settle(reply: OcrThreadReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    this.forget(reply.id);
    if (reply.ok) waiting.resolve(reply);
    else
      waiting.reject(
        reply.error.code ? new SichterError(reply.error.code, reply.error.params) : new Error(reply.error.message),
      );
  }

  private failAll(error: Error): void {
    for (const [id, waiting] of [...this.pending]) {
      this.forget(id);
      waiting.reject(error);
    }
  }

  private forget(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }
}

/**
 * Frees the OCR models (e.g. when the engine goes idle): stops the OCR thread that holds them, and
 * frees any loaded on this thread. The next reading loads them again.
 */
export async function releaseOcrModels(): Promise<void> {
  await OcrThread.stop();
  await releaseModelsOnThisThread();
}
