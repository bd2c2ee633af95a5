// `npm test`: install what is needed (dependencies; Debian's Chromium), run the unit tests, then the
// Playwright end-to-end tests against a production build on a throwaway database.
import fs from "node:fs";
import path from "node:path";
import { ROOT, bin, checkNodeVersion, ensureBuild, ensureDependencies, ensurePrismaClient, fail, migrate, run, say, seed } from "./lib.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

function ensureChromium() {
  if (fs.existsSync(CHROMIUM)) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) fail(`Chromium is missing (${CHROMIUM}). Install Debian's package as root: apt-get update && apt-get install -y chromium — or set CHROMIUM_PATH.`);
  say("Installing Debian's Chromium for the end-to-end tests (apt-get)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (run("apt-get", ["update"], { env }) !== 0 || run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { env }) !== 0) {
    fail("Installing Chromium with apt-get failed; see the output above.");
  }
}

checkNodeVersion();
ensureDependencies();
ensurePrismaClient();
ensureChromium();

// `node scripts/test.mjs [unit|e2e] [playwright args…]` runs one half; E2E_PORT, E2E_DIST_DIR and E2E_DB let
// several checkouts or engineers run end-to-end tests side by side.
const only = process.argv[2];
const extraArgs = process.argv.slice(3);
let failed = false;

if (only !== "e2e") {
  say("Unit and integration tests (vitest)…");
  if (run(bin("vitest"), ["run"]) !== 0) failed = true;
}

if (only !== "unit") {
  // A throwaway database and its own build folder: never the demo database, never the `npm start` build.
  const dbFile = path.resolve(ROOT, process.env.E2E_DB || ".data/e2e.db");
  const distDir = process.env.E2E_DIST_DIR || ".next-test";
  fs.mkdirSync(path.dirname(dbFile), { recursive: true });
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
  process.env.DATABASE_URL = `file:${dbFile}`;
  process.env.PORT = process.env.E2E_PORT || "3100";
  process.env.PUBLIC_BASE_URL = `http://localhost:${process.env.PORT}`;
  process.env.NEXTAUTH_URL = process.env.PUBLIC_BASE_URL;
  process.env.NEXTAUTH_SECRET = "e2e-only-secret-e2e-only-secret-e2e-only-secret";
  process.env.DEMO_SEED = "true";
  migrate();
  seed();
  ensureBuild(distDir);
  say("End-to-end tests (Playwright, Debian Chromium)…");
  if (run(bin("playwright"), ["test", ...extraArgs], { env: { ...process.env, CHROMIUM_PATH: CHROMIUM, E2E_DIST_DIR: distDir } }) !== 0) failed = true;
}

if (failed) fail("Some tests failed.");
say("All tests passed.");
