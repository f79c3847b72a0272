/** Types of panelBuild.js for the tests that import it. */
export function newestSource(roots: readonly string[]): number;
export function panelIsStale(distDir: string, sources: readonly string[]): boolean;
export function ensurePanel(options: { distDir: string; sources: readonly string[]; build: () => boolean }): {
  dir: string | null;
  built: boolean;
  problem: string | null;
};
