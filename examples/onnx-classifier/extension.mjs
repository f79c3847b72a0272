// ONNX image classifier: one frame per shot through an image classification model of your choice,
// its top classes as tags. Plain JavaScript without dependencies: the ONNX runtime comes from the
// engine as `api.onnx` (the manifest's "onnxRuntime" permission); frames come from the engine too.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ANALYZER = "examples.onnx-classifier";
/** Relative paths in the settings are relative to this folder, as the engine reads them. */
const HERE = path.dirname(fileURLToPath(import.meta.url));

export function activate(context, api) {
  if (api.onnx === undefined) {
    throw new Error(
      `${context.id} needs the ONNX runtime, which the engine only offers with the "onnxRuntime" permission: ` +
        `add "permissions": ["onnxRuntime"] to the "sichter" section of its package.json and install it again`,
    );
  }
  const settings = readSettings(context.configuration);
  const ort = api.onnx;
  /** Created on the first analysis and kept: loading a model costs more than running it once. */
  let session;
  let labels;

  context.subscriptions.push(
    {
      dispose: () =>
        void session?.then(
          (s) => s.release?.(),
          () => {},
        ),
    },
    api.analyzers.register(ANALYZER, {
      async analyze(input, progress, token) {
        session ??= ort.InferenceSession.create(settings.model).catch((error) => {
          session = undefined; // a model fixed on disk is tried again next time
          throw new Error(`cannot load the model ${settings.model}: ${error.message}`);
        });
        labels ??= readLabels(settings.labels);
        const model = await session;
        const inputName = model.inputNames[0];
        const outputName = model.outputNames[0];
        const size = settings.inputSize;
        // Ask for a frame whose short side is at least inputSize, so the crop is never upscaled.
        const aspect = input.media.width / input.media.height;
        const width = 2 * Math.ceil((size * Math.max(1, aspect)) / 2);
        const tags = [];
        for (const [i, shot] of input.shots.entries()) {
          if (token.isCancellationRequested) break;
          const [image] = await input.frames.rgb(frameOf(shot, input), width);
          const tensor = new ort.Tensor("float32", toNchw(image, size, settings.mean, settings.std), [
            1,
            3,
            size,
            size,
          ]);
          const output = (await model.run({ [inputName]: tensor }))[outputName];
          const probabilities = asProbabilities(Float32Array.from(output.data));
          if (probabilities.length !== labels.length && i === 0) {
            context.log.warn(`the model has ${probabilities.length} classes, the labels file ${labels.length} names`);
          }
          for (const { index, p } of top(probabilities, settings.topK)) {
            if (p < settings.minConfidence) break;
            tags.push({
              label: labels[index] ?? `class ${index}`,
              kind: "classifier",
              source: "vision",
              confidence: Math.round(p * 1000) / 1000,
              startFrame: shot.startFrame,
              endFrame: shot.endFrame,
            });
          }
          progress.report({ fraction: (i + 1) / input.shots.length });
        }
        return { tags };
      },
    }),
  );
}

function readSettings(configuration) {
  const { model, labels, inputSize, mean, std, minConfidence, topK } = configuration;
  for (const [name, value] of [
    ["mean", mean],
    ["std", std],
  ]) {
    if (!Array.isArray(value) || value.length !== 3)
      throw new Error(`setting "${name}" needs 3 numbers (R, G, B), found ${JSON.stringify(value)}`);
  }
  if (std.some((s) => !(s > 0))) throw new Error(`setting "std" needs 3 numbers above 0, found ${JSON.stringify(std)}`);
  return {
    model: path.resolve(HERE, model),
    labels: path.resolve(HERE, labels),
    inputSize,
    mean,
    std,
    minConfidence,
    topK,
  };
}

/** A JSON array of names, or one name per line (blank lines at the end ignored). */
function readLabels(file) {
  const text = fs.readFileSync(file, "utf8");
  if (text.trimStart().startsWith("[")) {
    const names = JSON.parse(text);
    if (!Array.isArray(names) || names.some((n) => typeof n !== "string"))
      throw new Error(`${file}: expected a JSON array of strings`);
    return names;
  }
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  while (lines.length > 0 && lines.at(-1) === "") lines.pop();
  return lines;
}

/** The shot's first keyframe, else its middle frame (shots are [startFrame, endFrame)). */
function frameOf(shot, input) {
  const keyframe = input.keyframes.find((k) => k.shot === shot.index);
  const frame = keyframe?.frame ?? Math.floor((shot.startFrame + shot.endFrame - 1) / 2);
  return Math.min(Math.max(0, frame), input.media.frameCount - 1);
}

/**
 * The centre square of the picture, resized to size x size (bilinear), scaled to 0..1, normalised
 * per channel and laid out as planes: R..., G..., B... (NCHW with N = 1).
 */
function toNchw(image, size, mean, std) {
  const { width, height, data } = image;
  const side = Math.min(width, height);
  const left = (width - side) / 2;
  const top = (height - side) / 2;
  const scale = side / size;
  const plane = size * size;
  const out = new Float32Array(3 * plane);
  for (let y = 0; y < size; y++) {
    const sy = Math.min(height - 1, Math.max(0, top + (y + 0.5) * scale - 0.5));
    const y0 = Math.floor(sy);
    const y1 = Math.min(height - 1, y0 + 1);
    const fy = sy - y0;
    for (let x = 0; x < size; x++) {
      const sx = Math.min(width - 1, Math.max(0, left + (x + 0.5) * scale - 0.5));
      const x0 = Math.floor(sx);
      const x1 = Math.min(width - 1, x0 + 1);
      const fx = sx - x0;
      for (let c = 0; c < 3; c++) {
        const at = (yy, xx) => data[(yy * width + xx) * 3 + c];
        const value =
          (at(y0, x0) * (1 - fx) + at(y0, x1) * fx) * (1 - fy) + (at(y1, x0) * (1 - fx) + at(y1, x1) * fx) * fy;
        out[c * plane + y * size + x] = (value / 255 - mean[c]) / std[c];
      }
    }
  }
  return out;
}

/** Scores that already are probabilities (0..1, summing to 1) stay; logits go through a softmax. */
function asProbabilities(scores) {
  const sum = scores.reduce((a, b) => a + b, 0);
  if (scores.every((s) => s >= 0 && s <= 1) && Math.abs(sum - 1) < 1e-3) return scores;
  const max = Math.max(...scores);
  const exp = scores.map((s) => Math.exp(s - max));
  const total = exp.reduce((a, b) => a + b, 0);
  return exp.map((e) => e / total);
}

function top(probabilities, k) {
  return [...probabilities]
    .map((p, index) => ({ index, p }))
    .sort((a, b) => b.p - a.p)
    .slice(0, k);
}
