import {
  cellCentreColour,
  decodeJpeg,
  jpegSize,
  nearestColour,
  TEST_PALETTE,
  type DecodedJpeg,
  type TestColour,
} from "./decodeJpeg.ts";
import { header, isRecord, tryJson } from "./simulatorJson.ts";
import type { SimulatorFault, SimulatorRequest, SimulatorResponse } from "./SimulatorTypes.ts";

/**
 * A stand-in for POST /v1/chat/completions of the OpenAI API with image inputs and Structured
 * Outputs, as a plain request handler (no sockets): tests call it directly, and the loopback test
 * server can serve it over HTTPS. It checks a request the way the service does and answers with the
 * documented shapes; what it "sees" is real: it decodes the JPEG, reads the grid from the prompt
 * (as the model reads it) and names each tile's centre colour as a motif.
 */
export interface OpenAiVisionSimulatorOptions {
  /** The one key the simulated account has; default OPENAI_SIMULATOR_KEY. */
  readonly apiKey?: string;
  /** Models the account may use; others get the service's 404. */
  readonly models?: readonly string[];
  /** Consumed one per request, in order, before any normal answer. */
  readonly failures?: readonly SimulatorFault[];
}

export interface RecordedChatRequest {
  /** The fault this request got, when it got one. */
  readonly fault?: SimulatorFault;
  /** What the simulator answered ("hang" when it never will). */
  readonly status: number | "hang";
  /** The parsed body, when it was JSON. */
  readonly body?: unknown;
  readonly model?: string;
  /** All text parts of all messages, joined by newlines: what the model read. */
  readonly promptText: string;
  readonly images: ReadonlyArray<{
    readonly bytes: number;
    readonly width: number;
    readonly height: number;
    readonly detail: string;
  }>;
  /** The grid read from the prompt, when the prompt stated one. */
  readonly grid?: { readonly columns: number; readonly rows: number; readonly labels: readonly string[] };
}

export interface OpenAiVisionSimulator {
  handle(request: SimulatorRequest): Promise<SimulatorResponse>;
  /** Every request received, in order. */
  readonly requests: readonly RecordedChatRequest[];
}

export const OPENAI_SIMULATOR_KEY = "sk-simulated-0123456789abcdefWXYZ";
export const OPENAI_SIMULATOR_MODELS = ["gpt-4o-mini", "gpt-4o", "gpt-4.1-mini"] as const;

/** The motif a colour stands for in the test pictures, in both languages. */
export const OPENAI_MOTIFS: Readonly<
  Record<
    TestColour,
    {
      de: readonly [string, string];
      en: readonly [string, string];
      description: { de: string; en: string };
      topic?: { code: string; label: string };
    }
  >
> = {
  red: {
    de: ["Feuerwehr", "Einsatzfahrzeug"],
    en: ["fire engine", "emergency vehicle"],
    description: { de: "Ein Feuerwehrfahrzeug im Einsatz.", en: "A fire engine at an emergency." },
    topic: { code: "medtop:03000000", label: "disaster, accident and emergency incident" },
  },
  green: {
    de: ["Ernte", "Feld"],
    en: ["harvest", "field"],
    description: { de: "Ein Feld während der Ernte.", en: "A field during the harvest." },
    topic: { code: "medtop:04000000", label: "economy, business and finance" },
  },
  blue: {
    de: ["Landtag", "Plenarsaal"],
    en: ["council chamber", "parliament"],
    description: { de: "Ein Plenarsaal während einer Sitzung.", en: "A council chamber during a session." },
    topic: { code: "medtop:11000000", label: "politics" },
  },
  gray: {
    de: ["Straßenbau", "Baustelle"],
    en: ["road works", "construction site"],
    description: { de: "Eine Baustelle an einer Straße.", en: "Road works on a street." },
    topic: { code: "medtop:04000000", label: "economy, business and finance" },
  },
  yellow: {
    de: ["Sommerfest", "Festzelt"],
    en: ["summer festival", "marquee"],
    description: { de: "Ein Festzelt auf einem Sommerfest.", en: "A marquee at a summer festival." },
    topic: { code: "medtop:01000000", label: "arts, culture, entertainment and media" },
  },
  white: {
    de: ["Schnee", "Winter"],
    en: ["snow", "winter"],
    description: { de: "Eine verschneite Landschaft.", en: "A snow-covered landscape." },
    topic: { code: "medtop:17000000", label: "weather" },
  },
  black: {
    de: ["Nacht", "Dunkelheit"],
    en: ["night", "darkness"],
    description: { de: "Eine Aufnahme bei Nacht.", en: "A shot at night." },
  },
};

