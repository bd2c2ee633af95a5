/**
 * What every benchmark needs: a throwaway embedded PostgreSQL (never the demo database in .data/), the committed
 * migrations, the demo seed, the production build in .next-bench, `next start` instances, nginx with the shipped
 * config, next-auth sign-in, percentiles, and rewriting a marked block of BENCHMARKS.md. Loopback only.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export const ROOT = path.resolve(__dirname, "..", "..");
export const DIST = process.env.BENCH_DIST_DIR ?? ".next-bench";
export const HOST = "127.0.0.1";
export const SECRET = "bench-only-secret-bench-only-secret-bench-only";

export function log(message: string) {
  console.log(`[bench] ${message}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Cleanup: every child and server this process starts is stopped on exit, whatever happens.

const cleanups: (() => Promise<void> | void)[] = [];
export function onCleanup(fn: () => Promise<void> | void) {
  cleanups.unshift(fn);
}
export async function cleanupAll() {
  while (cleanups.length) {
    try {
      await cleanups.shift()!();
    } catch (error) {
      console.error("[bench] cleanup:", error instanceof Error ? error.message : error);
    }
  }
}
process.on("SIGINT", () => void cleanupAll().then(() => process.exit(130)));
process.on("SIGTERM", () => void cleanupAll().then(() => process.exit(143)));

/** Runs `main`, always cleans up, exits 0/1. */
export function runMain(main: () => Promise<void>) {
  main()
    .then(cleanupAll, async (error) => {
      console.error(error);
      await cleanupAll();
      process.exit(1);
    })
    .then(() => process.exit(0));
}

// ---------------------------------------------------------------------------------------------------------------
// Databases

export interface Database {
  url: string;
  /** The server's own log (embedded server only). */
  logFile?: string;
  adminUrl: string;
  /** A new database on the same server (created empty). */
  create: (name: string) => Promise<string>;
}

/** A throwaway embedded PostgreSQL in a temp folder, deleted when the process ends. */
export async function startThrowawayPostgres(): Promise<Database> {
  const { startEmbeddedPostgres } = (await import(path.join(ROOT, "scripts", "db", "embedded.mjs"))) as typeof import("../../scripts/db/embedded.mjs");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "provenance-bench-pg-"));
  fs.chmodSync(dir, 0o755);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), database: "bench", persistent: false, logFile: path.join(dir, "postgres.log"), ownerFile: path.join(dir, "owner") });
  onCleanup(async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  log(`embedded PostgreSQL ${server.version} on ${new URL(server.url).port} (throwaway, ${dir})`);
  return { url: server.url, adminUrl: server.adminUrl, logFile: path.join(dir, "postgres.log"), create: (name) => createDatabase(server.adminUrl, name) };
}

