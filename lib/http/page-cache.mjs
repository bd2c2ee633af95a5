// @ts-check
/**
 * The published-page byte cache that server.mjs puts in front of Next.js.
 *
 * Next renders a published reader page once and keeps it in its own cache (cache tags, lib/server/cache.ts), but it
 * still serves every cached hit through its page pipeline: the whole page as a JS string, hashed for the ETag on
 * every request, then re-encoded on write (about 8 µs per KB here; see BENCHMARKS.md). This cache keeps a copy of
 * those exact bytes, as the response Next sent, with its ETag and compressed variants computed once, and answers
 * repeat requests for the same URL straight from the Buffer — the job a reverse-proxy micro-cache would do,
 * but in-process so that it is invalidated by the very same calls as Next's cache tags (no purge API, no staleness).
 *
 * Plain JavaScript (checked by TypeScript through page-cache.d.mts) because server.mjs runs it without a build step.
 */
import crypto from "node:crypto";
import zlib from "node:zlib";

/** Response headers that describe one transfer, not the page: never replayed from the cache. */
const PER_TRANSFER_HEADERS = new Set(["content-length", "content-encoding", "etag", "date", "connection", "keep-alive", "transfer-encoding", "set-cookie", "x-page-cache"]);

/** Requests Next answers differently from the plain HTML GET (client router fetches, prefetches, server actions). */
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action"];

/**
 * @typedef {{ body: Buffer, headers: Record<string, string | string[]>, etag: string, tags: string[],
 *   variants: Map<string, Buffer> }} PageCacheEntry
 */

export class PageCache {
  /** @param {{ maxBytes?: number }} [options] */
  constructor({ maxBytes = 64 * 1024 * 1024 } = {}) {
    this.maxBytes = maxBytes;
    /** @type {Map<string, PageCacheEntry>} insertion order = least recently used first */
    this.entries = new Map();
    this.bytes = 0;
    /** Bumped by every invalidation: a render that started before one must not be stored after it. */
    this.generation = 0;
  }

  /** @param {string} key */
  get(key) {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /**
   * Stores a page unless an invalidation happened since `generation` was read (the page may predate it) or the page
   * alone would take more than a quarter of the cache. Returns whether it was stored.
   * @param {string} key
   * @param {{ body: Buffer, headers: Record<string, string | string[]>, etag?: string, tags: string[] }} page
   * @param {number} generation the value of `this.generation` when the request that produced the page began
   */
  put(key, page, generation) {
    if (generation !== this.generation || page.body.length > this.maxBytes / 4) return false;
    this.delete(key);
    const etag = page.etag ?? `"${crypto.createHash("sha256").update(page.body).digest("base64url").slice(0, 27)}"`;
    this.entries.set(key, { body: page.body, headers: page.headers, etag, tags: [...page.tags], variants: new Map() });
    this.bytes += page.body.length;
    this.evictOverflow();
    return true;
  }

  /** Drops least recently used pages until the cache fits, never the most recent one. */
  evictOverflow() {
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.maxBytes || this.entries.size <= 1) break;
      this.delete(oldest);
    }
  }

  /** @param {string} key */
  delete(key) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.body.length + [...entry.variants.values()].reduce((n, b) => n + b.length, 0);
  }

  /** Drops every page carrying any of `tags`, and refuses pages whose render began before this call. */
  invalidateTags(/** @type {string[]} */ tags) {
    this.generation++;
    const wanted = new Set(tags);
    for (const [key, entry] of this.entries) if (entry.tags.some((t) => wanted.has(t))) this.delete(key);
  }

  /**
   * The body to send for an encoding, compressed once and kept beside the original.
   * @param {PageCacheEntry} entry
   * @param {"br" | "gzip" | null} encoding
   */
  body(entry, encoding) {
    if (!encoding) return entry.body;
    let compressed = entry.variants.get(encoding);
    if (!compressed) {
      compressed =
        encoding === "br"
          ? zlib.brotliCompressSync(entry.body, {
              // Once per page, on the event loop: quality 9 takes ~25 ms for a 200 KB page; big pages get quality 5.
              params: { [zlib.constants.BROTLI_PARAM_QUALITY]: entry.body.length <= 512 * 1024 ? 9 : 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: entry.body.length },
            })
          : zlib.gzipSync(entry.body, { level: 9 });
      entry.variants.set(encoding, compressed);
      this.bytes += compressed.length;
      this.evictOverflow();
    }
    return compressed;
  }
}

/**
 * br, else gzip, else none, as the client's Accept-Encoding allows (q=0 refuses a coding).
 * @param {string | undefined} acceptEncoding
 * @returns {"br" | "gzip" | null}
 */
export function negotiateEncoding(acceptEncoding) {
  if (!acceptEncoding) return null;
  /** @type {Map<string, number>} */
  const q = new Map();
  for (const part of acceptEncoding.toLowerCase().split(",")) {
    const [coding, ...params] = part.trim().split(";");
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    if (coding) q.set(coding.trim(), Number.isFinite(value) ? value : 0);
  }
  const allowed = (/** @type {string} */ coding) => (q.get(coding) ?? q.get("*") ?? 0) > 0;
  if (allowed("br")) return "br";
  if (allowed("gzip")) return "gzip";
  return null;
}