/** Top-level request fields the chat completions API knows; others get its "Unrecognized request argument". */
const KNOWN_FIELDS = new Set([
  "model",
  "messages",
  "response_format",
  "max_completion_tokens",
  "max_tokens",
  "store",
  "temperature",
  "top_p",
  "n",
  "seed",
  "stop",
  "user",
  "metadata",
  "frequency_penalty",
  "presence_penalty",
  "logprobs",
  "top_logprobs",
  "stream",
  "stream_options",
  "tools",
  "tool_choice",
  "parallel_tool_calls",
  "reasoning_effort",
  "service_tier",
  "modalities",
  "prediction",
  "logit_bias",
  "audio",
  "verbosity",
  "web_search_options",
]);

const GRID_SENTENCE =
  /^Grid: (\d+) columns x (\d+) rows; tile labels in reading order \(left to right, top to bottom\): (\[.*\])\.$/m;

export function createOpenAiVisionSimulator(options: OpenAiVisionSimulatorOptions = {}): OpenAiVisionSimulator {
  const apiKey = options.apiKey ?? OPENAI_SIMULATOR_KEY;
  const models = new Set(options.models ?? OPENAI_SIMULATOR_MODELS);
  const failures = [...(options.failures ?? [])];
  const requests: RecordedChatRequest[] = [];
  let served = 0;

  async function handle(request: SimulatorRequest): Promise<SimulatorResponse> {
    const fault = failures.shift();
    if (fault !== undefined) {
      const parsed = tryJson(request.body.toString("utf8"));
      const base = { fault, promptText: "", images: [], ...(parsed.ok && { body: parsed.value }) };
      if (fault === "hang") {
        requests.push({ ...base, status: "hang" });
        return new Promise<never>(() => {});
      }
      if (fault === "malformed") {
        requests.push({ ...base, status: 200 });
        return {
          status: 200,
          headers: { "content-type": "application/json" },
          body: '{"id":"chatcmpl-sim","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"{\\"tiles\\":[',
        };
      }
      requests.push({ ...base, status: fault.status });
      return {
        status: fault.status,
        headers: {
          "content-type": "application/json",
          ...(fault.retryAfter !== undefined && { "retry-after": fault.retryAfter }),
        },
        body: fault.body ?? defaultErrorBody(fault.status),
      };
    }
    const record: { -readonly [K in keyof RecordedChatRequest]: RecordedChatRequest[K] } = {
      status: 0,
      promptText: "",
      images: [],
    };
    requests.push(record);
    const response = await answer(request, record);
    record.status = response.status;
    return response;
  }

  async function answer(
    request: SimulatorRequest,
    record: { -readonly [K in keyof RecordedChatRequest]: RecordedChatRequest[K] },
  ): Promise<SimulatorResponse> {
    const url = new URL(request.path, "https://api.invalid");
    if (url.pathname !== "/v1/chat/completions")
      return error(404, `Invalid URL (${request.method} ${url.pathname})`, "invalid_request_error");
    if (request.method !== "POST")
      return error(405, `Invalid method for URL (${request.method} ${url.pathname})`, "invalid_request_error");

    const auth = header(request, "authorization");
    if (auth === undefined || !/^Bearer \S+$/.test(auth)) {
      return error(
        401,
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
        "invalid_request_error",
      );
    }
    const given = auth.slice("Bearer ".length);
    if (given !== apiKey) {
      // The service echoes a masked key; providers must not pass even that on.
      return error(
        401,
        `Incorrect API key provided: ${given.slice(0, 4)}${"*".repeat(Math.max(0, given.length - 8))}${given.slice(-4)}. You can find your API key at the account's API keys page.`,
        "invalid_request_error",
        null,
        "invalid_api_key",
      );
    }
    if (!(header(request, "content-type") ?? "").toLowerCase().startsWith("application/json")) {
      return error(
        400,
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)",
        "invalid_request_error",
      );
    }
    const parsed = tryJson(request.body.toString("utf8"));
    if (!parsed.ok || !isRecord(parsed.value)) {
      return error(
        400,
        "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload.)",
        "invalid_request_error",
      );
    }
    const body = parsed.value;
    record.body = body;
    const unknown = Object.keys(body).find((k) => !KNOWN_FIELDS.has(k));
    if (unknown !== undefined)
      return error(400, `Unrecognized request argument supplied: ${unknown}`, "invalid_request_error");
    if (typeof body.model !== "string" || body.model === "")
      return error(400, "you must provide a model parameter", "invalid_request_error");
    record.model = body.model;

    const messages = checkMessages(body.messages);
    if (typeof messages === "string") return error(400, messages, "invalid_request_error", "messages");
    record.promptText = messages.texts.join("\n");

    const formatProblem = checkResponseFormat(body.response_format);
    if (formatProblem !== undefined) return error(400, formatProblem, "invalid_request_error", "response_format");
    const limit = body.max_completion_tokens ?? body.max_tokens;
    if (limit !== undefined && (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1)) {
      return error(
        400,
        `Invalid 'max_completion_tokens': integer below minimum value. Expected a value >= 1, but got ${JSON.stringify(limit)} instead.`,
        "invalid_request_error",
        "max_completion_tokens",
        "integer_below_min_value",
      );
    }
    if (!models.has(body.model)) {
      return error(
        404,
        `The model \`${body.model}\` does not exist or you do not have access to it.`,
        "invalid_request_error",
        null,
        "model_not_found",
      );
    }

    const seen: { width: number; height: number; pixels: DecodedJpeg; detail: string; bytes: number }[] = [];
    for (const image of messages.images) {
      const match = /^data:image\/jpeg;base64,([A-Za-z0-9+/]*={0,2})$/.exec(image.url);
      const bytes = match ? Buffer.from(match[1]!, "base64") : undefined;
      if (bytes === undefined || jpegSize(bytes) === undefined) {
        // The service takes png, jpeg, gif and webp (and http URLs); this one only needs the JPEG data
        // URLs the privacy guard produces, and treats anything else as the service treats a bad format.
        return error(
          400,
          "You uploaded an unsupported image. Please make sure your image has of one the following formats: ['png', 'jpeg', 'gif', 'webp'].",
          "invalid_request_error",
          null,
          "invalid_image_format",
        );
      }
      const pixels = await decodeJpeg(bytes);
      if (pixels === undefined)
        return error(
          400,
          "The image data you provided does not represent a valid image. Please check your input and try again.",
          "invalid_request_error",
          null,
          "invalid_image",
        );
      seen.push({ width: pixels.width, height: pixels.height, pixels, detail: image.detail, bytes: bytes.length });
    }
    record.images = seen.map(({ bytes, width, height, detail }) => ({ bytes, width, height, detail }));

    const grid = readGrid(record.promptText);
    if (grid !== undefined) record.grid = grid;
    const schema = (body.response_format as { json_schema: { schema: unknown } }).json_schema.schema;
    const languages = schemaEnum(schema, ["tiles", "keywords", "language"]) ?? ["de", "en"];
    const descriptionLanguage = /description of the motif in German/.test(record.promptText) ? "de" : "en";
    const first = seen[0];
    const content = JSON.stringify({
      tiles: first === undefined ? [] : describeTiles(first.pixels, grid, languages, descriptionLanguage),
    });

    served++;
    const imageTokens = seen.reduce((sum, image) => sum + imageTokenCost(image.width, image.height, image.detail), 0);
    const promptTokens = Math.ceil(record.promptText.length / 4) + imageTokens;
    const completionTokens = Math.ceil(content.length / 4);
    return json(200, {
      id: `chatcmpl-sim${served}`,
      object: "chat.completion",
      created: 1_700_000_000 + served,
      model: body.model,
      choices: [
        { index: 0, message: { role: "assistant", content, refusal: null }, logprobs: null, finish_reason: "stop" },
      ],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
      },
      system_fingerprint: "fp_simulated",
    });
  }

  return { handle, requests };
}

