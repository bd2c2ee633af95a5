// `npm run import <file>`: restores an export into an empty database (migrating it first), as a raw restore: the rows
// as they were, plus one audit event for the restore. Running instances are told to drop their caches.
import fs from "node:fs";
import { resolveDatabaseUrl } from "../lib/server/database-url.mjs";
import { notifyInvalidation } from "../lib/server/invalidation-bus.mjs";
import { migrateDatabase } from "./db/migrate.mjs";
import { importDatabase } from "./db/transfer.mjs";

const file = process.argv[2];
if (!file) {
  console.error("[provenance] Usage: npm run import <export file>");
  process.exit(1);
}
try {
  if (!fs.existsSync(file)) throw new Error(`there is no file ${file}`);
  const url = resolveDatabaseUrl();
  await migrateDatabase(url);
  const started = Date.now();
  const { counts } = await importDatabase(url, file);
  await notifyInvalidation(url, ["public-articles", "vocabulary"]).catch(() => {});
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`[provenance] Restored ${rows} rows into ${Object.keys(counts).length} tables from ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error(`[provenance] Import failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
