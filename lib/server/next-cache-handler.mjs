// @ts-check
/**
 * Next.js's cache handler for this app (next.config.ts `cacheHandler`): Next's documented extension point for
 * self-hosting several instances. Cached pages and data stay in this process's memory (a byte budget, least recently
 * used out first), and every tag invalidation reaches every instance through PostgreSQL LISTEN/NOTIFY:
 *
 *   updateTag/revalidateTag/revalidatePath here → expire locally → NOTIFY provenance_cache → every other instance
 *   expires the same tags (and the CDN purge hook, when configured, is called once, by the instance that made the change).
 *
 * A listener that loses its connection drops everything it holds (it may have missed notifications) and listens again.
 * Plain JavaScript: Next loads this file at run time, unbundled.
 */
import crypto from "node:crypto";
import pg from "pg";
import { resolveDatabaseUrl } from "./database-url.mjs";
import { CACHE_CHANNEL, publicTags, purgeCdn } from "./invalidation-bus.mjs";

const INSTANCE_ID = crypto.randomBytes(8).toString("hex");
const MAX_BYTES = Math.max(0, Number(process.env.CACHE_MAX_MB ?? 64)) * 1024 * 1024;
/**
 * A render that began before an invalidation may finish after it: what it stores would be the old page. Entries whose
 * tags were expired this recently are not stored (the next request renders again). Renders here take tens of ms.
 */
const RENDER_RACE_MS = 2_000;
const TAGS_HEADER = "x-next-cache-tags";

/** @typedef {{ value: any, lastModified: number, tags: string[], bytes: number }} Entry */

/** @type {Map<string, Entry>} insertion order = least recently used first */
const entries = new Map();
/** @type {Map<string, number>} tag → when it was last expired (ms) */
const expiredAt = new Map();
let totalBytes = 0;

function drop(key) {
  const entry = entries.get(key);
  if (!entry) return;
  entries.delete(key);
  totalBytes -= entry.bytes;
}

function dropAll() {
  entries.clear();
  totalBytes = 0;
}

/** @param {string[]} tags */
function expireLocally(tags) {
  const now = Date.now();
  for (const tag of tags) expiredAt.set(tag, now);
  for (const [key, entry] of entries) if (entry.tags.some((t) => tags.includes(t))) drop(key);
}

function sizeOf(value) {
  if (!value) return 64;
  let bytes = 256;
  for (const part of [value.html, value.body, value.rscData, value.postponed]) {
    if (typeof part === "string") bytes += Buffer.byteLength(part);
    else if (part && typeof part.length === "number") bytes += part.length;
  }
  if (value.segmentData) for (const [segment, buffer] of value.segmentData) bytes += segment.length + (buffer?.length ?? 0);
  if (value.data) bytes += JSON.stringify(value.data).length;
  if (value.pageData) bytes += JSON.stringify(value.pageData).length;
  return bytes;
}

/** @param {any} value @param {any} ctx */
function tagsOf(value, ctx) {
  const header = value?.headers?.[TAGS_HEADER];
  const fromHeader = typeof header === "string" ? header.split(",") : [];
  return [...new Set([...fromHeader, ...(ctx?.tags ?? [])])];
}

// ---------------------------------------------------------------------------------------------------------------
// The listener: one connection per process.

/** @type {{ client: pg.Client | null, connecting: Promise<void> | null, retryMs: number, stopped: boolean }} */
const listener = { client: null, connecting: null, retryMs: 250, stopped: false };

function log(level, message, extra = {}) {
  const line = JSON.stringify({ level, time: new Date().toISOString(), msg: message, component: "cache", instance: INSTANCE_ID, ...extra });
  (level === "error" || level === "warn" ? process.stderr : process.stdout).write(line + "\n");
}

