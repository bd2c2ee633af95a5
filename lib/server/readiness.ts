import "server-only";
import fs from "node:fs";
import path from "node:path";
import { db } from "./db";

export type Readiness = { ready: true } | { ready: false; reason: string };

/** The migrations this version of the app expects (the committed folders; the app runs from the project root). */
function expectedMigrations(): string[] {
  const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), "prisma", "migrations");
  return fs.readdirSync(dir).filter((name) => fs.existsSync(path.join(dir, name, "migration.sql")));
}

/** Ready to serve: the database answers, and every committed migration has been applied to it. */
export async function checkReadiness(): Promise<Readiness> {
  let applied: Set<string>;
  try {
    const rows = await db.$queryRaw<{ name: string }[]>`SELECT name FROM "_provenance_migrations"`;
    applied = new Set(rows.map((r) => r.name));
  } catch {
    return { ready: false, reason: "database unavailable or not migrated" };
  }
  const missing = expectedMigrations().filter((name) => !applied.has(name));
  return missing.length === 0 ? { ready: true } : { ready: false, reason: `migrations not applied: ${missing.join(", ")}` };
}
