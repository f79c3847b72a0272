/**
 * A step that can get ready before it is called: an extension's process started and its code
 * loaded, a model read. The pipeline asks for this when a job starts, so the start-up of a step
 * that comes later runs beside the steps before it instead of delaying its own turn.
 */
export interface Preparable {
  prepare?(): Promise<void>;
}

/**
 * Starts every step's preparation and returns at once. A preparation that fails is not reported
 * here: the step's own call meets the same problem and reports it where the user sees it.
 */
export function prepareInBackground(steps: readonly Preparable[]): void {
  for (const step of steps) step.prepare?.().catch(() => {});
}