/** Each tile's centre colour, named as its motif; tiles as the prompt's grid lays them out. */
function describeTiles(
  image: DecodedJpeg,
  grid: { columns: number; rows: number; labels: readonly string[] } | undefined,
  languages: readonly string[],
  descriptionLanguage: "de" | "en",
): unknown[] {
  const { columns, rows, labels } = grid ?? { columns: 1, rows: 1, labels: ["1"] };
  return labels.slice(0, columns * rows).map((label, cell) => {
    const { name, distance } = nearestColour(cellCentreColour(image, cell, columns, rows), TEST_PALETTE);
    const motif = OPENAI_MOTIFS[name];
    const confidence = Math.round(Math.max(0.5, 0.97 - distance / 400) * 100) / 100;
    const keywords = (["de", "en"] as const)
      .filter((l) => languages.includes(l))
      .flatMap((language) =>
        motif[language].map((text, i) => ({
          text,
          language,
          confidence: Math.round((confidence - i * 0.15) * 100) / 100,
        })),
      );
    return {
      label,
      keywords,
      description: motif.description[descriptionLanguage],
      mediaTopics: motif.topic ? [{ ...motif.topic, confidence: Math.round((confidence - 0.1) * 100) / 100 }] : [],
    };
  });
}

/**
 * Image input tokens as documented for GPT-4o-class models: "low" costs a flat 85; otherwise the
 * picture is scaled to fit 2048 x 2048, then its short side to 768, and each 512-pixel tile costs 170
 * on top of the 85. ("auto" is counted as "high".)
 */
