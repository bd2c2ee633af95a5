// Applies the committed SQL migrations (prisma/migrations/<name>/migration.sql) in name order and records each in
// "_provenance_migrations" with its checksum. `prisma migrate deploy` cannot be used: through the pg driver adapter it
// fails to read PostgreSQL's `name` columns (prisma/orm#27403). One migration = one transaction; a session advisory
// lock keeps two instances starting at once from applying the same migration twice.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");
const LOCK_KEY = 727_401_953; // any constant shared by every instance of this app

/** The committed migrations, in the order they apply. */
export function committedMigrations(dir = MIGRATIONS_DIR) {
  return fs
    .readdirSync(dir)
    .filter((name) => fs.existsSync(path.join(dir, name, "migration.sql")))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * Applies what is missing. Refuses to go on when an applied migration's file was edited afterwards, or when the
 * database has migrations this checkout does not know (a newer version of the app ran against it).
 * @returns {Promise<string[]>} the names applied now
 */
export async function migrateDatabase(connectionString, { log = () => {} } = {}) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_provenance_migrations" (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = new Map((await client.query(`SELECT name, checksum FROM "_provenance_migrations"`)).rows.map((r) => [r.name, r.checksum]));
    const committed = committedMigrations();
    const known = new Set(committed.map((m) => m.name));
    const unknown = [...applied.keys()].filter((name) => !known.has(name));
    if (unknown.length > 0) throw new Error(`the database has migrations this version does not know (${unknown.join(", ")}): it was used by a newer version of Provenance`);
    const done = [];
    for (const migration of committed) {
      const checksum = applied.get(migration.name);
      if (checksum !== undefined) {
        if (checksum !== migration.checksum) throw new Error(`migration ${migration.name} was edited after it was applied; restore its committed text`);
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(`INSERT INTO "_provenance_migrations" (name, checksum) VALUES ($1, $2)`, [migration.name, migration.checksum]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`migration ${migration.name} failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      log(`Applied migration ${migration.name}`);
      done.push(migration.name);
    }
    return done;
  } finally {
    await client.end().catch(() => {});
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error("[provenance] DATABASE_URL is not set (npm start and npm run db set it for the embedded server).");
    process.exit(1);
  }
  migrateDatabase(url, { log: (m) => console.log(`[provenance] ${m}`) })
    .then((names) => console.log(`[provenance] Database is up to date${names.length ? ` (${names.length} applied)` : ""}.`))
    .catch((error) => {
      console.error(`[provenance] Migrating the database failed: ${error.message}`);
      process.exit(1);
    });
}
