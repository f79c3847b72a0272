import { deflateRawSync } from "node:zlib";
import { crc32 } from "./crc32.ts";

export interface ZipEntry {
  /** Forward slashes, no leading slash: "icons/plugin@1x.png". */
  readonly path: string;
  readonly data: Uint8Array;
}

/** 1980-01-01 00:00 in DOS format: a fixed time, so the same files give the same archive. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 1 << 11;

/**
 * A ZIP archive (what a .ccx is) of the entries, deflated where that helps, stored otherwise. Small
 * and exact on purpose: no ZIP64 (a panel is far below 4 GB), UTF-8 names, no extra fields.
 */
export function zipArchive(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  const seen = new Set<string>();
  for (const entry of entries) {
    if (
      entry.path === "" ||
      entry.path.startsWith("/") ||
      entry.path.includes("\\") ||
      entry.path.split("/").includes("..")
    ) {
      throw new Error(`not a relative archive path: ${entry.path}`);
    }
    if (seen.has(entry.path)) throw new Error(`twice in the archive: ${entry.path}`);
    seen.add(entry.path);
    const name = Buffer.from(entry.path, "utf8");
    const deflated = deflateRawSync(entry.data, { level: 9 });
    const stored = deflated.length >= entry.data.length;
    const body = stored ? Buffer.from(entry.data) : deflated;
    const method = stored ? 0 : 8;
    const crc = crc32(entry.data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    const fields = { method, crc, compressedSize: body.length, size: entry.data.length, nameLength: name.length };
    writeEntryFields(local, 6, fields);
    local.writeUInt16LE(0, 28);
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    writeEntryFields(central, 8, fields);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

interface EntryFields {
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly nameLength: number;
}

/** The run of fields the local header and the central directory share, in the same order, from `at`. */
function writeEntryFields(header: Buffer, at: number, f: EntryFields): void {
  header.writeUInt16LE(UTF8_NAMES, at);
  header.writeUInt16LE(f.method, at + 2);
  header.writeUInt16LE(DOS_TIME, at + 4);
  header.writeUInt16LE(DOS_DATE, at + 6);
  header.writeUInt32LE(f.crc, at + 8);
  header.writeUInt32LE(f.compressedSize, at + 12);
  header.writeUInt32LE(f.size, at + 16);
  header.writeUInt16LE(f.nameLength, at + 20);
}
