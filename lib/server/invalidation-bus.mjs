// @ts-check
/**
 * The pieces of cache invalidation that live outside Next: the PostgreSQL channel every instance listens on, and the
 * CDN purge hook. Plain JavaScript: used by the cache handler (loaded unbundled by Next) and by scripts.
 */
import crypto from "node:crypto";
import pg from "pg";

/** The LISTEN/NOTIFY channel. Payload: {"origin": <instance id>, "tags": [...]} */
export const CACHE_CHANNEL = "provenance_cache";

/** Tags a CDN knows (the Cache-Tag header names them); Next's implicit path tags (`_N_T_/…`) are internal. */
export function publicTags(/** @type {string[]} */ tags) {
  return tags.filter((tag) => !tag.startsWith("_N_T_"));
}

/**
 * Tells every running instance to expire these tags (for changes made outside the app: scripts, restores).
 * @param {string} connectionString
 * @param {string[]} tags
 */
export async function notifyInvalidation(connectionString, tags) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_notify($1, $2)", [CACHE_CHANNEL, JSON.stringify({ origin: "script", tags })]);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The signature a purge endpoint checks: hex HMAC-SHA-256 of `${timestamp}.${body}` with CDN_PURGE_SECRET, sent as
 * `X-Provenance-Signature: t=<timestamp>,v1=<hex>` (the timestamp lets the receiver refuse replays).
 * @param {string} secret @param {string} body @param {number} timestamp seconds
 */
export function signPurge(secret, body, timestamp) {
  return `t=${timestamp},v1=${crypto.createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/**
 * POSTs {"tags": [...]} to CDN_PURGE_URL, signed, with up to 3 attempts (0.5 s, 1 s apart); every outcome is logged.
 * Without CDN_PURGE_URL it does nothing: the CDN then keeps a page for at most CDN_MAX_AGE + CDN_STALE seconds.
 * @param {string[]} tags
 * @param {(level: string, message: string, extra?: object) => void} log
 * @param {{ url?: string, secret?: string, attempts?: number, fetchImpl?: typeof fetch }} [options]
 * @returns {Promise<boolean>} whether the CDN accepted the purge
 */
export async function purgeCdn(tags, log, options = {}) {
  const url = options.url ?? process.env.CDN_PURGE_URL;
  if (!url || tags.length === 0) return false;
  const secret = options.secret ?? process.env.CDN_PURGE_SECRET ?? "";
  const attempts = options.attempts ?? 3;
  const doFetch = options.fetchImpl ?? fetch;
  const body = JSON.stringify({ tags });
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const timestamp = Math.floor(Date.now() / 1000);
      const response = await doFetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-Provenance-Signature": signPurge(secret, body, timestamp) },
        body,
        signal: AbortSignal.timeout(5_000),
      });
      if (response.ok) {
        log("info", "CDN purge accepted", { tags, attempt, status: response.status });
        return true;
      }
      log("warn", "CDN purge refused", { tags, attempt, status: response.status });
    } catch (error) {
      log("warn", "CDN purge failed", { tags, attempt, error: String(/** @type {Error} */ (error)?.message ?? error) });
    }
    if (attempt < attempts) await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
  }
  log("error", "CDN purge gave up: the CDN may serve these pages until they expire (CDN_MAX_AGE + CDN_STALE)", { tags });
  return false;
}
