import { cellCentreColour, decodeJpeg, jpegSize, nearestColour, TEST_PALETTE, type TestColour } from "./decodeJpeg.ts";
import { header, isRecord, tryJson } from "./simulatorJson.ts";
import type { SimulatorFault, SimulatorRequest, SimulatorResponse } from "./SimulatorTypes.ts";

/**
 * A stand-in for POST /v1/images:annotate of Google Cloud Vision, as a plain request handler (no
 * sockets): tests call it directly, and the loopback test server can serve it over HTTPS. It checks a
 * request the way Vision does (API key, JSON field names, at most 16 images, base64 content) and
 * answers in the documented shapes, including per-image errors inside a 200. What it "sees" is real:
 * it decodes each JPEG and names the colour at the centre of the whole picture (Vision looks at the
 * picture as a whole; it knows nothing of tiles).
 */
export interface GoogleVisionSimulatorOptions {
  /** The one valid key; default GOOGLE_SIMULATOR_KEY. */
  readonly apiKey?: string;
  /** Consumed one per request, in order, before any normal answer. */
  readonly failures?: readonly SimulatorFault[];
}

export interface RecordedAnnotateRequest {
  readonly fault?: SimulatorFault;
  /** What the simulator answered ("hang" when it never will). */
  readonly status: number | "hang";
  /** The parsed body, when it was JSON. */
  readonly body?: unknown;
  /** Where the key came from: the x-goog-api-key header or the `key` query parameter. */
  readonly keyFrom?: "header" | "query";
  /** One entry per AnnotateImageRequest; width/height 0 when the content was no image. */
  readonly images: ReadonlyArray<{
    readonly bytes: number;
    readonly width: number;
    readonly height: number;
    readonly features: readonly string[];
  }>;
}

export interface GoogleVisionSimulator {
  handle(request: SimulatorRequest): Promise<SimulatorResponse>;
  readonly requests: readonly RecordedAnnotateRequest[];
}

export const GOOGLE_SIMULATOR_KEY = "AIzaSimulated0123456789abcdefghijklmnopq";

/** Vision's documented limit of images per images:annotate call. */
export const GOOGLE_MAX_IMAGES = 16;

/** Vision's Feature.Type values; anything else is an invalid enum value. */
const FEATURE_TYPES = new Set([
  "TYPE_UNSPECIFIED",
  "FACE_DETECTION",
  "LANDMARK_DETECTION",
  "LOGO_DETECTION",
  "LABEL_DETECTION",
  "TEXT_DETECTION",
  "DOCUMENT_TEXT_DETECTION",
  "SAFE_SEARCH_DETECTION",
  "IMAGE_PROPERTIES",
  "CROP_HINTS",
  "WEB_DETECTION",
  "PRODUCT_SEARCH",
  "OBJECT_LOCALIZATION",
]);

/** Field names Vision knows at each level (JSON field names of the protos); others are "Unknown name". */
const FIELDS = {
  top: new Set(["requests", "parent", "labels"]),
  request: new Set(["image", "features", "imageContext"]),
  image: new Set(["content", "source"]),
  feature: new Set(["type", "maxResults", "model"]),
};

/**
 * What the colours "are" to Vision: labels with scores (0..1), web entities with relevancy scores
 * (unbounded: the first one is above 1 on purpose, as Vision's can be) including one without a
 * description, as Vision sends them, and a best guess label. Ids are made up and say so.
 */
export const GOOGLE_MOTIFS: Readonly<
  Record<
    TestColour,
    { labels: readonly [string, number][]; web: readonly [string | undefined, number][]; bestGuess: string }
  >
