/**
 * Vitest global setup: one PostgreSQL server for the run and a migrated template database; each test file clones
 * the template (CREATE DATABASE … TEMPLATE), which takes milliseconds instead of migrating afresh.
 * The server is the embedded one (throwaway, in the temp folder), or the one TEST_PG_ADMIN_URL names (the external
 * engine run of `npm test`; the URL must allow CREATE DATABASE).
 */
import crypto from "node:crypto";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { queryAt } from "./query";
import { startEmbeddedPostgres } from "../../../scripts/db/embedded.mjs";
import { migrateDatabase } from "../../../scripts/db/migrate.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const external = process.env.TEST_PG_ADMIN_URL;
  const server = external
    ? null
    : await startEmbeddedPostgres({ dataDir: path.join(os.tmpdir(), `provenance-vitest-${crypto.randomBytes(4).toString("hex")}`, "pg"), persistent: false });
  const adminUrl = external ?? server!.adminUrl;
  const version = (await queryAt<{ server_version: string }>(adminUrl, "SHOW server_version"))[0].server_version;
  const template = `provenance_tpl_${process.pid}_${crypto.randomBytes(3).toString("hex")}`;
  await queryAt(adminUrl, `CREATE DATABASE "${template}"`);
  await migrateDatabase(withDatabase(adminUrl, template));
  console.log(`[provenance] Data-layer tests run on PostgreSQL ${version} (${external ? `external, ${new URL(adminUrl).host}` : "embedded"}).`);
  project.provide("pgAdminUrl", adminUrl);
  project.provide("pgTemplate", template);
  return async () => {
    await queryAt(adminUrl, `DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`).catch(() => {});
    await server?.stop();
  };
}
