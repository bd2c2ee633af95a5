import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

const ROOT = path.resolve(__dirname, "../../..");

/**
 * A fresh SQLite file with every committed migration applied, for data-layer tests against a real database.
 * Call it BEFORE importing lib/server/db (the client reads DATABASE_URL when it is created).
 */
export function createTestDatabase(name: string): { url: string; file: string } {
  const dir = path.join(ROOT, ".data", "vitest");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}-${process.pid}-${Date.now()}.db`);
  const sqlite = new Database(file);
  try {
    const migrationsDir = path.join(ROOT, "prisma", "migrations");
    for (const folder of fs.readdirSync(migrationsDir).sort()) {
      const sqlFile = path.join(migrationsDir, folder, "migration.sql");
      if (fs.existsSync(sqlFile)) sqlite.exec(fs.readFileSync(sqlFile, "utf8"));
    }
  } finally {
    sqlite.close();
  }
  const url = `file:${file}`;
  process.env.DATABASE_URL = url;
  return { url, file };
}

export function removeTestDatabase(file: string): void {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
}
