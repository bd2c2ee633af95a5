import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";
import { resolveDatabaseUrl } from "./database-url.mjs";

const globalForPrisma = globalThis as unknown as { provenancePrisma?: PrismaClient };

function createClient(): PrismaClient {
  const max = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  const adapter = new PrismaPg({ connectionString: resolveDatabaseUrl(), max: Number.isInteger(max) && max > 0 ? max : 10, connectionTimeoutMillis: 15_000 });
  // Interactive transactions: Prisma's defaults (2 s to get a connection, 5 s in all) refuse real work on a busy
  // machine (a correction re-anchors every annotation of an article in one transaction). Bounded, but not that tight.
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 30_000 } });
}

/** The one Prisma client (PostgreSQL through the pg driver adapter). Only `lib/server/` imports it. */
export const db: PrismaClient = globalForPrisma.provenancePrisma ?? createClient();
globalForPrisma.provenancePrisma = db;

export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
