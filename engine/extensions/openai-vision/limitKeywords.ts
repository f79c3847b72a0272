import type { ImageAnswer } from "@sichter/engine/extension-api";

/**
 * Keeps the keywords the user asked for: only the wanted languages, and per tile and language the
 * `max` most confident. The prompt and schema already ask for this; a model that overshoots must not
 * flood the catalog anyway.
 */
export function limitKeywords(answer: ImageAnswer, languages: readonly ("de" | "en")[], max: number): ImageAnswer {
  return {
    ...answer,
    tiles: answer.tiles.map((tile) => ({
      ...tile,
      keywords: languages.flatMap((language) =>
        tile.keywords
          .filter((k) => k.language === language)
          .sort((a, b) => b.confidence - a.confidence)
          .slice(0, max),
      ),
    })),
  };
}
