import crypto from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A fresh PostgreSQL database with every committed migration applied (a clone of the run's migrated template), for
 * data-layer tests against the real engine. Call it BEFORE importing lib/server/db (the client reads DATABASE_URL
 * when it is created).
 */
export async function createTestDatabase(name: string): Promise<{ url: string; database: string }> {
  const database = `t_${name.replace(/[^a-z0-9]+/gi, "_").toLowerCase()}_${crypto.randomBytes(4).toString("hex")}`;
  await adminQuery(`CREATE DATABASE "${database}" TEMPLATE "${inject("pgTemplate")}"`);
  const url = new URL(inject("pgAdminUrl"));
  url.pathname = `/${database}`;
  process.env.DATABASE_URL = url.toString();
  return { url: url.toString(), database };
}

export async function removeTestDatabase(database: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
}
