// `npm run db`: runs the embedded PostgreSQL on its own (migrated), so that app instances (`npm start`,
// `npm run serve`) only connect to it. Stop with Ctrl+C.
import { checkNodeVersion, ensureDependencies, migrate, say, startLocalDatabase } from "./lib.mjs";

checkNodeVersion();
ensureDependencies();
const database = await startLocalDatabase();
if (database.joined) {
  say("The embedded database is already running (another `npm run db`).");
  process.exit(0);
}
process.env.DATABASE_URL = database.url;
migrate();
say("Database ready. Instances join with: DATABASE_URL=$(cat .data/database-url) PORT=3001 npm run serve. Stop with Ctrl+C.");
const stop = async () => {
  await database.stop();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
setInterval(() => {}, 1 << 30);
