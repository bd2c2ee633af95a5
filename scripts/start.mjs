// `npm start`: install if needed, create a local secret, migrate, seed the demo (empty database only),
// build if missing or stale, and serve. Node built-ins only until dependencies exist.
import { checkNodeVersion, ensureAuthSecret, ensureBuild, ensureDependencies, ensurePrismaClient, fail, migrate, portIsFree, say, seed, serve } from "./lib.mjs";

checkNodeVersion();
const port = Number(process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT must be a number between 1 and 65535 (got "${process.env.PORT}").`);
if (!(await portIsFree(port))) fail(`Port ${port} is already in use: stop whatever is using it, or run with PORT=<another port> npm start.`);

process.env.DATABASE_URL ||= "file:./.data/provenance.db";
process.env.PUBLIC_BASE_URL ||= `http://localhost:${port}`;
process.env.NEXTAUTH_URL ||= process.env.PUBLIC_BASE_URL;

ensureDependencies();
ensurePrismaClient();
ensureAuthSecret();
say(`Database: ${process.env.DATABASE_URL}`);
migrate();
seed();
ensureBuild(".next");
say(`Serving Provenance on http://localhost:${port} (public URL ${process.env.PUBLIC_BASE_URL}). Stop with Ctrl+C.`);
if (process.env.DEMO_SEED !== "false") say("Reviewers sign in at /login; the demo accounts (local demos only) are listed in the README.");
serve(".next", port);