> = {
  red: {
    labels: [
      ["Fire engine", 0.97],
      ["Vehicle", 0.91],
      ["Emergency service", 0.86],
      ["Red", 0.8],
    ],
    web: [
      ["Fire engine", 1.42],
      ["Fire department", 0.71],
      [undefined, 0.3],
    ],
    bestGuess: "fire engine",
  },
  green: {
    labels: [
      ["Harvest", 0.94],
      ["Field", 0.9],
      ["Agriculture", 0.83],
    ],
    web: [
      ["Harvest", 0.88],
      ["Combine harvester", 0.52],
    ],
    bestGuess: "harvest field",
  },
  blue: {
    labels: [
      ["Council chamber", 0.92],
      ["Parliament", 0.87],
      ["Meeting", 0.71],
    ],
    web: [
      ["Parliament", 1.1],
      ["Plenary session", 0.66],
    ],
    bestGuess: "parliament session",
  },
  gray: {
    labels: [
      ["Road works", 0.9],
      ["Asphalt", 0.86],
      ["Construction", 0.78],
    ],
    web: [["Roadworks", 0.74]],
    bestGuess: "road works",
  },
  yellow: {
    labels: [
      ["Festival", 0.89],
      ["Tent", 0.81],
      ["Event", 0.77],
    ],
    web: [["Summer festival", 0.69]],
    bestGuess: "festival tent",
  },
  white: {
    labels: [
      ["Snow", 0.96],
      ["Winter", 0.93],
      ["Freezing", 0.8],
    ],
    web: [["Snow", 0.95]],
    bestGuess: "snow landscape",
  },
  black: {
    labels: [
      ["Night", 0.88],
      ["Darkness", 0.84],
    ],
    web: [],
    bestGuess: "night",
  },
};

