import fs from "node:fs";
import path from "node:path";
import { afterAll } from "vitest";
import { describeCatalogConformance } from "../../test/catalogConformance.ts";
import { makeTempDir } from "../../test/fixtures.ts";
import { SqliteCatalog } from "./SqliteCatalog.ts";

const root = makeTempDir("sichter-sqlite-catalog-");
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
let n = 0;

describeCatalogConformance("SqliteCatalog", {
  async open(thumbnails) {
    return SqliteCatalog.open(path.join(root, `catalog-${++n}.sqlite`), { thumbnails });
  },
  async openAgain(thumbnails) {
    return SqliteCatalog.open(path.join(root, `catalog-${n}.sqlite`), { thumbnails });
  },
  async close(catalog) {
    catalog.dispose();
  },
});
