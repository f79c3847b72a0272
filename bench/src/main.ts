import { parseArgs } from "node:util";
import { shotsBenchmark } from "./shotsBenchmark.ts";

const help = `Usage: npm run bench -- shots [--quick] [--json]

  shots     precision/recall/F1 and speed of Sichter's shot detection (fast and exact) against
            ffmpeg's scene filter on the generated samples, plus peak memory on a 10-minute clip
  --quick   leave out the 10-minute clip
  --json    print the raw rows as JSON after the table`;

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { quick: { type: "boolean" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
  });
  const which = positionals[0] ?? "shots";
  if (values.help || which !== "shots") {
    process.stdout.write(`${help}\n`);
    return values.help ? 0 : 2;
  }
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const { rows, table } = await shotsBenchmark({ long: !values.quick, log });
  process.stdout.write(`${table}\n`);
  if (values.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  return 0;
}
