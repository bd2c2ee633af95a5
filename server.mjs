// @ts-check
/**
 * Production server: Next.js (the production build in NEXT_DIST_DIR, default .next) behind the published-page byte
 * cache (lib/http/page-cache.mjs). `npm start`, the e2e tests and the benchmarks all run the app through this file.
 *
 * Env: PORT (default 3000), HOST (default 0.0.0.0), PAGE_CACHE_MB (default 64; 0 turns the byte cache off).
 */
import http from "node:http";
import next from "next";
import { z } from "zod";
import { PAGE_CACHE_KEY, readerPageCacheKey } from "./lib/http/cache-tags.mjs";
import { PageCache, createCachingHandler } from "./lib/http/page-cache.mjs";

const parsed = z
  .object({
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().min(1).default("0.0.0.0"),
    PAGE_CACHE_MB: z.coerce.number().min(0).max(4096).default(64),
  })
  .safeParse(process.env);
if (!parsed.success) {
  console.error(`Invalid server configuration:\n${z.prettifyError(parsed.error)}`);
  process.exit(1);
}
const { PORT, HOST, PAGE_CACHE_MB } = parsed.data;

const app = next({ dev: false, dir: import.meta.dirname, hostname: HOST, port: PORT });
const handle = app.getRequestHandler();
await app.prepare();

/** @type {(req: http.IncomingMessage, res: http.ServerResponse) => unknown} */
let handler = (req, res) => handle(req, res);
if (PAGE_CACHE_MB > 0) {
  const cache = new PageCache({ maxBytes: PAGE_CACHE_MB * 1024 * 1024 });
  /** @type {Record<symbol, unknown>} */ (globalThis)[PAGE_CACHE_KEY] = cache;
  handler = createCachingHandler({ cache, handle: (req, res) => handle(req, res), cacheKey: readerPageCacheKey });
}

const server = http.createServer((req, res) => {
  Promise.resolve(handler(req, res)).catch((error) => {
    console.error(error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
    res.end("Internal server error");
  });
});
server.on("error", (error) => {
  const code = /** @type {NodeJS.ErrnoException} */ (error).code;
  console.error(code === "EADDRINUSE" ? `Port ${PORT} is already in use: stop whatever is using it, or set PORT.` : error);
  process.exit(1);
});
server.listen(PORT, HOST, () => {
  console.log(`▲ Provenance ready on http://${HOST === "0.0.0.0" ? "localhost" : HOST}:${PORT}${PAGE_CACHE_MB > 0 ? ` (page cache ${PAGE_CACHE_MB} MB)` : ""}`);
});

function shutDown() {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 5000).unref();
}
process.on("SIGINT", shutDown);
process.on("SIGTERM", shutDown);
