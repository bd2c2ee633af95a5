import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/prisma/client";
import { resolveDatabaseUrl } from "./database-url";

const globalForPrisma = globalThis as unknown as { provenancePrisma?: PrismaClient };

function createClient(): PrismaClient {
  const adapter = new PrismaBetterSQLite3({ url: resolveDatabaseUrl(process.env.DATABASE_URL) });
  return new PrismaClient({ adapter });
}

/** The one Prisma client. Only `lib/server/` imports it. */
export const db: PrismaClient = globalForPrisma.provenancePrisma ?? createClient();
if (process.env.NODE_ENV !== "production") globalForPrisma.provenancePrisma = db;

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