export function createGoogleVisionSimulator(options: GoogleVisionSimulatorOptions = {}): GoogleVisionSimulator {
  const apiKey = options.apiKey ?? GOOGLE_SIMULATOR_KEY;
  const failures = [...(options.failures ?? [])];
  const requests: RecordedAnnotateRequest[] = [];

  async function handle(request: SimulatorRequest): Promise<SimulatorResponse> {
    const fault = failures.shift();
    if (fault !== undefined) {
      const parsed = tryJson(request.body.toString("utf8"));
      const base = { fault, images: [], ...(parsed.ok && { body: parsed.value }) };
      if (fault === "hang") {
        requests.push({ ...base, status: "hang" });
        return new Promise<never>(() => {});
      }
      if (fault === "malformed") {
        requests.push({ ...base, status: 200 });
        return {
          status: 200,
          headers: { "content-type": "application/json; charset=UTF-8" },
          body: '{\n  "responses": [\n    {\n      "labelAnnotations": [\n        {\n          "mid": "/m/sim',
        };
      }
      requests.push({ ...base, status: fault.status });
      return {
        status: fault.status,
        headers: {
          "content-type": "application/json; charset=UTF-8",
          ...(fault.retryAfter !== undefined && { "retry-after": fault.retryAfter }),
        },
        body: fault.body ?? defaultErrorBody(fault.status),
      };
    }
    const record: { -readonly [K in keyof RecordedAnnotateRequest]: RecordedAnnotateRequest[K] } = {
      status: 0,
      images: [],
    };
    requests.push(record);
    const response = await answer(request, record);
    record.status = response.status;
    return response;
  }

  async function answer(
    request: SimulatorRequest,
    record: { -readonly [K in keyof RecordedAnnotateRequest]: RecordedAnnotateRequest[K] },
  ): Promise<SimulatorResponse> {
    const url = new URL(request.path, "https://vision.invalid");
    if (url.pathname !== "/v1/images:annotate")
      return error(404, `The requested URL ${url.pathname} was not found on this server.`, "NOT_FOUND");
    if (request.method !== "POST")
      return error(405, `Method ${request.method} not allowed for ${url.pathname}.`, "INVALID_ARGUMENT");

    // Both ways are documented; the header keeps the key out of URLs (and so out of logs).
    const headerKey = header(request, "x-goog-api-key");
    const queryKey = url.searchParams.get("key") ?? undefined;
    const given = headerKey ?? queryKey;
    if (given === undefined || given === "") {
      return error(
        403,
        "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.",
        "PERMISSION_DENIED",
      );
    }
    record.keyFrom = headerKey !== undefined ? "header" : "query";
    if (given !== apiKey) {
      return error(400, "API key not valid. Please pass a valid API key.", "INVALID_ARGUMENT", [
        {
          "@type": "type.googleapis.com/google.rpc.ErrorInfo",
          reason: "API_KEY_INVALID",
          domain: "googleapis.com",
          metadata: { service: "vision.googleapis.com" },
        },
      ]);
    }

    const parsed = tryJson(request.body.toString("utf8"));
    if (!parsed.ok || !isRecord(parsed.value))
      return error(400, "Invalid JSON payload received. Unexpected token.", "INVALID_ARGUMENT");
    const body = parsed.value;
    record.body = body;
    const unknown = unknownField(body, FIELDS.top, "");
    if (unknown !== undefined) return error(400, unknown, "INVALID_ARGUMENT");
    const items = body.requests;
    if (!Array.isArray(items))
      return error(400, "Invalid JSON payload received. 'requests' must be a list.", "INVALID_ARGUMENT");
    if (items.length > GOOGLE_MAX_IMAGES) {
      // The limit is documented; the exact wording of Vision's message is not, this one is close.
      return error(
        400,
        `Too many images per request: ${items.length} given, at most ${GOOGLE_MAX_IMAGES} allowed.`,
        "INVALID_ARGUMENT",
      );
    }

    // Field-level problems fail the whole call (HTTP 400), as Vision's JSON parsing does.
    const decoded: ({ bytes: Buffer; features: { type: string; maxResults: number }[] } | { problem: string })[] = [];
    for (const [i, item] of items.entries()) {
      const at = `requests[${i}]`;
      if (!isRecord(item))
        return error(400, `Invalid JSON payload received. Expected an object at '${at}'.`, "INVALID_ARGUMENT");
      const unknownHere =
        unknownField(item, FIELDS.request, at) ??
        (isRecord(item.image) ? unknownField(item.image, FIELDS.image, `${at}.image`) : undefined);
      if (unknownHere !== undefined) return error(400, unknownHere, "INVALID_ARGUMENT");
      const features: { type: string; maxResults: number }[] = [];
      for (const [j, feature] of (Array.isArray(item.features) ? item.features : []).entries()) {
        if (!isRecord(feature))
          return error(
            400,
            `Invalid JSON payload received. Expected an object at '${at}.features[${j}]'.`,
            "INVALID_ARGUMENT",
          );
        const unknownFeature = unknownField(feature, FIELDS.feature, `${at}.features[${j}]`);
        if (unknownFeature !== undefined) return error(400, unknownFeature, "INVALID_ARGUMENT");
        if (typeof feature.type !== "string" || !FEATURE_TYPES.has(feature.type)) {
          return error(
            400,
            `Invalid value at '${at}.features[${j}].type' (type.googleapis.com/google.cloud.vision.v1.Feature.Type), ${JSON.stringify(feature.type)}`,
            "INVALID_ARGUMENT",
          );
        }
        const maxResults = feature.maxResults ?? 10;
        if (typeof maxResults !== "number" || !Number.isInteger(maxResults)) {
          return error(
            400,
            `Invalid value at '${at}.features[${j}].max_results' (TYPE_INT32), ${JSON.stringify(feature.maxResults)}`,
            "INVALID_ARGUMENT",
          );
        }
        features.push({ type: feature.type, maxResults: maxResults > 0 ? maxResults : 10 });
      }
      const content = isRecord(item.image) ? item.image.content : undefined;
      if (content === undefined || features.length === 0) {
        decoded.push({ problem: "Request must specify image and features." });
        continue;
      }
      if (typeof content !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(content) || content.length % 4 !== 0) {
        return error(
          400,
          `Invalid value at '${at}.image.content' (TYPE_BYTES), Base64 decoding failed for "${String(content).slice(0, 20)}"`,
          "INVALID_ARGUMENT",
        );
      }
      decoded.push({ bytes: Buffer.from(content, "base64"), features });
    }

    const responses: unknown[] = [];
    const seen: { bytes: number; width: number; height: number; features: string[] }[] = [];
    for (const item of decoded) {
      if ("problem" in item) {
        responses.push({ error: { code: 3, message: item.problem } });
        seen.push({ bytes: 0, width: 0, height: 0, features: [] });
        continue;
      }
      const pixels = jpegSize(item.bytes) !== undefined ? await decodeJpeg(item.bytes) : undefined;
      seen.push({
        bytes: item.bytes.length,
        width: pixels?.width ?? 0,
        height: pixels?.height ?? 0,
        features: item.features.map((f) => f.type),
      });
      if (pixels === undefined) {
        // Vision reads more formats than JPEG; this one only needs what the privacy guard sends.
        responses.push({ error: { code: 3, message: "Bad image data." } });
        continue;
      }
      const motif = GOOGLE_MOTIFS[nearestColour(cellCentreColour(pixels, 0, 1, 1), TEST_PALETTE).name];
      const response: Record<string, unknown> = {};
      for (const feature of item.features) {
        if (feature.type === "LABEL_DETECTION") {
          response.labelAnnotations = motif.labels.slice(0, feature.maxResults).map(([description, score], i) => ({
            mid: `/m/sim_${description.toLowerCase().replace(/\W+/g, "_")}`,
            description,
            score,
            topicality: Math.max(0, score - i * 0.01),
          }));
        }
        if (feature.type === "WEB_DETECTION") {
          response.webDetection = {
            // Proto3 JSON leaves a missing description out, as Vision does for some entities.
            webEntities: motif.web.slice(0, feature.maxResults).map(([description, score], i) => ({
              entityId: `/g/sim_${i}`,
              score,
              ...(description !== undefined && { description }),
            })),
            bestGuessLabels: [{ label: motif.bestGuess, languageCode: "en" }],
          };
        }
        // Other features (faces, text, ...) are valid requests but have nothing to show here.
      }
      responses.push(response);
    }
    record.images = seen;
    return json(200, { responses });
  }

  return { handle, requests };
}

