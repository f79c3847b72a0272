import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorCode } from "@sichter/shared/errors";
import { SqliteCatalog } from "../src/catalog/SqliteCatalog.ts";
import { startEngine } from "./engineProcess.ts";
import { makeCutClip, makeTempDir } from "./fixtures.ts";
import { runCli } from "./runCli.ts";

const root = makeTempDir("sichter-xmp-outcome-");
const home = path.join(root, "home");
let clip: string;
let sidecar: string;
let sidecarBytes: Buffer;

beforeAll(async () => {
  const folder = fs.realpathSync(root);
  clip = path.join(folder, "Pressekonferenz.mp4");
  sidecar = path.join(folder, "Pressekonferenz.xmp");
  await makeCutClip(clip, [50, 50]);
  fs.writeFileSync(
    sidecar,
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/">' +
      '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about=""' +
      ' xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:subject><rdf:Bag><rdf:li>Archiv</rdf:li></rdf:Bag></dc:subject>' +
      '</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>',
  );
  // The archivist's "do not touch" (the tests run as root, where the mode alone stops nothing).
  fs.chmodSync(sidecar, 0o444);
  sidecarBytes = fs.readFileSync(sidecar);
}, 60_000);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("sichter analyze when the XMP cannot be written", () => {
  it("keeps the analysis in the catalog and says exactly that: catalogued, sidecar not written and why, exit 1", async () => {
    const result = await runCli(["analyze", clip, "--json", "--lang", "en"], { env: { SICHTER_HOME: home } });
    expect(result.code).toBe(1);

    // The report: one clip, catalogued, with each writer's outcome.
    const report = JSON.parse(result.stdout);
    expect(report.clips).toHaveLength(1);
    const document = report.clips[0];
    expect(document.shots).toHaveLength(2);
    expect(document.written.sidecar).toBeNull();
    expect(document.written.writers).toEqual([
      { id: "sichter.catalog", target: `catalog:${document.clipId}` },
      {
        id: "sichter.xmp",
        target: sidecar,
        error: { code: ErrorCode.XMP_SIDECAR_READ_ONLY, message: expect.stringContaining(sidecar) },
      },
    ]);
    expect(report.failed).toEqual([
      { file: clip, code: ErrorCode.XMP_SIDECAR_READ_ONLY, message: expect.stringMatching(/read-only.*writable/) },
    ]);

    // The words on the terminal tell the same story.
    expect(result.stderr).toContain(`${ErrorCode.XMP_SIDECAR_READ_ONLY}: The sidecar ${sidecar} is read-only`);
    expect(result.stderr).not.toContain(ErrorCode.ANALYZER_FAILED);
    expect(result.stderr).toContain("1 of 1 files analysed and catalogued, 1 error.");

    // And so does the catalog; the sidecar is as the user left it.
    const catalog = SqliteCatalog.open(path.join(home, "data", "catalog.sqlite"));
    try {
      const stored = await catalog.findClip(document.file);
      expect(stored?.id).toBe(document.clipId);
      expect(await catalog.shots(document.clipId)).toHaveLength(2);
    } finally {
      catalog.dispose();
    }
    expect(fs.readFileSync(sidecar).equals(sidecarBytes)).toBe(true);
    expect(fs.statSync(sidecar).mode & 0o777).toBe(0o444);
  }, 120_000);
});

describe("an analysis over the engine's protocol when the XMP cannot be written", () => {
  it("completes with the clip catalogued and the sidecar's refusal in the writers' report, for the panel to show", async () => {
    const engine = await startEngine(path.join(root, "engine-home"));
    const client = engine.client();
    try {
      const { jobId } = await client.request("clip.analyze", {
        path: clip,
        options: { write: "sidecar", language: "en" },
      });
      await expect
        .poll(async () => (await client.request("job.get", { jobId })).state, { timeout: 60_000, interval: 250 })
        .toBe("completed");
      const { result } = await client.request("job.result", { jobId });
      expect(result.written.sidecar).toBeNull();
      const stored = await client.request("catalog.clip", { path: clip });
      expect(result.written.writers).toEqual([
        { id: "sichter.catalog", target: `catalog:${stored.clip.id}` },
        {
          id: "sichter.xmp",
          target: sidecar,
          error: { code: ErrorCode.XMP_SIDECAR_READ_ONLY, message: expect.stringContaining(sidecar) },
        },
      ]);
      expect(result.failures).toContainEqual({
        analyzer: "sichter.xmp",
        code: ErrorCode.XMP_SIDECAR_READ_ONLY,
        message: expect.stringContaining(sidecar),
      });
      expect(stored.shots).toHaveLength(2);
      expect(fs.readFileSync(sidecar).equals(sidecarBytes)).toBe(true);
    } finally {
      client.dispose();
      engine.child.kill("SIGTERM");
      await engine.exited;
    }
  }, 120_000);
});
