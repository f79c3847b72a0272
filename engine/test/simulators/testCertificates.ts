import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** A key and its certificate, as files (for caFile options) and as PEM text (for servers). */
export interface PemPair {
  readonly keyFile: string;
  readonly certFile: string;
  readonly key: string;
  readonly cert: string;
}

export interface TestCertificates {
  /** The folder everything lives in; removed by dispose(). */
  readonly dir: string;
  /** A test certificate authority; pass `ca.certFile` as a custom CA. */
  readonly ca: PemPair;
  /** For `localhost` and IP 127.0.0.1, signed by `ca`: valid when `ca` is trusted. */
  readonly server: PemPair;
  /** Signed by `ca` but for another host name: a host-name mismatch even when `ca` is trusted. */
  readonly wrongHost: PemPair;
  /** For `localhost` and 127.0.0.1, signed by its own key and no CA. */
  readonly selfSigned: PemPair;
  /** For `localhost` and 127.0.0.1, signed by `ca`, valid only for a day in 2020. */
  readonly expired: PemPair;
  dispose(): void;
}

/** The only name/IP pair the loopback simulators listen on. */
const LOCAL_NAMES = "DNS:localhost,IP:127.0.0.1";

/**
 * Makes a small PKI with the `openssl` command line in a fresh temporary folder, so TLS tests run
 * against real certificate checks. EC P-256 keys keep generation fast on a shared machine. A
 * missing openssl fails the calling test: TLS checks that silently did not run prove nothing.
 */
export async function createTestCertificates(): Promise<TestCertificates> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sichter-test-pki-"));
  try {
    const file = (name: string) => path.join(dir, name);
    fs.writeFileSync(file("openssl.cnf"), config(dir));
    fs.writeFileSync(file("index.txt"), "");
    fs.writeFileSync(file("serial"), "1000\n");
    const conf = ["-config", file("openssl.cnf")];
    const newKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];

    await openssl([
      "req",
      "-x509",
      ...conf,
      ...newKey,
      "-keyout",
      file("ca.key"),
      "-out",
      file("ca.crt"),
      "-days",
      "2",
      "-subj",
      "/CN=Sichter Test CA",
      "-extensions",
      "ca_ext",
    ]);

    const signed = async (name: string, extensions: string, subject: string) => {
      await openssl([
        "req",
        "-new",
        ...conf,
        ...newKey,
        "-keyout",
        file(`${name}.key`),
        "-out",
        file(`${name}.csr`),
        "-subj",
        subject,
      ]);
      await openssl([
        "x509",
        "-req",
        "-in",
        file(`${name}.csr`),
        "-CA",
        file("ca.crt"),
        "-CAkey",
        file("ca.key"),
        "-CAcreateserial",
        "-days",
        "2",
        "-extfile",
        file("openssl.cnf"),
        "-extensions",
        extensions,
        "-out",
        file(`${name}.crt`),
      ]);
    };
    await signed("server", "server_ext", "/CN=localhost");
    await signed("wrong-host", "other_host_ext", "/CN=other.invalid");

    await openssl([
      "req",
      "-x509",
      ...conf,
      ...newKey,
      "-keyout",
      file("self-signed.key"),
      "-out",
      file("self-signed.crt"),
      "-days",
      "2",
      "-subj",
      "/CN=localhost",
      "-extensions",
      "server_ext",
    ]);

    // `openssl x509` cannot date a certificate in the past; `openssl ca` can, with its small database.
    await openssl([
      "req",
      "-new",
      ...conf,
      ...newKey,
      "-keyout",
      file("expired.key"),
      "-out",
      file("expired.csr"),
      "-subj",
      "/CN=localhost",
    ]);
    await openssl([
      "ca",
      "-batch",
      ...conf,
      "-cert",
      file("ca.crt"),
      "-keyfile",
      file("ca.key"),
      "-in",
      file("expired.csr"),
      "-out",
      file("expired.crt"),
      "-startdate",
      "20200101000000Z",
      "-enddate",
      "20200102000000Z",
      "-extensions",
      "server_ext",
      "-notext",
    ]);

    const pair = (name: string): PemPair => ({
      keyFile: file(`${name}.key`),
      certFile: file(`${name}.crt`),
      key: fs.readFileSync(file(`${name}.key`), "utf8"),
      cert: fs.readFileSync(file(`${name}.crt`), "utf8"),
    });
    return {
      dir,
      ca: pair("ca"),
      server: pair("server"),
      wrongHost: pair("wrong-host"),
      selfSigned: pair("self-signed"),
      expired: pair("expired"),
      dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

function openssl(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile("openssl", args, { windowsHide: true }, (error, _stdout, stderr) => {
      if (!error) resolve();
      else if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        reject(
          new Error(
            "the openssl command is not installed or not on PATH; the TLS tests need it to make test certificates",
            { cause: error },
          ),
        );
      } else reject(new Error(`openssl ${args[0]} failed: ${stderr.trim() || error.message}`, { cause: error }));
    });
  });
}

/** One config for every step, so the machine's own openssl.cnf cannot change what is made. */
function config(dir: string): string {
  return `
[ req ]
distinguished_name = dn
prompt = no

[ dn ]
CN = unused

[ ca_ext ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[ server_ext ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = ${LOCAL_NAMES}

[ other_host_ext ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = serverAuth
subjectAltName = DNS:other.invalid

[ ca ]
default_ca = test_ca

[ test_ca ]
database = ${path.join(dir, "index.txt")}
new_certs_dir = ${dir}
serial = ${path.join(dir, "serial")}
default_md = sha256
policy = any_name
unique_subject = no
copy_extensions = none

[ any_name ]
commonName = supplied
`;
}
