import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PAGE_CACHE_KEY } from "@/lib/http/cache-tags.mjs";
import { PageCache } from "@/lib/http/page-cache.mjs";

// Next's request-scoped APIs: `after` callbacks are kept to run "when the request ends".
const afterCallbacks: (() => void)[] = [];
const expired: string[] = [];
vi.mock("next/server", () => ({ after: (fn: () => void) => afterCallbacks.push(fn) }));
vi.mock("next/cache", () => ({ updateTag: (tag: string) => expired.push(tag), revalidateTag: () => {}, revalidatePath: () => {} }));

const { invalidateArticle, invalidateVocabulary } = await import("./cache");

const page = (tags: string[]) => ({ body: Buffer.from("<p>old</p>"), headers: {}, tags });
const registry = globalThis as { [PAGE_CACHE_KEY]?: PageCache };

describe("invalidation of the page byte cache (server.mjs) with Next's cache tags", () => {
  let cache: PageCache;
  beforeEach(() => {
    cache = new PageCache();
    registry[PAGE_CACHE_KEY] = cache;
    afterCallbacks.length = 0;
    expired.length = 0;
  });
  afterEach(() => {
    delete registry[PAGE_CACHE_KEY];
  });

  it("drops the article's page at once, keeps other articles, and expires Next's tags", () => {
    cache.put("/articles/a", page(["article:a", "vocabulary"]), cache.generation);
    cache.put("/articles/b", page(["article:b", "vocabulary"]), cache.generation);
    invalidateArticle("a");
    expect(cache.get("/articles/a")).toBeUndefined();
    expect(cache.get("/articles/b")).toBeDefined();
    expect(expired).toEqual(["article:a", "public-articles"]);
  });

  it("drops again when the request ends: a copy of Next's not-yet-expired page taken in between does not survive", () => {
    invalidateArticle("a");
    // A reader request during the rest of the action: Next still has the old page; it is copied.
    expect(cache.put("/articles/a", page(["article:a", "vocabulary"]), cache.generation)).toBe(true);
    const inFlight = cache.generation; // and another render starts
    afterCallbacks.forEach((fn) => fn());
    expect(cache.get("/articles/a")).toBeUndefined();
    expect(cache.put("/articles/a", page(["article:a", "vocabulary"]), inFlight)).toBe(false);
  });

  it("a vocabulary change drops every reader page", () => {
    cache.put("/articles/a", page(["article:a", "vocabulary"]), cache.generation);
    cache.put("/articles/b", page(["article:b", "vocabulary"]), cache.generation);
    invalidateVocabulary();
    expect(cache.entries.size).toBe(0);
    expect(afterCallbacks).toHaveLength(1);
  });

  it("is harmless when the app runs without the byte cache (next dev, scripts)", () => {
    delete registry[PAGE_CACHE_KEY];
    expect(() => invalidateArticle("a")).not.toThrow();
    expect(afterCallbacks).toHaveLength(0);
  });
});
