import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTempDir } from "../../../test/fixtures.ts";
import { startPostgresCluster, type PostgresCluster } from "../../../test/postgresCluster.ts";
import { PostgresCatalog } from "./PostgresCatalog.ts";
import { postgresConnection } from "./postgresConnection.ts";

/** A CA and a server certificate for "localhost" only, made with the openssl command. */
function makeCertificates(dir: string): void {
  const openssl = (...args: string[]): void => void execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  for (const ca of ["ca", "stranger-ca"]) {
    openssl(
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "2",
      "-subj",
      `/CN=${ca}`,
      "-keyout",
      `${ca}.key`,
      "-out",
      `${ca}.pem`,
    );
  }
  openssl(
    "req",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-subj",
    "/CN=localhost",
    "-keyout",
    "server.key",
    "-out",
    "server.csr",
  );
  fs.writeFileSync(path.join(dir, "san.ext"), "subjectAltName=DNS:localhost\n");
  openssl(
    "x509",
    "-req",
    "-in",
    "server.csr",
    "-CA",
    "ca.pem",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-days",
    "2",
    "-extfile",
    "san.ext",
    "-out",
    "server.pem",
  );
}

let cluster: PostgresCluster;
const certs = makeTempDir("sichter-pg-tls-");
beforeAll(async () => {
  makeCertificates(certs);
  cluster = await startPostgresCluster({
    prepare(data) {
      fs.copyFileSync(path.join(certs, "server.pem"), path.join(data, "server.pem"));
      fs.copyFileSync(path.join(certs, "server.key"), path.join(data, "server.key"));
      fs.chmodSync(path.join(data, "server.key"), 0o600);
    },
    settings: { ssl: "on", ssl_cert_file: "server.pem", ssl_key_file: "server.key" },
  });
  await cluster.createDatabase("tls");
}, 120_000);
afterAll(async () => {
  await cluster?.stop();
  fs.rmSync(certs, { recursive: true, force: true });
});

const at = (host: string, query: string): string => `postgres://sichter@${host}:${cluster.port}/tls?${query}`;

describe("PostgresCatalog over TLS", () => {
  it("sslmode=verify-full with the newsroom's CA connects encrypted, checking chain and host name", async () => {
    const catalog = await PostgresCatalog.open(
      at("localhost", `sslmode=verify-full&sslrootcert=${path.join(certs, "ca.pem")}`),
    );
    try {
      expect(await catalog.search("wahl")).toEqual([]);
      const { rows } = await cluster.sql(
        "SELECT bool_and(s.ssl) AS encrypted, count(*)::int AS n FROM pg_stat_ssl s JOIN pg_stat_activity a USING (pid) WHERE a.application_name = 'sichter'",
      );
      expect(rows[0]).toEqual({ encrypted: true, n: expect.any(Number) });
      expect(rows[0].n).toBeGreaterThan(0);
    } finally {
      await catalog.close();
    }
  });

  it("refuses a server whose certificate another CA signed, and one whose name does not match under verify-full", async () => {
    await expect(
      PostgresCatalog.open(at("localhost", `sslmode=verify-full&sslrootcert=${path.join(certs, "stranger-ca.pem")}`)),
    ).rejects.toMatchObject({
      code: "SICHTER_E_CATALOG_UNAVAILABLE",
    });
    await expect(
      PostgresCatalog.open(at("127.0.0.1", `sslmode=verify-full&sslrootcert=${path.join(certs, "ca.pem")}`)),
    ).rejects.toMatchObject({
      code: "SICHTER_E_CATALOG_UNAVAILABLE",
      message: expect.stringMatching(/altnames|host ?name|127\.0\.0\.1/i),
    });
    // verify-ca checks the chain only: the same server by its address is accepted.
    const byAddress = await PostgresCatalog.open(
      at("127.0.0.1", `sslmode=verify-ca&sslrootcert=${path.join(certs, "ca.pem")}`),
    );
    await byAddress.close();
  });
});

describe("postgresConnection", () => {
  it("checks certificates off this machine by default and refuses plain TCP there", () => {
    expect(postgresConnection("postgres://news:pw@db.newsroom.example/sichter").config.ssl).toMatchObject({
      rejectUnauthorized: true,
    });
    expect(postgresConnection("postgres://news@db.newsroom.example/sichter?sslmode=require").config.ssl).toMatchObject({
      rejectUnauthorized: true,
    });
    expect(() => postgresConnection("postgres://news@db.newsroom.example/sichter?sslmode=disable")).toThrow(
      expect.objectContaining({ code: "SICHTER_E_CATALOG_UNAVAILABLE" }),
    );
    expect(postgresConnection("postgres://news@127.0.0.1:5433/sichter").config).toMatchObject({
      ssl: false,
      host: "127.0.0.1",
      port: 5433,
      database: "sichter",
    });
    expect(postgresConnection("postgres://news:geheim@db.newsroom.example/sichter").display).not.toContain("geheim");
    expect(() => postgresConnection("postgres://news@db/x?sslmode=verify-full&sslrootcert=/no/such/ca.pem")).toThrow(
      /sslrootcert/,
    );
  });
});