export function imageTokenCost(width: number, height: number, detail: string): number {
  if (detail === "low") return 85;
  let w = width;
  let h = height;
  const fit = Math.min(1, 2048 / Math.max(w, h));
  w *= fit;
  h *= fit;
  const shortSide = Math.min(w, h);
  if (shortSide > 768) {
    w *= 768 / shortSide;
    h *= 768 / shortSide;
  }
  return 85 + 170 * Math.ceil(w / 512) * Math.ceil(h / 512);
}

/** The grid the prompt states, read from the line chatRequest.ts writes (see gridSentence there). */
function readGrid(text: string): { columns: number; rows: number; labels: string[] } | undefined {
  const match = GRID_SENTENCE.exec(text);
  if (!match) return undefined;
  const labels = tryJson(match[3]!);
  if (!labels.ok || !Array.isArray(labels.value) || !labels.value.every((l) => typeof l === "string")) return undefined;
  return { columns: Number(match[1]), rows: Number(match[2]), labels: labels.value as string[] };
}

type ImagePart = { url: string; detail: string };

/** Messages as the API accepts them; a string is the service's error message for the first problem. */
function checkMessages(value: unknown): { texts: string[]; images: ImagePart[] } | string {
  if (!Array.isArray(value)) return "Invalid type for 'messages': expected an array of objects.";
  if (value.length === 0) return "[] is too short - 'messages'";
  const texts: string[] = [];
  const images: ImagePart[] = [];
  for (const [i, message] of value.entries()) {
    if (!isRecord(message) || !["system", "developer", "user", "assistant"].includes(message.role as string)) {
      return `Invalid value for 'messages[${i}].role': expected one of 'system', 'developer', 'user', 'assistant'.`;
    }
    if (typeof message.content === "string") {
      texts.push(message.content);
      continue;
    }
    if (!Array.isArray(message.content))
      return `Invalid type for 'messages[${i}].content': expected one of a string or array of objects.`;
    for (const [j, part] of message.content.entries()) {
      const at = `messages[${i}].content[${j}]`;
      if (!isRecord(part)) return `Invalid type for '${at}': expected an object.`;
      if (part.type === "text" && typeof part.text === "string") texts.push(part.text);
      else if (part.type === "image_url" && isRecord(part.image_url) && typeof part.image_url.url === "string") {
        if (message.role !== "user")
          return `Invalid '${at}': image content parts are only allowed in messages with role 'user'.`;
        const detail = part.image_url.detail ?? "auto";
        if (detail !== "low" && detail !== "high" && detail !== "auto") {
          return `Invalid value: '${String(detail)}'. Supported values are: 'low', 'high', and 'auto'.`;
        }
        images.push({ url: part.image_url.url, detail });
      } else return `Invalid content part at '${at}': expected a text part or an image_url part.`;
    }
  }
  return { texts, images };
}