/** Vision's message for a field it does not know, or undefined when all are known. */
function unknownField(value: Record<string, unknown>, known: ReadonlySet<string>, at: string): string | undefined {
  const name = Object.keys(value).find((k) => !known.has(k));
  return name === undefined
    ? undefined
    : `Invalid JSON payload received. Unknown name ${JSON.stringify(name)}${at === "" ? "" : ` at '${at}'`}: Cannot find field.`;
}

function defaultErrorBody(status: number): string {
  const [message, code] =
    status === 429
      ? [
          "Quota exceeded for quota metric 'Requests' and limit 'Requests per minute' of service 'vision.googleapis.com'.",
          "RESOURCE_EXHAUSTED",
        ]
      : status === 503
        ? ["The service is currently unavailable.", "UNAVAILABLE"]
        : status >= 500
          ? ["Internal error encountered.", "INTERNAL"]
          : [`Simulated failure with status ${status}.`, "FAILED_PRECONDITION"];
  return JSON.stringify({ error: { code: status, message, status: code } });
}

/** Google's error shape: `{ error: { code, message, status, details? } }`. */
function error(status: number, message: string, code: string, details?: unknown[]): SimulatorResponse {
  return json(status, { error: { code: status, message, status: code, ...(details !== undefined && { details }) } });
}

function json(status: number, value: unknown): SimulatorResponse {
  return {
    status,
    headers: { "content-type": "application/json; charset=UTF-8" },
    body: JSON.stringify(value, null, 2),
  };
}

export type { SimulatorFault, SimulatorRequest, SimulatorResponse };
