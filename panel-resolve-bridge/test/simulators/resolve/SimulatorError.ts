/** A use of the simulated API that the real Resolve would not survive (a test mistake or a race). */
export class SimulatorError extends Error {
  override readonly name = "SimulatorError";
}
