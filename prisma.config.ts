import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// engine "js": the CLI never downloads a native engine (blocked on this network). The CLI is used offline only:
// `prisma generate`, and `prisma migrate diff` to write migrations (npm run db:diff). Migrations are applied by
// scripts/migrate.mjs, because `prisma migrate deploy` through the pg adapter fails (prisma/orm#27403).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  // Required by engine "js"; offline commands never open it.
  adapter: async () => new PrismaPg({ connectionString: process.env.DATABASE_URL ?? "postgresql://localhost/provenance" }),
});
