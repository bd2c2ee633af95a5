// `npm run export [file]`: the whole database as one versioned JSON file (default provenance-export-<time>.json).
// Reads DATABASE_URL, or the embedded database's URL in .data/database-url.
import fs from "node:fs";
import { finished } from "node:stream/promises";
import { resolveDatabaseUrl } from "../lib/server/database-url.mjs";
import { exportDatabase } from "./db/transfer.mjs";

const file = process.argv[2] || `provenance-export-${new Date().toISOString().replace(/[:.]/g, "-")}.json`;
try {
  const url = resolveDatabaseUrl();
  const out = fs.createWriteStream(file, { flags: "wx", mode: 0o600 }); // never overwrites; holds password hashes
  const started = Date.now();
  const counts = await exportDatabase(url, out);
  out.end();
  await finished(out);
  const rows = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(`[provenance] Exported ${rows} rows from ${Object.keys(counts).length} tables to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
} catch (error) {
  console.error(`[provenance] Export failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
