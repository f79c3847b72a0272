/** A call the real Premiere would refuse, as the documentation describes it. */
export class SimulatorError extends Error {
  override readonly name = "SimulatorError";
}
