/** How Sichter's own line in a free-text field (Description, Comments) begins. */
export const SICHTER_LINE_PREFIX = "Sichter: ";

/**
 * A free-text field with Sichter's text in a line of its own: the editor's lines stay as they are,
 * Sichter's earlier line is replaced (or removed when it has nothing to say now), and it goes last.
 * The prefix is what tells it apart from an editor's words on a re-apply.
 */
export function withSichterLine(existing: string, text: string): string {
  const own = text.replace(/\s*[\r\n]+\s*/g, " ").trim();
  const lines = existing === "" ? [] : existing.split(/\r?\n/).filter((line) => !line.startsWith(SICHTER_LINE_PREFIX));
  while (lines.length > 0 && lines[lines.length - 1]!.trim() === "") lines.pop();
  if (own !== "") lines.push(SICHTER_LINE_PREFIX + own);
  return lines.join("\n");
}
