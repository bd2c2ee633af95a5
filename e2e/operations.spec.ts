import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startEmbeddedPostgres } from "../scripts/db/embedded.mjs";

/*
 * Operations: an instance started against an unreachable database says so in one line and exits non-zero; a running
 * instance answers /api/ready 503 while its database is down (liveness stays 200) and recovers when it is back.
 */
test.describe.configure({ mode: "serial" });

const ROOT = path.resolve(__dirname, "..");
const PORT = Number(process.env.E2E_PORT ?? 3100) + 21;

function startInstance(databaseUrl: string, port: number): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), NEXT_DIST_DIR: process.env.E2E_DIST_DIR || ".next-test", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so that a test can end `next start` and the server process it starts together.
    detached: true,
  });
  child.stdout!.on("data", (c) => (output += c));
  child.stderr!.on("data", (c) => (output += c));
  return { child, output: () => output };
}

const status = async (p: string) => {
  try {
    return (await fetch(`http://localhost:${PORT}${p}`, { signal: AbortSignal.timeout(5_000) })).status;
  } catch {
    return 0;
  }
};

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

test("a bad DATABASE_URL is one clear line and a non-zero exit, never a stack trace", async () => {
  test.setTimeout(60_000);
  const { child, output } = startInstance("postgresql://nobody:secret@127.0.0.1:1/missing", PORT);
  const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
  expect(code).not.toBe(0);
  const errors = output()
    .split("\n")
    .filter((line) => line.includes("[provenance]"));
  expect(errors).toHaveLength(1);
  expect(errors[0]).toContain("Cannot reach PostgreSQL at 127.0.0.1:1/missing");
  expect(errors[0]).not.toContain("secret");
  expect(output()).not.toMatch(/^\s+at /m);
});

/** A throwaway embedded PostgreSQL in its own folder, migrated; `options` start it again on the same port. */
async function migratedDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "provenance-ops-"));
  fs.chmodSync(dir, 0o755);
  const options = { dataDir: path.join(dir, "pg"), stateFile: path.join(dir, "state.json"), ownerFile: path.join(dir, "owner"), database: "ops" };
  const database = await startEmbeddedPostgres(options);
  // Migrated as `npm start` does, by running the script (Playwright loads specs as CommonJS, and migrate.mjs uses
  // import.meta, so it cannot be imported here).
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "db", "migrate.mjs")], { env: { ...process.env, DATABASE_URL: database.url }, stdio: "ignore" });
  return { dir, options, database };
}

test("/api/ready is 503 while the database is down, /api/health stays 200, and readiness comes back with the database", async () => {
  test.setTimeout(120_000);
  const { dir, options, database: first } = await migratedDatabase();
  let database = first;
  const port = Number(new URL(database.url).port);
  const { child } = startInstance(database.url, PORT);
  try {
    expect(await until(async () => (await status("/api/ready")) === 200, 60_000)).toBe(true);
    await database.stop();
    expect(await until(async () => (await status("/api/ready")) === 503, 15_000)).toBe(true);
    expect(await status("/api/health")).toBe(200);
    // The same server again, on the same port (the state file keeps it): the pool reconnects.
    database = await startEmbeddedPostgres(options);
    expect(Number(new URL(database.url).port)).toBe(port);
    expect(await until(async () => (await status("/api/ready")) === 200, 20_000)).toBe(true);
  } finally {
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.kill("SIGTERM");
    });
    await database.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("an instance whose log pipe closes keeps answering (its writes fail with EPIPE, and that is not a loop)", async () => {
  test.setTimeout(120_000);
  const { dir, options, database: first } = await migratedDatabase();
  let database = first;
  const { child } = startInstance(database.url, PORT);
  try {
    expect(await until(async () => (await status("/api/ready")) === 200, 60_000)).toBe(true);
    // Whoever read the logs goes away: the pipes close.
    child.stdout!.destroy();
    child.stderr!.destroy();
    // Things the server logs about: a page that fails, and the database going away (the cache listener's warnings).
    expect(await status("/no-such-page")).toBe(404);
    await database.stop();
    expect(await until(async () => (await status("/api/ready")) === 503, 15_000)).toBe(true);
    await new Promise((r) => setTimeout(r, 6_000));
    // Still answering, and back to ready with its database (before the fix: 100% CPU, no answer at all).
    expect(await status("/api/health")).toBe(200);
    database = await startEmbeddedPostgres(options);
    expect(await until(async () => (await status("/api/ready")) === 200, 20_000)).toBe(true);
    expect(child.exitCode).toBeNull();
  } finally {
    // `next start` runs the server in a child process: the whole group goes (a server stuck as before ignores SIGTERM).
    await new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      process.kill(-child.pid!, "SIGKILL");
    });
    await database.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
