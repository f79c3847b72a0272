import { Worker } from "node:worker_threads";
import { ErrorCode } from "@sichter/shared/errors";
import { SichterError } from "../../src/core/SichterError.ts";
import type { RgbImage } from "../../src/media/FrameSource.ts";
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
 * The analyzer's side of an OCR thread (see ocrThreadMain.ts). Threads are started on first use and
 * kept for the process, so each loads the models once; one holds the process open only while a
 * request to it is outstanding.
 */
export class OcrThread {
  private static readonly running: OcrThread[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private nextRun = 1;

  private constructor(private readonly worker: Worker) {
    worker.unref();
    worker.on("message", (reply: OcrThreadReply) => this.settle(reply));
    worker.on("error", (error) => this.failAll(error));
    worker.on("exit", (code) => {
      const index = OcrThread.running.indexOf(this);
      if (index >= 0) OcrThread.running.splice(index, 1);
      this.failAll(new SichterError(ErrorCode.INTERNAL, { detail: `OCR thread exited with code ${code}` }));
    });
  }

  /** `size` threads of the process, started as needed. */
  static pool(size: number): OcrThread[] {
    while (OcrThread.running.length < size) OcrThread.running.push(new OcrThread(new Worker(new URL("./ocrThreadEntry.mjs", import.meta.url))));
    return OcrThread.running.slice(0, size);
  }

  /** Stops the threads (and frees their models). */
  static async stop(): Promise<void> {
    const threads = OcrThread.running.splice(0);
    await Promise.all(threads.map((thread) => thread.worker.terminate()));
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
  async read(run: number, frame: RgbImage, small: { width: number; height: number; data: Uint8Array }, options: ReadFrameOptions): Promise<FrameReading> {
    const f = transferable(frame);
    const s = transferable(small);
    const reply = await this.request((id) => ({ type: "read", id, run, frame: f, small: s, options }), [f.data.buffer as ArrayBuffer, s.data.buffer as ArrayBuffer]);
    return reply.reading!;
  }

  private request(make: (id: number) => OcrThreadRequest, transfer: ArrayBuffer[] = []): Promise<OcrThreadReply & { ok: true }> {
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
    else waiting.reject(reply.error.code ? new SichterError(reply.error.code, reply.error.params as never) : new Error(reply.error.message));
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
 * Frees the OCR models (e.g. when the engine goes idle): stops the OCR threads that hold them, and
 * frees any loaded on this thread. The next reading loads them again.
 */
export async function releaseOcrModels(): Promise<void> {
  await OcrThread.stop();
  await releaseModelsOnThisThread();
}
