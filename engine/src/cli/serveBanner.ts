import type { Locale } from "@sichter/shared/errors";

export interface ServeBannerFacts {
  readonly version: string;
  readonly wsUrl: string;
  readonly pairingLink: string;
  /** Allowed media folders as configured; empty when the panel has nothing to browse yet. */
  readonly mediaFolders: readonly string[];
  readonly mediaSettingsPath: string;
  readonly logPath: string;
  /** The newsroom's catalog (its URL without the password) when on PostgreSQL: analyses go to its workers. */
  readonly newsroom?: string;
}

/**
 * What `sichter serve` (and so `npm start`) says once it listens: what runs, where, and what to do
 * next, for someone who has read nothing else. The first line keeps "listening on ws://…" in every
 * language: scripts and tests wait for it.
 */
export function serveBanner(facts: ServeBannerFacts, locale: Locale): string {
  const de = locale === "de";
  const folders =
    facts.mediaFolders.length > 0
      ? facts.mediaFolders.map((folder) => `    ${folder}`).join("\n")
      : de
        ? `    (noch keiner: sichter serve --media ORDNER, oder Ordner in ${facts.mediaSettingsPath} eintragen)`
        : `    (none yet: sichter serve --media FOLDER, or list folders in ${facts.mediaSettingsPath})`;
  const lines = de
    ? [
        `Sichter-Engine ${facts.version} listening on ${facts.wsUrl} (nur von diesem Rechner erreichbar).`,
        "",
        "Panel im Browser öffnen:",
        "",
        `    ${facts.pairingLink}`,
        "",
        "Ordner, die das Panel zeigen darf:",
        folders,
        "",
        ...(facts.newsroom
          ? [
              `Katalog der Redaktion: ${facts.newsroom}. Analysen übernimmt ein \`sichter worker\` (mindestens einer muss laufen).`,
              "",
            ]
          : []),
        "Premiere, Resolve und Skripte verbinden sich mit dem Token, das `npx sichter token` zeigt.",
        "Ohne Panel: `npx sichter analyze CLIP` (`npx sichter --help` zeigt alles).",
        `Log: ${facts.logPath}. Strg-C beendet die Engine.`,
      ]
    : [
        `Sichter engine ${facts.version} listening on ${facts.wsUrl} (reachable from this machine only).`,
        "",
        "Open the panel in your browser:",
        "",
        `    ${facts.pairingLink}`,
        "",
        "Folders the panel may browse:",
        folders,
        "",
        ...(facts.newsroom
          ? [
              `Newsroom catalog: ${facts.newsroom}. A \`sichter worker\` runs each analysis (at least one must be running).`,
              "",
            ]
          : []),
        "Premiere, Resolve and scripts connect with the token `npx sichter token` prints.",
        "Without the panel: `npx sichter analyze CLIP` (`npx sichter --help` lists everything).",
        `Log: ${facts.logPath}. Ctrl-C stops the engine.`,
      ];
  return `${lines.join("\n")}\n\n`;
}
