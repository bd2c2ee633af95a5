// @ts-check
/**
 * Cache tags for public (reader and API) data, shared by lib/server/cache.ts (Next's cache) and server.mjs (the
 * page byte cache), so both are invalidated by the same names. Plain JavaScript: server.mjs runs without a build.
 */

export const PUBLIC_ARTICLES_TAG = "public-articles";
export const VOCABULARY_TAG = "vocabulary";
export const articleTag = (/** @type {string} */ slug) => `article:${slug}`;

/** Where server.mjs registers its page byte cache, so that lib/server/cache.ts (bundled by Next) can invalidate it. */
export const PAGE_CACHE_KEY = Symbol.for("provenance.pageCache");

const READER_PAGE = /^\/articles\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\?annotation=[A-Za-z0-9_-]{1,64})?$/;

/**
 * The pages the byte cache keeps: the published reader page `/articles/<slug>` and an annotation's permalink
 * `/articles/<slug>?annotation=<id>` with nothing else in the query (both cached by Next too; filtered views are
 * rendered per request). They show the article and the vocabulary, so they carry both tags.
 * @param {string} url path and query, as in the request line
 * @returns {{ key: string, tags: string[] } | null}
 */
export function readerPageCacheKey(url) {
  const match = READER_PAGE.exec(url);
  return match ? { key: url, tags: [articleTag(match[1]), VOCABULARY_TAG] } : null;
}
