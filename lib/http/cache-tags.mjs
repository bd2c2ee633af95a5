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

const READER_PAGE = /^\/articles\/([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/**
 * The published reader page `/articles/<slug>` (no query: filtered views and `?annotation=` are rendered per request)
 * is the page the byte cache keeps; it shows the article and the vocabulary, so it carries both tags.
 * @param {string} pathname
 * @returns {{ key: string, tags: string[] } | null}
 */
export function readerPageCacheKey(pathname) {
  const match = READER_PAGE.exec(pathname);
  return match ? { key: pathname, tags: [articleTag(match[1]), VOCABULARY_TAG] } : null;
}
