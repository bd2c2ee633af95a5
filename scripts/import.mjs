// `npm run import <file>`: restores an export into an empty database (migrating it first), as a raw restore: the rows
// as they were, plus one audit event for the restore. Running instances are told to drop their caches.
import fs from "node:fs";
import { runDatabaseCommand } from "./db/cli.mjs";
import { importDatabase } from "./db/transfer.mjs";

const file = process.argv[2];
if (!file) {
  console.error("[provenance] Usage: npm run import <export file>");
  process.exit(1);
}
await runDatabaseCommand(
  "Import",
  (url) => {
    if (!fs.existsSync(file)) throw new Error(`there is no file ${file}`);
    return importDatabase(url, file);
  },
  (rows, tables, seconds) => `Restored ${rows} rows into ${tables} tables from ${file} in ${seconds} s.`,
);
