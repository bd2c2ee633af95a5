// @ts-check
/**
 * Cache tags for public (reader and API) data: Next's cache (lib/server/cache.ts), the Cache-Tag header that tells a
 * CDN which tags a response carries (proxy.ts), and the purge hook all use these names.
 */

export const PUBLIC_ARTICLES_TAG = "public-articles";
export const VOCABULARY_TAG = "vocabulary";
export const articleTag = (/** @type {string} */ slug) => `article:${slug}`;
