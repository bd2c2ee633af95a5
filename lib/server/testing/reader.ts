/**
 * Test helpers for the reader and the public API: a fresh PostgreSQL database seeded with the demo, and a stand-in for
 * next/cache that really caches by key and expires by tag, so tests can prove what is cached and what invalidates it.
 */
import { createTestDatabase } from "./test-database";

/** Creates and migrates a temp database and points DATABASE_URL (and the export settings) at it. Call before importing lib/server/db. */
export async function prepareReaderTestEnv(name: string): Promise<{ database: string }> {
  process.env.NEXTAUTH_SECRET ??= "reader-test-secret-reader-test-secret-0123";
  process.env.PUBLIC_BASE_URL = "https://provenance.test";
  process.env.PUBLISHER_NAME = "Test Fact-check Desk";
  process.env.PUBLISHER_URL = "https://desk.provenance.test";
  const { database } = await createTestDatabase(name);
  return { database };
}

/** Budget for a beforeAll that seeds the demo. */
export const DEMO_SEED_TIMEOUT_MS = 60_000;

/** Seeds the default vocabularies and the demo (accounts, the published Baltic article with 18 annotations and its follow-up). */
export async function seedDemoDatabase(): Promise<{ slug: string; secondSlug: string }> {
  const { db } = await import("../db");
  const { seedVocabularies } = await import("../../../prisma/seed-vocabularies");
  const { seedDemo } = await import("../../../prisma/demo/seed-demo");
  await seedVocabularies(db);
  const { slug, articles } = await seedDemo(db, { passwordCost: 4 });
  return { slug, secondSlug: articles[1].slug };
}

interface Entry {
  value: string;
  tags: string[];
  at: number;
}

/** An in-memory next/cache: unstable_cache caches by key parts + arguments; updateTag / revalidateTag expire tags. */
export function createFakeNextCache() {
  const entries = new Map<string, Entry>();
  const expiredAt = new Map<string, number>();
  let clock = 0;
  const stats = { hits: 0, misses: 0, expiredTags: [] as string[], revalidatedPaths: [] as string[] };
  const expire = (tag: string) => {
    expiredAt.set(tag, ++clock);
    stats.expiredTags.push(tag);
  };
  const module = {
    unstable_cache<A extends unknown[], R>(fn: (...args: A) => Promise<R>, keyParts: string[] = [], opts: { tags?: string[] } = {}) {
      return async (...args: A): Promise<R> => {
        const key = JSON.stringify([fn.toString(), keyParts, args]);
        const entry = entries.get(key);
        const fresh = entry && entry.tags.every((t) => (expiredAt.get(t) ?? -1) < entry.at);
        if (entry && fresh) {
          stats.hits++;
          return JSON.parse(entry.value) as R;
        }
        stats.misses++;
        const value = await fn(...args);
        entries.set(key, { value: JSON.stringify(value), tags: opts.tags ?? [], at: ++clock });
        return JSON.parse(JSON.stringify(value)) as R;
      };
    },
    updateTag: expire,
    revalidateTag: (tag: string) => expire(tag),
    revalidatePath: (path: string) => {
      stats.revalidatedPaths.push(path);
    },
  };
  return { module, stats, clear: () => entries.clear() };
}
