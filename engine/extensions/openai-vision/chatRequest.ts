import { ErrorCode, SichterError, type ProviderImage } from "@sichter/engine/extension-api";
import { ANSWER_SCHEMA_NAME, answerJsonSchema } from "./answerSchema.ts";
import type { ImageDetail } from "./openAiSettings.ts";

export type KeywordLanguage = "de" | "en";

export interface ChatRequestOptions {
  readonly model: string;
  /** Keyword languages wanted, first = the newsroom's language (also the description's). */
  readonly languages: readonly KeywordLanguage[];
  readonly maxKeywords: number;
  readonly detail: ImageDetail;
}

const LANGUAGE_NAMES: Readonly<Record<KeywordLanguage, string>> = { de: "German", en: "English" };

/** Room for the hidden reasoning of reasoning models, which `max_completion_tokens` counts too. */
const REASONING_HEADROOM_TOKENS = 4096;

/**
 * The rules, as the system message. Privacy comes first: the archive must never hold personal data
 * (GDPR), so the model describes motifs and never who someone is, and leaves on-screen text (where
 * names appear in lower thirds) to the engine's own OCR.
 */
export const SYSTEM_PROMPT = [
  "You log news video for a newsroom archive: you look at keyframes and name what they show as search keywords.",
  "Describe motifs only: objects, places, buildings, vehicles, activities, events, weather and the kind of scene.",
  'Never name people and never identify or guess who a person is, not even well-known people; do not describe faces, age, ethnicity, health, religion or other personal traits. A person is only a role in the scene, such as "speaker", "firefighter" or "crowd". The archive must hold no personal data.',
  "Do not transcribe on-screen text or captions; text is read separately.",
  "Answer only with JSON in the requested format.",
].join("\n");

/**
 * The sentence that tells the model (and the test simulator, which parses it) the grid and its labels:
 * `Grid: <columns> columns x <rows> rows; tile labels in reading order (left to right, top to bottom): <JSON array of labels>.`
 * on a line of its own. The labels are a JSON array so any label text survives quoting.
 */
export function gridSentence(columns: number, rows: number, labels: readonly string[]): string {
  return `Grid: ${columns} columns x ${rows} rows; tile labels in reading order (left to right, top to bottom): ${JSON.stringify(labels)}.`;
}

/**
 * The body of one POST <baseUrl>/chat/completions for one picture (a keyframe or a contact sheet).
 * Only what is in the ProviderImage goes in: the JPEG and its grid; never a file name, path, clip
 * name or time, so nothing else about the footage reaches the service.
 */
export function buildChatRequest(image: ProviderImage, options: ChatRequestOptions): Record<string, unknown> {
  const labels = checkedLabels(image);
  const languages = options.languages.length > 0 ? options.languages : (["en"] as const);
  return {
    // Which model answers; its vision support and price are the user's choice (setting `model`).
    model: options.model,
    messages: [
      // Standing rules; "system" rather than the newer "developer" role because every
      // OpenAI-compatible server accepts it.
      { role: "system", content: SYSTEM_PROMPT },
      {
        role: "user",
        // Content parts: the task as text, then the picture as a base64 data URL (the image never
        // needs a public URL). `detail` picks the resolution the model sees and so the token cost.
        content: [
          { type: "text", text: taskText(image, labels, languages, options.maxKeywords) },
          {
            type: "image_url",
            image_url: { url: `data:image/jpeg;base64,${image.jpegBase64}`, detail: options.detail },
          },
        ],
      },
    ],
    // Structured Outputs: the answer in `choices[0].message.content` is JSON that matches the schema
    // (strict: the service enforces it while decoding), so parsing never guesses at free text.
    response_format: {
      type: "json_schema",
      json_schema: { name: ANSWER_SCHEMA_NAME, strict: true, schema: answerJsonSchema(labels, languages) },
    },
    // Upper bound on billed output tokens: a generous estimate of a full answer plus room for
    // reasoning models. An answer cut off here ends with finish_reason "length" and is rejected.
    max_completion_tokens:
      labels.length * (options.maxKeywords * languages.length * 16 + 200) + REASONING_HEADROOM_TOKENS,
    // Do not keep the exchange for OpenAI's distillation and evaluation products (the default, stated
    // anyway: keyframes are newsroom material).
    store: false,
  };
}

function taskText(
  image: ProviderImage,
  labels: readonly string[],
  languages: readonly KeywordLanguage[],
  maxKeywords: number,
): string {
  const sheet = labels.length > 1 || image.columns * image.rows > 1;
  const languageList = languages.map((l) => `${l} (${LANGUAGE_NAMES[l]})`).join(", ");
  return [
    sheet
      ? `The image is a contact sheet of ${labels.length} keyframes from one video, arranged as a grid of ${image.columns} x ${image.rows} tiles; each tile shows its label in a corner. Each tile is a different shot.`
      : "The image is one keyframe of a video; it is a grid of a single tile.",
    gridSentence(image.columns, image.rows, labels),
    sheet
      ? `Answer per tile: one entry in "tiles" for each label, about what is inside that tile only; never carry a motif over to another tile. Leave out cells without a label.`
      : `Answer with one entry in "tiles" with the label ${JSON.stringify(labels[0])}.`,
    `For each tile give at most ${maxKeywords} keywords per language, in each of: ${languageList}. Each keyword is a noun or short noun phrase with its language code and a confidence from 0 to 1.`,
    `Also give a one-sentence description of the motif in ${LANGUAGE_NAMES[languages[0]!]} (an empty string if the tile shows nothing recognisable) and up to 3 IPTC Media Topics (code such as "medtop:11000000", English label, confidence), or an empty list.`,
    "Remember: motifs only, no people's names, no identification of persons.",
  ].join("\n");
}

/** The tile labels, checked: a sheet the model cannot map back to keyframes must not be sent. */
function checkedLabels(image: ProviderImage): string[] {
  const labels = image.tiles.map((t) => t.label);
  const gridOk =
    Number.isInteger(image.columns) && Number.isInteger(image.rows) && image.columns >= 1 && image.rows >= 1;
  const problems: [boolean, string][] = [
    [labels.length === 0, "it has no tiles"],
    [!gridOk, `its grid ${image.columns} x ${image.rows} is not a grid`],
    [
      gridOk && labels.length > image.columns * image.rows,
      `${labels.length} tiles do not fit a ${image.columns} x ${image.rows} grid`,
    ],
    [labels.some((l) => l.trim() === "" || /[\r\n]/.test(l)), "a tile label is empty or spans lines"],
    [new Set(labels).size !== labels.length, "two tiles share a label"],
    [image.jpegBase64.length === 0, "it has no JPEG data"],
  ];
  const problem = problems.find(([found]) => found)?.[1];
  if (problem !== undefined)
    throw new SichterError(ErrorCode.INTERNAL, { detail: `image ${image.id} cannot be sent: ${problem}` });
  return labels;
}
