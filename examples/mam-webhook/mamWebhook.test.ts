import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeCutClip, makeTempDir } from "../../engine/test/fixtures.ts";
import { runCli } from "../../engine/test/runCli.ts";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = makeTempDir("sichter-mam-webhook-");
const home = path.join(root, "home");
const env = { SICHTER_HOME: home };
const received: Array<{ headers: http.IncomingHttpHeaders; body: any }> = [];
let status = 201;
let server: http.Server;
let clip: string;

function configure(settings: Record<string, unknown>): void {
  fs.mkdirSync(path.join(home, "config"), { recursive: true });
  fs.writeFileSync(
    path.join(home, "config", "extensions.json"),
    JSON.stringify({ disabled: [], settings: { "examples.mam-webhook": settings } }),
  );
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      received.push({ headers: req.headers, body: JSON.parse(body) });
      res.writeHead(status, status < 300 ? { location: "mam://asset/4711" } : {});
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  clip = path.join(root, "Rathaus.mp4");
  await makeCutClip(clip, [50, 50]);
  expect((await runCli(["extensions", "install", here], { env })).code).toBe(0);
}, 120_000);
afterAll(() => {
  server.close();
  fs.rmSync(root, { recursive: true, force: true });
});

describe("examples/mam-webhook", () => {
  it("POSTs the finished tag plan with the clip to the configured URL", async () => {
    configure({
      url: `http://127.0.0.1:${(server.address() as { port: number }).port}/sichter`,
      bearerToken: "mam-secret",
    });
    const result = await runCli(["analyze", clip, "--json", "--no-write"], { env });
    expect(result.code).toBe(0);
    expect(received).toHaveLength(1);
    const { headers, body } = received[0]!;
    expect(headers["content-type"]).toBe("application/json");
    expect(headers.authorization).toBe("Bearer mam-secret");
    expect(body.clip).toMatchObject({ path: clip, frameRate: "25/1", frameCount: 100 });
    expect(body.plan.markers.some((m: { startFrame: number }) => m.startFrame === 50)).toBe(true);
    const written = JSON.parse(result.stdout).clips[0].written;
    expect(written.writers).toEqual([
      { id: "sichter.catalog", target: expect.stringMatching(/^catalog:\d+$/) },
      { id: "examples.mam-webhook", target: "mam://asset/4711" },
    ]);
  });

  it("reports a MAM that answers with an error, and the analysis still stands", async () => {
    status = 503;
    const result = await runCli(["analyze", clip, "--json", "--no-write"], { env });
    expect(result.code).toBe(1);
    const document = JSON.parse(result.stdout).clips[0];
    expect(document.failures).toEqual([
      expect.objectContaining({ analyzer: "examples.mam-webhook", code: "SICHTER_E_EXTENSION_FAILED" }),
    ]);
    expect(document.failures[0].message).toContain("503");
    expect(document.shots).toHaveLength(2);
    status = 201;
  });

  it("refuses a plain-HTTP URL off this machine before sending anything", async () => {
    configure({ url: "http://mam.example.org/sichter" });
    const before = received.length;
    const result = await runCli(["analyze", clip, "--json", "--no-write"], { env });
    const document = JSON.parse(result.stdout).clips[0];
    expect(document.failures[0]).toMatchObject({ analyzer: "examples.mam-webhook" });
    expect(document.failures[0].message).toContain("https://");
    expect(received.length).toBe(before);
  });
});
