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

// Each runner also writes a JSON report, so the run ends with one plain "N passed, N failed" line.
const resultsDir = path.join(ROOT, ".data", "test-results");
fs.mkdirSync(resultsDir, { recursive: true });
const vitestReport = path.join(resultsDir, "vitest.json");
const playwrightReport = path.join(resultsDir, "playwright.json");
for (const file of [vitestReport, playwrightReport]) fs.rmSync(file, { force: true });
const totals = { passed: 0, failed: 0, skipped: 0 };

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

if (only !== "e2e") {
  say("Unit and integration tests (vitest)…");
  const code = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`]);
  const report = readJson(vitestReport);
  if (report) {
    totals.passed += report.numPassedTests ?? 0;
    totals.failed += report.numFailedTests ?? 0;
    totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  if (code !== 0) {
    failed = true;
    if (!report?.numFailedTests) totals.failed += 1; // the runner itself failed (e.g. a suite did not load)
  }
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
  const code = run(bin("playwright"), ["test", "--reporter=list,json", ...extraArgs], {
    env: { ...process.env, CHROMIUM_PATH: CHROMIUM, E2E_DIST_DIR: distDir, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport },
  });
  const stats = readJson(playwrightReport)?.stats;
  if (stats) {
    totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    totals.failed += stats.unexpected ?? 0;
    totals.skipped += stats.skipped ?? 0;
  }
  if (code !== 0) {
    failed = true;
    if (!stats?.unexpected) totals.failed += 1;
  }
}

console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (failed) fail("Some tests failed.");
say("All tests passed.");
