// Shared helpers for scripts/start.mjs and scripts/test.mjs. Node built-ins only: this runs before
// dependencies are installed.
import { spawn, spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BIN = path.join(ROOT, "node_modules", ".bin");

export function say(message) {
  console.log(`[provenance] ${message}`);
}

export function fail(message) {
  console.error(`[provenance] ${message}`);
  process.exit(1);
}

export function checkNodeVersion() {
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) fail(`Node.js 20.19 or newer is required (found ${process.versions.node}).`);
}

/** Runs a command, inheriting output. Returns its exit code. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: "inherit", env: process.env, ...options });
  if (result.error) return 1;
  return result.status ?? 1;
}

export function bin(name) {
  return path.join(BIN, name);
}

/** Installs dependencies when node_modules is missing or older than package-lock.json. */
export function ensureDependencies() {
  const marker = path.join(ROOT, "node_modules", ".package-lock.json");
  const lock = path.join(ROOT, "package-lock.json");
  const stale = !fs.existsSync(marker) || fs.statSync(lock).mtimeMs > fs.statSync(marker).mtimeMs + 1000;
  if (!stale && fs.existsSync(bin("next"))) return;
  say("Installing dependencies (npm ci)…");
  const code = run("npm", ["ci", "--no-audit", "--no-fund"]);
  if (code !== 0) fail("Dependency installation failed (npm ci). Check your network access to the npm registry and run `npm ci` to see the full error.");
}

/** Generates the Prisma client when it is missing or was generated from another schema. */
export function ensurePrismaClient() {
  const schema = fs.readFileSync(path.join(ROOT, "prisma", "schema.prisma"));
  const stamp = path.join(ROOT, "lib", "server", "generated", "schema-sha256");
  const hash = crypto.createHash("sha256").update(schema).digest("hex");
  const current = fs.existsSync(stamp) ? fs.readFileSync(stamp, "utf8") : null;
  if (current === hash && fs.existsSync(path.join(ROOT, "lib", "server", "generated", "prisma", "client.ts"))) return;
  if (run(bin("prisma"), ["generate"]) !== 0) fail("Generating the Prisma client failed (npx prisma generate).");
  fs.writeFileSync(stamp, hash);
}

/** Applies the committed migrations to DATABASE_URL (scripts/db/migrate.mjs). */
export function migrate() {
  if (run(process.execPath, [path.join(ROOT, "scripts", "db", "migrate.mjs")]) !== 0) fail("Applying database migrations failed; see the message above.");
}

export function seed() {
  if (run(bin("tsx"), ["prisma/seed.ts"]) !== 0) fail("Seeding the database failed (npm run db:seed).");
}

/**
 * The embedded PostgreSQL for this checkout (.data/pg), started by this process, or joined when `npm run db` already
 * runs it. Writes its URL to .data/database-url (mode 600) for scripts and further instances.
 * @returns {Promise<{ url: string, joined: boolean, stop: () => Promise<void> }>}
 */
export async function startLocalDatabase() {
  const { startEmbeddedPostgres } = await import("./db/embedded.mjs");
  const data = path.join(ROOT, ".data");
  fs.mkdirSync(data, { recursive: true });
  try {
    const server = await startEmbeddedPostgres({
      dataDir: path.join(data, "pg"),
      stateFile: path.join(data, "embedded-pg.json"),
      ownerFile: path.join(data, "embedded-pg.owner"),
      logFile: path.join(data, "postgres.log"),
      database: "provenance",
      log: say,
    });
    fs.writeFileSync(path.join(data, "database-url"), server.url + "\n", { mode: 0o600 });
    fs.chmodSync(path.join(data, "database-url"), 0o600);
    say(server.joined ? "Joined the embedded PostgreSQL that `npm run db` runs." : `Embedded PostgreSQL ${server.version} is running on 127.0.0.1:${new URL(server.url).port} (data in .data/pg, URL in .data/database-url).`);
    return server;
  } catch (error) {
    fail(`The embedded PostgreSQL could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Fails with one line when DATABASE_URL does not answer. */
export async function requireDatabase(url) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.end();
  } catch (error) {
    const u = (() => {
      try {
        const parsed = new URL(url);
        return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
      } catch {
        return "DATABASE_URL";
      }
    })();
    fail(`Cannot reach PostgreSQL at ${u}: ${error instanceof Error ? error.message : String(error)}. Check DATABASE_URL.`);
  }
}

/** A fingerprint of everything that goes into `next build`, to rebuild only when something changed. */
export function sourceFingerprint() {
  const hash = crypto.createHash("sha256");
  const roots = ["app", "components", "lib", "public", "prisma/schema.prisma", "next.config.ts", "package-lock.json", "postcss.config.mjs", "tsconfig.json", "proxy.ts"];
  const visit = (p) => {
    const full = path.join(ROOT, p);
    if (!fs.existsSync(full)) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      if (/(^|\/)(generated|node_modules|wpt-annotation-model)$/.test(p)) return;
      for (const entry of fs.readdirSync(full).sort()) visit(path.join(p, entry));
    } else if (!/\.test\.tsx?$/.test(p)) {
      hash.update(p);
      hash.update(fs.readFileSync(full));
    }
  };
  roots.forEach(visit);
  return hash.digest("hex");
}

/** Builds into `distDir` unless a build of the same sources is already there. */
export function ensureBuild(distDir) {
  const stampFile = path.join(ROOT, distDir, "provenance-build-fingerprint");
  const fingerprint = sourceFingerprint();
  const current = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : null;
  if (current === fingerprint && fs.existsSync(path.join(ROOT, distDir, "BUILD_ID"))) {
    say(`Build in ${distDir}/ is up to date.`);
    return;
  }
  say(`Building the app into ${distDir}/ (next build)…`);
  if (run(bin("next"), ["build"], { env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" } }) !== 0) {
    fail("The build failed (next build); see the errors above.");
  }
  fs.writeFileSync(stampFile, fingerprint);
}

export function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port, "0.0.0.0");
  });
}

/** Reads NEXTAUTH_SECRET from the environment, or from .data/auth-secret (creating it on first run). */
export function ensureAuthSecret() {
  if (process.env.NEXTAUTH_SECRET) return;
  const file = path.join(ROOT, ".data", "auth-secret");
  if (fs.existsSync(file)) {
    process.env.NEXTAUTH_SECRET = fs.readFileSync(file, "utf8").trim();
    return;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = crypto.randomBytes(48).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  process.env.NEXTAUTH_SECRET = secret;
  say("No NEXTAUTH_SECRET was set: created a local one in .data/auth-secret (set NEXTAUTH_SECRET in production).");
}

/** Runs Next's own production server (`next start`) as a child; resolves with its exit code. */
export function serve(distDir, port) {
  const child = spawn(bin("next"), ["start", "-p", String(port), ...(process.env.HOST ? ["-H", process.env.HOST] : [])], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, PORT: String(port), NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
  });
  const forward = (signal) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 + 15 : 0))));
}
