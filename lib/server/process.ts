import "server-only";
import crypto from "node:crypto";
import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import pg from "pg";
import { PEER_HEADER } from "@/lib/http/client-address";
import { resolveDatabaseUrl } from "./database-url.mjs";
import { db } from "./db";
import { env } from "./env";
import { logger } from "./logger";
import { stopCacheListener } from "./next-cache-handler.mjs";

const SHUTDOWN_DEADLINE_MS = 10_000;

/** Checks the database once, logs every request, and shuts down gracefully. Called from instrumentation.ts. */
export async function startServerProcess(): Promise<void> {
  surviveClosedLogPipes();
  try {
    env();
  } catch (error) {
    console.error(`[provenance] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  await requireDatabase();
  logRequests();
  handleShutdown();
}

/**
 * Logs go to stdout and stderr. When whoever reads them goes away (a closed pipe: a log shipper restarted, a `| tee`
 * ended), every write fails with EPIPE. Unhandled, that error was reported by writing to the same closed pipe, which
 * failed again, and so on: the process spun at 100% CPU and stopped answering, /api/health included. It now keeps
 * serving without those logs (pino's own stream already drops its writes on EPIPE).
 */
function surviveClosedLogPipes(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") return;
      throw error;
    });
  }
}

/** An unreachable database at start is one clear line and a non-zero exit, never a stack trace. */
async function requireDatabase(): Promise<void> {
  let where = "the database";
  try {
    const url = resolveDatabaseUrl();
    const parsed = new URL(url);
    where = `PostgreSQL at ${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
    await client.connect();
    await client.end();
  } catch (error) {
    console.error(`[provenance] Cannot reach ${where}: ${error instanceof Error ? error.message : String(error)}. Check DATABASE_URL, or run npm start for the embedded database.`);
    process.exit(1);
  }
}

type Timed = IncomingMessage & { provenanceStart?: bigint; provenanceId?: string };

/** Paths as logged: no query string, and no secret path segments (invitation tokens). */
export function loggedRoute(url: string | undefined): string {
  const path = (url ?? "").split("?")[0].slice(0, 200);
  return path.replace(/^\/invite\/[^/]+/, "/invite/[token]");
}

function logRequests(): void {
  diagnostics.subscribe("http.server.request.start", (message) => {
    const { request, response } = message as { request: Timed; response: ServerResponse };
    // A request target that is not a path ("GET *", "GET http://…") names nothing here; Next would answer it with a
    // 500 ("Invalid URL"). It is answered as a page that does not exist.
    if (!request.url?.startsWith("/")) request.url = "/_not-a-path";
    const given = request.headers["x-request-id"];
    request.provenanceId = typeof given === "string" && /^[\w.-]{1,64}$/.test(given) ? given : crypto.randomUUID();
    request.provenanceStart = process.hrtime.bigint();
    // The socket's address, for lib/http/client-address.ts; overwrites any value a client sent.
    request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "unknown";
    response.setHeader("X-Request-Id", request.provenanceId);
  });
  diagnostics.subscribe("http.server.response.finish", (message) => {
    const { request, response } = message as { request: Timed; response: ServerResponse };
    if (request.provenanceStart === undefined) return;
    const durationMs = Number(process.hrtime.bigint() - request.provenanceStart) / 1e6;
    logger.info({ reqId: request.provenanceId, method: request.method, route: loggedRoute(request.url), status: response.statusCode, durationMs: Math.round(durationMs * 10) / 10 }, "request");
  });
}

/**
 * `next start` already stops accepting connections on SIGTERM and waits for in-flight requests before it exits. This adds
 * the deadline (10 s, then exit regardless) and closes the database pool and the cache listener on the way out.
 */
function handleShutdown(): void {
  let shuttingDown = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info({ signal }, "shutting down: finishing in-flight requests");
    setTimeout(() => {
      logger.warn("in-flight requests did not finish within 10 s; exiting");
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    stopCacheListener();
    // Next calls process.exit once its server has closed; close the pool first (bounded, so exit is never held up).
    const exit = process.exit.bind(process);
    process.exit = ((code?: number) => {
      void Promise.race([db.$disconnect(), new Promise((resolve) => setTimeout(resolve, 1_000))]).finally(() => exit(code));
    }) as typeof process.exit;
  };
  process.once("SIGTERM", onSignal);
  process.once("SIGINT", onSignal);
}