/** The response format the provider must ask for: a strict json_schema whose objects follow strict-mode rules. */
function checkResponseFormat(value: unknown): string | undefined {
  if (!isRecord(value) || value.type !== "json_schema") {
    // The real service would answer in free text without it; a provider that forgets it is broken.
    return "Missing required parameter: 'response_format' of type 'json_schema' (this simulator answers Structured Outputs only).";
  }
  const spec = value.json_schema;
  if (!isRecord(spec)) return "Missing required parameter: 'response_format.json_schema'.";
  if (typeof spec.name !== "string" || !/^[a-zA-Z0-9_-]{1,64}$/.test(spec.name)) {
    return "Invalid 'response_format.json_schema.name': string does not match pattern. Expected a string that matches the pattern '^[a-zA-Z0-9_-]+$' of at most 64 characters.";
  }
  if (spec.strict !== true) return "This simulator expects 'response_format.json_schema.strict' to be true.";
  if (!isRecord(spec.schema) || spec.schema.type !== "object") {
    return `Invalid schema for response_format '${spec.name}': schema must be a JSON Schema of 'type: "object"', got 'type: "${isRecord(spec.schema) ? String(spec.schema.type) : "None"}"'.`;
  }
  const problem = strictProblem(spec.schema, []);
  return problem === undefined ? undefined : `Invalid schema for response_format '${spec.name}': ${problem}`;
}

/** The strict-mode rules the service enforces on every object of the schema. */
function strictProblem(schema: Record<string, unknown>, context: string[]): string | undefined {
  const where = `In context=(${context.map((c) => `'${c}'`).join(", ")}${context.length === 1 ? "," : ""})`;
  if (schema.type === "object") {
    const properties = isRecord(schema.properties) ? schema.properties : {};
    if (schema.additionalProperties !== false)
      return `${where}, 'additionalProperties' is required to be supplied and to be false.`;
    const required = Array.isArray(schema.required) ? schema.required : [];
    const missing = Object.keys(properties).find((k) => !required.includes(k));
    if (missing !== undefined)
      return `${where}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`;
    for (const [key, property] of Object.entries(properties)) {
      if (!isRecord(property)) return `${where}, property '${key}' is not a schema.`;
      const problem = strictProblem(property, [...context, "properties", key]);
      if (problem !== undefined) return problem;
    }
  }
  if (schema.type === "array" && isRecord(schema.items)) return strictProblem(schema.items, [...context, "items"]);
  return undefined;
}

/** The `enum` of a property reached through objects and array items by property names. */
function schemaEnum(schema: unknown, names: readonly string[]): string[] | undefined {
  let node = schema;
  for (const name of names) {
    while (isRecord(node) && node.type === "array") node = node.items;
    node = isRecord(node) && isRecord(node.properties) ? node.properties[name] : undefined;
  }
  return isRecord(node) && Array.isArray(node.enum)
    ? (node.enum.filter((v) => typeof v === "string") as string[])
    : undefined;
}

/** Default bodies of scripted failures, in the service's error shape. */
function defaultErrorBody(status: number): string {
  const [message, type, code] =
    status === 429
      ? ["Rate limit reached for requests. Please try again later.", "requests", "rate_limit_exceeded"]
      : status === 503
        ? ["The engine is currently overloaded, please try again later.", "server_error", null]
        : status >= 500
          ? ["The server had an error while processing your request. Sorry about that!", "server_error", null]
          : [`Simulated failure with status ${status}.`, "invalid_request_error", null];
  return JSON.stringify({ error: { message, type, param: null, code } });
}

/** The service's error shape: `{ error: { message, type, param, code } }`. */
function error(
  status: number,
  message: string,
  type: string,
  param: string | null = null,
  code: string | null = null,
): SimulatorResponse {
  return json(status, { error: { message, type, param, code } });
}

function json(status: number, value: unknown): SimulatorResponse {
  return { status, headers: { "content-type": "application/json" }, body: JSON.stringify(value) };
}

export type { SimulatorFault, SimulatorRequest, SimulatorResponse };