async function createDatabase(adminUrl: string, name: string): Promise<string> {
  await sql(adminUrl, `CREATE DATABASE "${name}"`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The external PostgreSQL at 127.0.0.1:5432 (user postgres, trust), or null when it does not answer. */
export async function externalPostgres(): Promise<Database | null> {
  const adminUrl = process.env.BENCH_EXTERNAL_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  try {
    await sql(adminUrl, "SELECT 1");
  } catch {
    return null;
  }
  const name = `provenance_bench_${process.pid}_${Date.now().toString(36)}`;
  const url = await createDatabase(adminUrl, name);
  onCleanup(async () => {
    await sql(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    log(`dropped ${name} on the external server`);
  });
  const version = (await sql<{ server_version: string }>(adminUrl, "SHOW server_version")).rows[0].server_version;
  log(`external PostgreSQL ${version}: throwaway database ${name}`);
  return { url, adminUrl, create: (n) => createDatabase(adminUrl, n) };
}

export async function sql<R extends pg.QueryResultRow = pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<R>(text, values);
  } finally {
    await client.end();
  }
}

export async function migrateAndSeed(url: string) {
  const { migrateDatabase } = (await import(path.join(ROOT, "scripts", "db", "migrate.mjs"))) as typeof import("../../scripts/db/migrate.mjs");
  await migrateDatabase(url);
  const seeded = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["prisma/seed.ts"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr || seeded.stdout}`);
  const demo = (await sql<{ id: string; slug: string }>(url, `SELECT id, slug FROM "Article" WHERE state = 'published' ORDER BY "createdAt" LIMIT 1`)).rows[0];
  return { demoSlug: demo.slug, demoId: demo.id };
}

// ---------------------------------------------------------------------------------------------------------------
// Build and servers

/** Builds into .next-bench unless up to date. The build reads the database (like `npm start`, after migrate + seed). */
export async function ensureBenchBuild(databaseUrl: string) {
  Object.assign(process.env, { DATABASE_URL: databaseUrl, NEXTAUTH_SECRET: SECRET, NEXT_TELEMETRY_DISABLED: "1" });
  const lib = (await import(path.join(ROOT, "scripts", "lib.mjs"))) as { ensureBuild: (dist: string) => void };
  lib.ensureBuild(DIST);
}

export async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function waitFor(url: string, timeoutMs = 90_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`timed out waiting for ${url}`);
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 12_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

export interface Instance {
  port: number;
  /** The instance's stdout and stderr (its JSON log and any console.error). */
  logFile: string;
  base: string;
  child: ChildProcess;
  stop: () => Promise<void>;
}

/** One `next start` instance of the production build on DATABASE_URL `url`. */
export async function startInstance(url: string, opts: { port?: number; env?: Record<string, string>; publicBase?: string } = {}): Promise<Instance> {
  const port = opts.port ?? (await freePort());
  const base = `http://${HOST}:${port}`;
  const publicBase = opts.publicBase ?? base;
  // BENCH_CPU_PROF_DIR: the server writes a V8 CPU profile there when it stops (node --cpu-prof; not allowed in NODE_OPTIONS).
  const profile = process.env.BENCH_CPU_PROF_DIR ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`, "--cpu-prof-interval=200"] : [];
  const child = spawn(process.execPath, [...profile, path.join(ROOT, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", HOST], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: url,
      NEXTAUTH_SECRET: SECRET,
      NEXTAUTH_URL: publicBase,
      PUBLIC_BASE_URL: publicBase,
      NEXT_DIST_DIR: DIST,
      NEXT_TELEMETRY_DISABLED: "1",
      LOG_LEVEL: "warn",
      PORT: String(port),
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logFile = path.join(os.tmpdir(), `provenance-bench-next-${port}-${process.pid}.log`);
  const out = fs.createWriteStream(logFile);
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  if (process.env.BENCH_VERBOSE) child.stderr!.pipe(process.stderr);
  const stop = async () => {
    await stopChild(child);
    if (!process.env.BENCH_KEEP_LOGS) fs.rmSync(logFile, { force: true });
  };
  onCleanup(stop);
  await waitFor(`${base}/api/ready`);
  return { port, base, logFile, child, stop };
}

const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => fs.existsSync(p));

/** deploy/nginx.conf with only its machine paths, listen port and upstream ports replaced (as deploy/nginx.test.ts does). */
export function nginxConfig(dir: string, listen: number, upstreams: number[], extraServer = ""): string {
  const shipped = fs.readFileSync(path.join(ROOT, "deploy", "nginx.conf"), "utf8");
  const [a, b] = upstreams;
  const replace = (text: string, from: string, to: string) => {
    if (!text.includes(from)) throw new Error(`deploy/nginx.conf no longer contains "${from}"; update bench/lib/harness.ts`);
    return text.replace(from, to);
  };
  let conf = shipped;
  conf = replace(conf, "pid /run/nginx-provenance.pid;", `pid ${dir}/nginx.pid;`);
  conf = replace(conf, "error_log /var/log/nginx/provenance-error.log warn;", `error_log ${dir}/error.log warn;`);
  conf = replace(conf, "access_log /var/log/nginx/provenance-access.log;", `access_log off;`);
  conf = replace(conf, "/var/cache/nginx/provenance", `${dir}/cache`);
  conf = replace(conf, "server 127.0.0.1:3000 ", `server 127.0.0.1:${a} `);
  conf = replace(conf, "server 127.0.0.1:3001 ", `server 127.0.0.1:${b} `);
  conf = replace(conf, "listen 8080;", `listen ${HOST}:${listen};`);
  conf = replace(
    conf,
    "http {",
    `http {\n  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;\n${extraServer}`,
  );
  return conf;
}

export interface Nginx {
  base: string;
  dir: string;
  stop: () => Promise<void>;
}

/**
 * nginx with the shipped config in front of `upstreams`, logging off (the shipped access log would be an extra write
 * per request on this disk; a production host logs, so real numbers are slightly lower). `extraServer` adds server
 * blocks (the static-file comparison).
 */
export async function startNginx(upstreams: number[], extraServer = "", listenPort?: number): Promise<Nginx> {
  if (!NGINX) throw new Error("nginx is not installed (apt-get install nginx)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "provenance-bench-nginx-"));
  fs.chmodSync(dir, 0o755);
  const listen = listenPort ?? (await freePort());
  const conf = path.join(dir, "nginx.conf");
  fs.writeFileSync(conf, nginxConfig(dir, listen, upstreams, extraServer.replaceAll("$DIR", dir)));
  const child = spawn(NGINX, ["-c", conf, "-p", dir, "-g", "daemon off;"], { stdio: ["ignore", "ignore", "inherit"] });
  const stop = async () => {
    await stopChild(child, "SIGQUIT");
    fs.rmSync(dir, { recursive: true, force: true });
  };
  onCleanup(stop);
  const base = `http://${HOST}:${listen}`;
  await waitFor(`${base}/api/health`, 20_000);
  return { base, dir, stop };
}

// ---------------------------------------------------------------------------------------------------------------
// Accounts

export async function createReviewers(url: string, count: number, password: string, prefix = "bench-reviewer"): Promise<{ id: string; email: string }[]> {
  const bcrypt = await import("bcryptjs");
  const hash = await bcrypt.hash(password, 4);
  const users: { id: string; email: string }[] = [];
  for (let i = 0; i < count; i++) {
    const id = `bench${crypto.randomBytes(10).toString("hex")}`;
    const email = `${prefix}-${i}@example.com`;
    await sql(url, `INSERT INTO "User" (id, email, name, role, "passwordHash", "updatedAt") VALUES ($1, $2, $3, 'reviewer', $4, now())`, [id, email, `Bench Reviewer ${i}`, hash]);
    users.push({ id, email });
  }
  return users;
}

export async function setRole(url: string, email: string, role: "admin" | "reviewer") {
  await sql(url, `UPDATE "User" SET role = $2 WHERE email = $1`, [email, role]);
}

/** Signs in through next-auth's credentials endpoint (GET /api/auth/csrf, POST /api/auth/callback/credentials); returns the Cookie header. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrf = await fetch(`${base}/api/auth/csrf`);
  keep(csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: `${base}/review` }),
  });
  keep(res);
  await res.arrayBuffer();
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in as ${email} failed (${res.status})`);
  return cookie();
}

// ---------------------------------------------------------------------------------------------------------------
// Numbers and the report

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[i];
}

export function summarize(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, median: percentile(s, 0.5), p95: percentile(s, 0.95), p99: percentile(s, 0.99), max: s[s.length - 1] ?? NaN };
}

export const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString("en-GB", { maximumFractionDigits: digits, minimumFractionDigits: digits }) : "–");
export const ms = (n: number, digits = 1) => `${fmt(n, digits)} ms`;

export function machineLine(): string {
  const cpu = os.cpus();
  return `${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${cpu.length} × ${cpu[0]?.model.trim() ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} at the end`;
}

/** Replaces the block between `<!-- name:start -->` and `<!-- name:end -->` in BENCHMARKS.md (appended under `heading` when missing). */
export function writeBlock(name: string, heading: string, body: string) {
  const file = path.join(ROOT, "BENCHMARKS.md");
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  let doc = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n";
  const block = `${start}\n${body.trim()}\n${end}`;
  if (doc.includes(start) && doc.includes(end)) doc = doc.slice(0, doc.indexOf(start)) + block + doc.slice(doc.indexOf(end) + end.length);
  else doc = `${doc.trimEnd()}\n\n## ${heading}\n\n${block}\n`;
  fs.writeFileSync(file, doc);
  const out = path.join(ROOT, "bench", "results");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, `${name}.md`), body.trim() + "\n");
  log(`wrote the "${heading}" block of BENCHMARKS.md (and bench/results/${name}.md)`);
}
