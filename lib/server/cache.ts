import "server-only";
import { revalidatePath, revalidateTag, updateTag } from "next/cache";
import { PUBLIC_ARTICLES_TAG, VOCABULARY_TAG, articleTag } from "@/lib/http/cache-tags.mjs";

export { PUBLIC_ARTICLES_TAG, VOCABULARY_TAG, articleTag };

/** The public counts of reader reports (/methodology). Not a CDN tag: those counts are cached here only. */
export const READER_REPORTS_TAG = "reader-reports";

/*
 * The one invalidation path. These calls expire Next's cache tags; Next hands them to the cache handler
 * (lib/server/next-cache-handler.mjs), which expires them here, on every other instance (PostgreSQL NOTIFY) and at the
 * CDN (the purge hook, when configured).
 */

/**
 * Call after any change readers could see: an annotation approved or changed, an article published or
 * unpublished. Expires at once (not stale-while-revalidate), so the very next request sees the change.
 * Safe to call outside a request (scripts, tests): it is then a no-op.
 */
export function invalidateArticle(slug: string): void {
  safely(() => {
    expireTag(articleTag(slug));
    expireTag(PUBLIC_ARTICLES_TAG);
    revalidatePath(`/articles/${slug}`);
    revalidatePath("/");
  });
}

/** Call after a source changed (merged, or a merge undone): its page, and the pages that list its statements. */
export function invalidateSource(id: string): void {
  safely(() => {
    revalidatePath(`/sources/${id}`);
    revalidatePath("/search");
  });
}

/** Call after a vocabulary edit: labels, colours and ratings appear on every reader page. */
export function invalidateVocabulary(): void {
  safely(() => {
    expireTag(VOCABULARY_TAG);
    expireTag(PUBLIC_ARTICLES_TAG);
    revalidatePath("/", "layout");
  });
}

/** Call after a reader report is made or triaged: the counts on /methodology. */
export function invalidateReaderReports(): void {
  safely(() => expireTag(READER_REPORTS_TAG));
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
