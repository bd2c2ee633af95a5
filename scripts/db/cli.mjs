// The frame of a whole-database command (import, migrate-from-sqlite): the target database migrated, the operation
// timed, running instances told to drop their caches, one summary line; any failure one line and exit code 1.
import { resolveDatabaseUrl } from "../../lib/server/database-url.mjs";
import { notifyInvalidation } from "../../lib/server/invalidation-bus.mjs";
import { migrateDatabase } from "./migrate.mjs";

/**
 * @param {string} failure what failed, for the error line ("Import")
 * @param {(url: string) => Promise<{ counts: Record<string, number> }>} operation
 * @param {(rows: number, tables: number, seconds: string) => string} summary
 */
export async function runDatabaseCommand(failure, operation, summary) {
  try {
    const url = resolveDatabaseUrl();
    await migrateDatabase(url);
    const started = Date.now();
    const { counts } = await operation(url);
    await notifyInvalidation(url, ["public-articles", "vocabulary"]).catch(() => {});
    const rows = Object.values(counts).reduce((a, b) => a + b, 0);
    console.log(`[provenance] ${summary(rows, Object.keys(counts).length, ((Date.now() - started) / 1000).toFixed(1))}`);
  } catch (error) {
    console.error(`[provenance] ${failure} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
