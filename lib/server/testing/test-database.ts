import crypto from "node:crypto";
import { queryAt } from "./query";
import { inject } from "vitest";

/**
 * A fresh PostgreSQL database with every committed migration applied (a clone of the run's migrated template), for
 * data-layer tests against the real engine. Call it BEFORE importing lib/server/db (the client reads DATABASE_URL
 * when it is created).
 */
export async function createTestDatabase(name: string): Promise<{ url: string; database: string }> {
  const database = `t_${name.replace(/[^a-z0-9]+/gi, "_").toLowerCase()}_${crypto.randomBytes(4).toString("hex")}`;
  await queryAt(inject("pgAdminUrl"), `CREATE DATABASE "${database}" TEMPLATE "${inject("pgTemplate")}"`);
  const url = new URL(inject("pgAdminUrl"));
  url.pathname = `/${database}`;
  process.env.DATABASE_URL = url.toString();
  return { url: url.toString(), database };
}

export async function removeTestDatabase(database: string): Promise<void> {
  await queryAt(inject("pgAdminUrl"), `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
}
