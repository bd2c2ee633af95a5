import "server-only";
import { revalidatePath, revalidateTag, updateTag } from "next/cache";
import { after } from "next/server";
import { PAGE_CACHE_KEY, PUBLIC_ARTICLES_TAG, VOCABULARY_TAG, articleTag } from "@/lib/http/cache-tags.mjs";

export { PUBLIC_ARTICLES_TAG, VOCABULARY_TAG, articleTag };

/**
 * Call after any change readers could see: an annotation approved or changed, an article published or
 * unpublished. Expires at once (not stale-while-revalidate), so the very next request sees the change.
 * Safe to call outside a request (scripts, tests): it is then a no-op.
 */
export function invalidateArticle(slug: string): void {
  invalidatePageBytes([articleTag(slug)]);
  safely(() => {
    expireTag(articleTag(slug));
    expireTag(PUBLIC_ARTICLES_TAG);
    revalidatePath(`/articles/${slug}`);
    revalidatePath("/");
  });
}

/** Call after a vocabulary edit: labels, colours and ratings appear on every reader page. */
export function invalidateVocabulary(): void {
  invalidatePageBytes([VOCABULARY_TAG]);
  safely(() => {
    expireTag(VOCABULARY_TAG);
    expireTag(PUBLIC_ARTICLES_TAG);
    revalidatePath("/", "layout");
  });
}

/**
 * Drops the byte copies now, and again once the request is over: Next applies updateTag/revalidateTag only when the
 * action or request ends, so a reader request in between still gets Next's old page and may copy it. The second pass
 * drops that copy and refuses any render still in flight.
 */
function invalidatePageBytes(tags: string[]): void {
  const cache = pageByteCache();
  if (!cache) return;
  cache.invalidateTags(tags);
  try {
    after(() => cache.invalidateTags(tags));
  } catch {
    // Outside a request (scripts, tests) there is no later point, and no Next cache pending either.
  }
}

/**
 * The byte copy of published pages that server.mjs serves in front of Next (lib/http/page-cache.mjs), when the app
 * runs under it; absent under `next dev` / plain `next start`, scripts and tests.
 */
function pageByteCache(): { invalidateTags(tags: string[]): void } | undefined {
  return (globalThis as { [PAGE_CACHE_KEY]?: { invalidateTags(tags: string[]): void } })[PAGE_CACHE_KEY];
}

/**
 * Immediate expiry: `updateTag` in a Server Action; elsewhere (a Route Handler, e.g. a write API) `updateTag` throws,
 * and `revalidateTag(tag, { expire: 0 })` expires the tag just as immediately.
 */
function expireTag(tag: string): void {
  try {
    updateTag(tag);
  } catch (error) {
    if (!(error instanceof Error) || !/Server Action/.test(error.message)) throw error;
    revalidateTag(tag, { expire: 0 });
  }
}

function safely(fn: () => void) {
  try {
    fn();
  } catch (error) {
    // Outside a Next.js request/action context (vitest, scripts) there is no cache to invalidate.
    if (!(error instanceof Error) || !/static generation store|outside a request|Route Handler|Server Action|invariant/i.test(error.message)) {
      if (process.env.NODE_ENV !== "test") console.warn("Cache invalidation skipped:", error);
    }
  }
}
