// @ts-check
// Plain JavaScript: also loaded at run time, unbundled, by the Next cache handler (lib/server/next-cache-handler.mjs).
import fs from "node:fs";
import path from "node:path";

/** Where `npm start` / `npm run db` write the embedded server's URL (mode 600), so scripts and other instances join it. */
export const LOCAL_DATABASE_URL_FILE = ".data/database-url";

/**
 * The PostgreSQL connection URL: DATABASE_URL, or else the embedded server's URL from .data/database-url.
 * Shared by the app, the scripts and the seed so all of them open the same database.
 * @param {string | undefined} [raw]
 * @returns {string}
 */
export function resolveDatabaseUrl(raw = process.env.DATABASE_URL) {
  const given = raw?.trim();
  if (given) {
    if (!/^postgres(ql)?:\/\//.test(given)) {
      throw new Error(`DATABASE_URL must be a PostgreSQL URL (postgresql://user:password@host:5432/database), got "${given.replace(/:[^:@/]*@/, ":***@")}"`);
    }
    return given;
  }
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), LOCAL_DATABASE_URL_FILE);
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  throw new Error("DATABASE_URL is not set, and no embedded database is running here (start one with npm start or npm run db).");
}
