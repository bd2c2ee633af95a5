// `npm test`: install what is needed (dependencies; Debian's Chromium), run the unit and data-layer tests on the
// embedded PostgreSQL (and again on the external PostgreSQL at 127.0.0.1:5432 when one answers), then the Playwright
// end-to-end tests against a production build on a throwaway embedded database.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, bin, checkNodeVersion, ensureBuild, ensureDependencies, ensurePrismaClient, fail, migrate, run, say, seed } from "./lib.mjs";

const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

/** Debian's Chromium (the e2e browser) and nginx (deploy/nginx.conf is tested for real), installed when missing. */
function ensureSystemPackages() {
  const missing = [];
  if (!fs.existsSync(CHROMIUM)) missing.push("chromium");
  if (!fs.existsSync("/usr/sbin/nginx") && !fs.existsSync("/usr/bin/nginx")) missing.push("nginx");
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) fail(`Missing: ${missing.join(", ")}. Install Debian's packages as root: apt-get update && apt-get install -y ${missing.join(" ")} (or set CHROMIUM_PATH).`);
  say(`Installing Debian's ${missing.join(" and ")} for the tests (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  if (run("apt-get", ["update"], { env }) !== 0 || run("apt-get", ["install", "-y", "--no-install-recommends", ...missing], { env }) !== 0) {
    fail("Installing with apt-get failed; see the output above.");
  }
  // The Debian package starts nginx on port 80; the tests run their own.
  run("sh", ["-c", "command -v service >/dev/null && service nginx stop >/dev/null 2>&1; true"]);
}

checkNodeVersion();
ensureDependencies();
ensurePrismaClient();
ensureSystemPackages();

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

function addVitest(report, code) {
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

/** The machine's own PostgreSQL, if one answers (the project's machines run one; never required). */
async function externalPostgres() {
  const url = process.env.TEST_EXTERNAL_PG_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
  if (url === "off") return { url: null, why: "TEST_EXTERNAL_PG_URL=off" };
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const version = (await client.query("SHOW server_version")).rows[0].server_version;
    await client.end();
    return { url, version };
  } catch (error) {
    await client.end().catch(() => {});
    return { url: null, why: `${new URL(url).host} did not answer (${error instanceof Error ? error.message : String(error)})` };
  }
}

const engines = [];
if (only !== "e2e") {
  say("Lint (oxlint, zero warnings; import boundaries)…");
  if (run(bin("oxlint"), ["--deny-warnings"]) !== 0) {
    failed = true;
    totals.failed += 1;
    engines.push("lint: FAILED");
  }

  say("Unit and data-layer tests (vitest) on the embedded PostgreSQL…");
  const code = run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestReport}`]);
  addVitest(readJson(vitestReport), code);
  engines.push(`embedded PostgreSQL: ${code === 0 ? "passed" : "FAILED"}`);

  const external = await externalPostgres();
  if (external.url) {
    say(`Data-layer tests again on the external PostgreSQL ${external.version}…`);
    const report = path.join(resultsDir, "vitest-external.json");
    fs.rmSync(report, { force: true });
    const extCode = run(bin("vitest"), ["run", "lib/server", "prisma", "lib/export/demo-conformance.test.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], {
      env: { ...process.env, TEST_PG_ADMIN_URL: external.url },
    });
    addVitest(readJson(report), extCode);
    engines.push(`external PostgreSQL ${external.version} (${new URL(external.url).host}): ${extCode === 0 ? "passed" : "FAILED"}`);
  } else {
    engines.push(`external PostgreSQL: skipped, ${external.why}`);
  }
}

if (only !== "unit") {
  // A throwaway embedded database and its own build folder: never the demo database, never the `npm start` build.
  const { startEmbeddedPostgres } = await import("./db/embedded.mjs");
  const database = await startEmbeddedPostgres({
    dataDir: path.join(os.tmpdir(), `provenance-e2e-${crypto.randomBytes(4).toString("hex")}`, "pg"),
    persistent: false,
    database: "provenance_e2e",
    logFile: path.join(resultsDir, "postgres-e2e.log"),
  });
  const stopDatabase = () => database.stop().catch(() => {});
  process.on("SIGINT", () => stopDatabase().then(() => process.exit(130)));
  const distDir = process.env.E2E_DIST_DIR || ".next-test";
  process.env.DATABASE_URL = database.url;
  process.env.E2E_ADMIN_DATABASE_URL = database.adminUrl;
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
  await stopDatabase();
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
  engines.push(`end-to-end: embedded PostgreSQL ${database.version}`);
}

for (const line of engines) say(`Engine — ${line}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
if (failed) fail("Some tests failed.");
say("All tests passed.");
