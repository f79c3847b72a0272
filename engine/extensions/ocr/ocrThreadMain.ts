import { parentPort } from "node:worker_threads";
import { isSichterError } from "@sichter/engine/extension-api";
import { asDetectionImage } from "./detectionImage.ts";
import { loadOcrModels, type OcrModelPaths } from "./ocrModels.ts";
import type { OcrThreadReply, OcrThreadRequest } from "./ocrThreadMessages.ts";
import { readFrame, type RecognisedBox } from "./readFrame.ts";

/**
 * The OCR thread: owns the ONNX sessions and runs detection and recognition, whose native calls
 * block the thread they run on. On the analyzer's thread they would also stop it from draining
 * ffmpeg's pipe, so the next frame could not be decoded while the current one is read.
 */
const port = parentPort!;
let models: OcrModelPaths | undefined;
const previous = new Map<number, RecognisedBox[]>();

function failure(id: number, error: unknown): OcrThreadReply {
  if (isSichterError(error))
    return { id, ok: false, error: { code: error.code, params: { ...error.params }, message: error.message } };
  return { id, ok: false, error: { message: error instanceof Error ? error.message : String(error) } };
}

// Requests are handled one at a time, in order: a run's readings depend on the one before.
let queue = Promise.resolve();
port.on("message", (request: OcrThreadRequest) => {
  queue = queue.then(() => handle(request));
});

async function handle(request: OcrThreadRequest): Promise<void> {
  if (request.type === "end") {
    previous.delete(request.run);
    return;
  }
  try {
    if (request.type === "load") {
      models = request.models;
      await loadOcrModels(models);
      port.postMessage({ id: request.id, ok: true } satisfies OcrThreadReply);
    } else {
      const loaded = await loadOcrModels(models);
      const small = asDetectionImage(request.small);
      const reading = await readFrame(loaded, request.frame, request.options, previous.get(request.run) ?? [], small);
      previous.set(request.run, reading.boxes);
      port.postMessage({ id: request.id, ok: true, reading } satisfies OcrThreadReply);
    }
  } catch (error) {
    port.postMessage(failure(request.id, error));
  }
}