/** Whether an If-None-Match header value matches `etag` (weak comparison, as RFC 9110 asks for GET). */
export function etagMatches(/** @type {string | undefined} */ ifNoneMatch, /** @type {string} */ etag) {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const bare = (/** @type {string} */ t) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((candidate) => bare(candidate) === bare(etag));
}

/**
 * Wraps a Next.js request handler. Requests for which `cacheKey` returns a key and tags (GET/HEAD of a cacheable
 * page, no router headers, no percent-escapes) are answered from the cache when present; otherwise Next answers, and a complete
 * 200 that Next itself served from or into its cache (`x-nextjs-cache` HIT or MISS, no `private`/`no-store`, no
 * cookie) is copied into the cache as it is sent.
 *
 * @param {{ cache: PageCache, handle: (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => unknown,
 *   cacheKey: (url: string) => { key: string, tags: string[] } | null }} options
 */
export function createCachingHandler({ cache, handle, cacheKey }) {
  return function handleWithPageCache(/** @type {import("node:http").IncomingMessage} */ req, /** @type {import("node:http").ServerResponse} */ res) {
    const target = cacheTarget(req, cacheKey);
    if (!target) return handle(req, res);

    const entry = cache.get(target.key);
    if (entry) return sendCached(cache, entry, req, res);

    // Setting a header first also makes Node merge any headers Next passes to writeHead() into getHeaders(), which
    // the copy is taken from (with no header set before, writeHead() sends its object without storing it).
    res.setHeader("X-Page-Cache", "MISS");
    if (req.method !== "GET") return handle(req, res);
    // The copy must be the identity bytes; this one response goes out uncompressed, hits are served compressed.
    delete req.headers["accept-encoding"];
    const generation = cache.generation;
    /** @type {Buffer[]} */
    const chunks = [];
    const write = res.write;
    const end = res.end;
    const collect = (/** @type {unknown} */ chunk, /** @type {unknown} */ encoding) => {
      if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? /** @type {BufferEncoding} */ (encoding) : "utf8"));
      else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    };
    res.write = /** @type {typeof res.write} */ (function (/** @type {any} */ chunk, /** @type {any[]} */ ...rest) {
      collect(chunk, rest[0]);
      return write.call(res, chunk, ...rest);
    });
    res.end = /** @type {typeof res.end} */ (function (/** @type {any} */ chunk, /** @type {any[]} */ ...rest) {
      if (typeof chunk !== "function") collect(chunk, rest[0]);
      return end.call(res, chunk, ...rest);
    });
    res.once("finish", () => {
      const headers = res.getHeaders();
      const nextCache = String(headers["x-nextjs-cache"] ?? "").toUpperCase();
      const cacheControl = String(headers["cache-control"] ?? "");
      const storable =
        res.statusCode === 200 &&
        (nextCache === "HIT" || nextCache === "MISS") &&
        !headers["content-encoding"] &&
        !headers["set-cookie"] &&
        !/private|no-store|no-cache/i.test(cacheControl);
      if (!storable) return;
      const body = Buffer.concat(chunks);
      const declared = Number(headers["content-length"]);
      if (Number.isFinite(declared) && declared !== body.length) return;
      const etag = typeof headers.etag === "string" ? headers.etag : undefined;
      cache.put(target.key, { body, headers: replayableHeaders(headers), etag, tags: target.tags }, generation);
    });
    return handle(req, res);
  };
}

/**
 * @param {import("node:http").IncomingMessage} req
 * @param {(url: string) => { key: string, tags: string[] } | null} cacheKey
 */
function cacheTarget(req, cacheKey) {
  if (req.method !== "GET" && req.method !== "HEAD") return null;
  const url = req.url ?? "";
  if (url.includes("%")) return null;
  if (ROUTER_HEADERS.some((h) => req.headers[h] !== undefined)) return null;
  return cacheKey(url);
}

/** @param {import("node:http").OutgoingHttpHeaders} headers */
function replayableHeaders(headers) {
  /** @type {Record<string, string | string[]>} */
  const kept = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || PER_TRANSFER_HEADERS.has(name)) continue;
    kept[name] = Array.isArray(value) ? value.map(String) : String(value);
  }
  // What a replay is, whatever Next said when the copy was taken (a MISS that rendered it).
  kept["x-nextjs-cache"] = "HIT";
  const vary = kept.vary ? String(kept.vary) : "";
  if (!/accept-encoding/i.test(vary)) kept.vary = vary ? `${vary}, Accept-Encoding` : "Accept-Encoding";
  return kept;
}

/**
 * @param {PageCache} cache
 * @param {PageCacheEntry} entry
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
function sendCached(cache, entry, req, res) {
  const encoding = negotiateEncoding(req.headers["accept-encoding"]);
  // One representation, one ETag: the compressed variants get their own.
  const etag = encoding ? entry.etag.replace(/"$/, `-${encoding}"`) : entry.etag;
  const headers = { ...entry.headers, etag, "x-page-cache": "HIT" };
  if (etagMatches(req.headers["if-none-match"], etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const body = cache.body(entry, encoding);
  res.writeHead(200, { ...headers, "content-length": body.length, ...(encoding ? { "content-encoding": encoding } : {}) });
  res.end(req.method === "HEAD" ? undefined : body);
}
