// `npm run migrate-from-sqlite -- <file.db>`: moves a database from the SQLite era of Provenance (.data/provenance.db)
// into PostgreSQL (DATABASE_URL, or the embedded database's URL in .data/database-url). The target is migrated first
// and must be empty. Running instances are told to drop their caches.
import { resolveDatabaseUrl } from "../lib/server/database-url.mjs";
import { notifyInvalidation } from "../lib/server/invalidation-bus.mjs";
import { migrateDatabase } from "./db/migrate.mjs";
import { migrateFromSqlite } from "./db/from-sqlite.mjs";

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error("[provenance] Usage: npm run migrate-from-sqlite -- <file.db>   (the old SQLite database, usually .data/provenance.db)");
  process.exit(1);
}
try {
  const url = resolveDatabaseUrl();
  await migrateDatabase(url);
  const started = Date.now();
  const { counts } = await migrateFromSqlite(url, file);
  await notifyInvalidation(url, ["public-articles", "vocabulary"]).catch(() => {});
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`[provenance] Moved ${rows} rows in ${Object.keys(counts).length} tables from ${file} into PostgreSQL in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error(`[provenance] Migration from SQLite failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
