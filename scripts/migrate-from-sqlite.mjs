// `npm run migrate-from-sqlite -- <file.db>`: moves a database from the SQLite era of Provenance (.data/provenance.db)
// into PostgreSQL (DATABASE_URL, or the embedded database's URL in .data/database-url). The target is migrated first
// and must be empty. Running instances are told to drop their caches.
import { runDatabaseCommand } from "./db/cli.mjs";
import { migrateFromSqlite } from "./db/from-sqlite.mjs";

const file = process.argv[2];
if (!file || process.argv.length > 3) {
  console.error("[provenance] Usage: npm run migrate-from-sqlite -- <file.db>   (the old SQLite database, usually .data/provenance.db)");
  process.exit(1);
}
await runDatabaseCommand(
  "Migration from SQLite",
  (url) => migrateFromSqlite(url, file),
  (rows, tables, seconds) => `Moved ${rows} rows in ${tables} tables from ${file} into PostgreSQL in ${seconds} s.`,
);
