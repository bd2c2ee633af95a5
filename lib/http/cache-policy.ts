/** How long shared caches (a CDN, nginx) may keep public responses. Pure: read by proxy.ts and the public API. */

function seconds(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 86_400 ? n : fallback;
}

/**
 * CDN_MAX_AGE seconds fresh (default 60), then CDN_STALE more (default 30) while the cache fetches a new copy; a purge
 * hook (CDN_PURGE_URL) drops it sooner. Browsers keep nothing (s-maxage applies to shared caches only).
 */
export function publicCacheControl(env: Record<string, string | undefined> = process.env): string {
  return `public, s-maxage=${seconds(env.CDN_MAX_AGE, 60)}, stale-while-revalidate=${seconds(env.CDN_STALE, 30)}`;
}
