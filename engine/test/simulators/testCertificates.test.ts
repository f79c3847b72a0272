import { createPrivateKey, X509Certificate } from "node:crypto";
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCertificates, type TestCertificates } from "./testCertificates.ts";

describe("createTestCertificates", () => {
  let pki: TestCertificates;
  beforeAll(async () => {
    pki = await createTestCertificates();
  }, 60_000);
  afterAll(() => pki?.dispose());

  it("makes a CA and a localhost/127.0.0.1 server certificate it signed", () => {
    const ca = new X509Certificate(pki.ca.cert);
    const server = new X509Certificate(pki.server.cert);
    expect(ca.ca).toBe(true);
    expect(server.ca).toBe(false);
    expect(server.checkIssued(ca)).toBe(true);
    expect(server.verify(ca.publicKey)).toBe(true);
    expect(server.checkHost("localhost")).toBe("localhost");
    expect(server.checkIP("127.0.0.1")).toBe("127.0.0.1");
    expect(server.checkPrivateKey(createPrivateKey(pki.server.key))).toBe(true);
    expect(fs.readFileSync(pki.ca.certFile, "utf8")).toBe(pki.ca.cert);
  });

  it("makes a wrong-host, a self-signed and an expired certificate", () => {
    const ca = new X509Certificate(pki.ca.cert);
    const wrongHost = new X509Certificate(pki.wrongHost.cert);
    expect(wrongHost.verify(ca.publicKey)).toBe(true);
    expect(wrongHost.checkHost("localhost")).toBeUndefined();
    expect(wrongHost.checkIP("127.0.0.1")).toBeUndefined();

    const selfSigned = new X509Certificate(pki.selfSigned.cert);
    expect(selfSigned.verify(ca.publicKey)).toBe(false);
    expect(selfSigned.verify(selfSigned.publicKey)).toBe(true);
    expect(selfSigned.checkIP("127.0.0.1")).toBe("127.0.0.1");

    const expired = new X509Certificate(pki.expired.cert);
    expect(expired.verify(ca.publicKey)).toBe(true);
    expect(new Date(expired.validTo).getTime()).toBeLessThan(Date.now());
    expect(expired.checkIP("127.0.0.1")).toBe("127.0.0.1");
  });

  it("fails loudly, never skips, when openssl cannot be started", async () => {
    const path = process.env.PATH;
    process.env.PATH = "";
    try {
      await expect(createTestCertificates()).rejects.toThrow(/openssl command is not installed/);
    } finally {
      process.env.PATH = path;
    }
  });

  it("removes its folder on dispose", async () => {
    const other = await createTestCertificates();
    expect(fs.existsSync(other.server.keyFile)).toBe(true);
    other.dispose();
    expect(fs.existsSync(other.dir)).toBe(false);
  }, 60_000);
});
