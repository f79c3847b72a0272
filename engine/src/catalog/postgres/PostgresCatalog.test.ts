import { afterAll, beforeAll } from "vitest";
import { describeCatalogConformance } from "../../../test/catalogConformance.ts";
import { startPostgresCluster, type PostgresCluster } from "../../../test/postgresCluster.ts";
import { PostgresCatalog } from "./PostgresCatalog.ts";

let cluster: PostgresCluster;
beforeAll(async () => {
  cluster = await startPostgresCluster();
}, 120_000);
afterAll(() => cluster?.stop());

let n = 0;
let url = "";
describeCatalogConformance("PostgresCatalog", {
  // Its pictures live in the database, not in the thumbnails folder the suite hands out.
  async open() {
    // A database of its own per test: nothing one test wrote is seen by the next.
    url = await cluster.createDatabase(`conformance_${++n}`);
    return PostgresCatalog.open(url);
  },
  async openAgain() {
    return PostgresCatalog.open(url);
  },
  async close(catalog) {
    await (catalog as PostgresCatalog).close();
  },
});
