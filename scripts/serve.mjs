// `npm run serve`: one more app instance on an existing database. It never migrates or seeds, and never owns the
// database: stopping it leaves the database and the other instances running. It reads the same local settings as
// `npm start` (.data/auth-secret, .data/database-url) unless the environment gives them.
import fs from "node:fs";
import path from "node:path";
import { ROOT, checkNodeVersion, ensureAuthSecret, ensureBuild, ensureDependencies, ensurePrismaClient, fail, portIsFree, requireDatabase, say, serve } from "./lib.mjs";

checkNodeVersion();
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a number between 1 and 65535 (got "${process.env.PORT}").`);
if (!(await portIsFree(port))) fail(`Port ${port} is already in use: run with PORT=<another port> npm run serve.`);
ensureDependencies();
ensurePrismaClient();
ensureAuthSecret();
if (!process.env.DATABASE_URL) {
  const file = path.join(ROOT, ".data", "database-url");
  if (!fs.existsSync(file)) fail("No DATABASE_URL, and no local database (.data/database-url): start one with npm start or npm run db.");
  process.env.DATABASE_URL = fs.readFileSync(file, "utf8").trim();
}
process.env.PUBLIC_BASE_URL ||= `http://localhost:${port}`;
process.env.NEXTAUTH_URL ||= process.env.PUBLIC_BASE_URL;
await requireDatabase(process.env.DATABASE_URL);
ensureBuild(process.env.NEXT_DIST_DIR || ".next");
say(`Serving an instance on http://localhost:${port}.`);
process.exit(await serve(process.env.NEXT_DIST_DIR || ".next", port));