function listen() {
  if (listener.stopped || listener.client || listener.connecting) return;
  let url;
  try {
    url = resolveDatabaseUrl();
  } catch {
    return; // no database configured (a build step without one): nothing to listen to
  }
  const client = new pg.Client({ connectionString: url, keepAlive: true, application_name: `provenance-cache-${INSTANCE_ID}` });
  listener.connecting = (async () => {
    try {
      await client.connect();
      client.on("notification", (message) => {
        if (message.channel !== CACHE_CHANNEL || !message.payload) return;
        try {
          const { origin, tags } = JSON.parse(message.payload);
          if (origin !== INSTANCE_ID && Array.isArray(tags)) expireLocally(tags.map(String));
        } catch {
          // not ours
        }
      });
      const lost = (error) => {
        if (listener.client !== client) return;
        listener.client = null;
        dropAll(); // notifications may be missed until we listen again
        if (!listener.stopped) log("warn", "cache listener lost its database connection; caches dropped, reconnecting", { error: String(error?.message ?? error) });
        client.end().catch(() => {});
        scheduleReconnect();
      };
      client.on("error", lost);
      client.on("end", () => lost("connection ended"));
      await client.query(`LISTEN ${CACHE_CHANNEL}`);
      listener.client = client;
      listener.retryMs = 250;
      dropAll(); // anything cached before this point may have missed an invalidation
    } catch (error) {
      client.end().catch(() => {});
      scheduleReconnect();
      if (!listener.stopped) log("warn", "cache listener could not connect; retrying", { error: String(/** @type {Error} */ (error)?.message ?? error) });
    } finally {
      listener.connecting = null;
    }
  })();
}

function scheduleReconnect() {
  if (listener.stopped) return;
  const delay = listener.retryMs;
  listener.retryMs = Math.min(listener.retryMs * 2, 5_000);
  setTimeout(listen, delay).unref();
}

/** The notifications sent on the listener's connection, one after another (a pg client runs one query at a time). */
let notifyChain = Promise.resolve();

/** @param {string[]} tags */
async function notifyOthers(tags) {
  const payload = JSON.stringify({ origin: INSTANCE_ID, tags });
  const listening = listener.client;
  if (listening) {
    const sent = notifyChain.then(() => listening.query("SELECT pg_notify($1, $2)", [CACHE_CHANNEL, payload]));
    notifyChain = sent.then(
      () => {},
      () => {},
    );
    await sent;
    return;
  }
  // Not listening right now: send on a short-lived connection so the others still hear of it.
  const client = new pg.Client({ connectionString: resolveDatabaseUrl() });
  await client.connect();
  try {
    await client.query("SELECT pg_notify($1, $2)", [CACHE_CHANNEL, payload]);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Stops listening (graceful shutdown). */
export function stopCacheListener() {
  listener.stopped = true;
  listener.client?.end().catch(() => {});
  listener.client = null;
}

// ---------------------------------------------------------------------------------------------------------------

export default class ProvenanceCacheHandler {
  constructor() {
    listen();
  }

  /** @param {string} key @param {any} [ctx] */
  async get(key, ctx) {
    const entry = entries.get(key);
    if (!entry) return null;
    const tags = [...entry.tags, ...(ctx?.tags ?? []), ...(ctx?.softTags ?? [])];
    if (tags.some((tag) => (expiredAt.get(tag) ?? 0) >= entry.lastModified)) {
      drop(key);
      return null;
    }
    entries.delete(key); // most recently used last
    entries.set(key, entry);
    return { value: entry.value, lastModified: entry.lastModified };
  }

  /** @param {string} key @param {any} data @param {any} [ctx] */
  async set(key, data, ctx) {
    drop(key);
    if (!data || MAX_BYTES === 0) return;
    const tags = tagsOf(data, ctx);
    const now = Date.now();
    if (tags.some((tag) => now - (expiredAt.get(tag) ?? 0) < RENDER_RACE_MS)) return;
    const bytes = sizeOf(data) + key.length;
    if (bytes > MAX_BYTES) return;
    entries.set(key, { value: data, lastModified: now, tags, bytes });
    totalBytes += bytes;
    for (const oldest of entries.keys()) {
      if (totalBytes <= MAX_BYTES) break;
      drop(oldest);
    }
  }

  /** @param {string | string[]} tagOrTags */
  async revalidateTag(tagOrTags) {
    const tags = [tagOrTags].flat().map(String);
    if (tags.length === 0) return;
    expireLocally(tags);
    try {
      await notifyOthers(tags);
    } catch (error) {
      // The other instances cannot be told: their caches would be stale without bound. Say so loudly.
      log("error", "could not notify the other instances of a cache invalidation", { tags, error: String(/** @type {Error} */ (error)?.message ?? error) });
    }
    const purge = publicTags(tags);
    if (purge.length > 0) void purgeCdn(purge, (level, message, extra) => log(level, message, extra));
  }

  resetRequestCache() {}
}
