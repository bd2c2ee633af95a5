// `npm start`: install if needed, create a local secret, start the embedded PostgreSQL (unless DATABASE_URL names a
// server), migrate, seed the demo (empty database only), build if missing or stale, and serve with `next start`.
// Node built-ins only until dependencies exist.
import { checkNodeVersion, ensureAuthSecret, ensureBuild, ensureDependencies, ensurePrismaClient, fail, migrate, portIsFree, requireDatabase, say, seed, serve, startLocalDatabase } from "./lib.mjs";

checkNodeVersion();
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a number between 1 and 65535 (got "${process.env.PORT}").`);
if (!(await portIsFree(port))) fail(`Port ${port} is already in use: stop whatever is using it, or run with PORT=<another port> npm start.`);

process.env.PUBLIC_BASE_URL ||= `http://localhost:${port}`;
process.env.NEXTAUTH_URL ||= process.env.PUBLIC_BASE_URL;

ensureDependencies();
ensurePrismaClient();
ensureAuthSecret();
let database = null;
if (process.env.DATABASE_URL) {
  await requireDatabase(process.env.DATABASE_URL);
  say("Database: the PostgreSQL server DATABASE_URL names.");
} else {
  database = await startLocalDatabase();
  process.env.DATABASE_URL = database.url;
}
const stopDatabase = async () => {
  await database?.stop().catch(() => {});
};
process.on("exit", () => {}); // keep the handlers below in charge of the order: app first, then the database
try {
  migrate();
  seed();
  ensureBuild(".next");
} catch (error) {
  await stopDatabase();
  throw error;
}
say(`Serving Provenance on http://localhost:${port} (public URL ${process.env.PUBLIC_BASE_URL}). Stop with Ctrl+C.`);
if (process.env.DEMO_SEED !== "false") say("Reviewers sign in at /login; the demo accounts (local demos only) are listed in the README.");
if (database && !database.joined) say(`A second instance can join: DATABASE_URL=$(cat .data/database-url) PORT=${port + 1} npm run serve`);
const code = await serve(".next", port);
await stopDatabase();
process.exit(code);
