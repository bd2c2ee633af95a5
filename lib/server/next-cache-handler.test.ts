/**
 * The cache handler as two instances would run it: two copies of the module (two "processes") listening on one real
 * PostgreSQL. An invalidation on one reaches the other; a listener that loses its connection drops what it holds and
 * listens again; a render that raced an invalidation is not stored.
 */
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, removeTestDatabase } from "./testing/test-database";

type Handler = import("./next-cache-handler.mjs").default;
type Module = typeof import("./next-cache-handler.mjs");

const { database, url } = await createTestDatabase("cache-handler");

async function instance(): Promise<{ handler: Handler; module: Module }> {
  vi.resetModules();
  const handlerModule = await import("./next-cache-handler.mjs");
  return { handler: new handlerModule.default(), module: handlerModule };
}

const page = (html: string, tags: string[]) => ({ kind: "APP_PAGE", html, rscData: Buffer.from(html), headers: { "x-next-cache-tags": tags.join(",") }, status: 200 });

async function eventually(check: () => Promise<boolean>, ms = 2_000): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await check()) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("condition not met in time");
}

async function listening(): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name LIKE 'provenance-cache-%' AND datname = current_database()`);
  await client.end();
  return rows[0].n;
}

const a = await instance();
const b = await instance();
await eventually(async () => (await listening()) === 2);

afterAll(async () => {
  a.module.stopCacheListener();
  b.module.stopCacheListener();
  await removeTestDatabase(database);
});

describe("next cache handler across instances", () => {
  it("an invalidation on A expires B's copy within a second (and only the pages with that tag)", async () => {
    await a.handler.set("/articles/one", page("one", ["article:one", "vocabulary"]));
    await b.handler.set("/articles/one", page("one", ["article:one", "vocabulary"]));
    await b.handler.set("/articles/two", page("two", ["article:two", "vocabulary"]));
    expect(await b.handler.get("/articles/one")).not.toBeNull();
    await a.handler.revalidateTag(["article:one"]);
    expect(await a.handler.get("/articles/one")).toBeNull();
    const took = await eventually(async () => (await b.handler.get("/articles/one")) === null);
    expect(took).toBeLessThan(1_000);
    expect(await b.handler.get("/articles/two")).not.toBeNull();
  });

  it("sends many invalidations at once one after another on its connection, and B hears every one", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on("warning", onWarning);
    const slugs = Array.from({ length: 20 }, (_, i) => `burst-${i}`);
    for (const slug of slugs) await b.handler.set(`/articles/${slug}`, page(slug, [`article:${slug}`]));
    await Promise.all(slugs.map((slug) => a.handler.revalidateTag([`article:${slug}`])));
    await eventually(async () => (await Promise.all(slugs.map((slug) => b.handler.get(`/articles/${slug}`)))).every((hit) => hit === null));
    process.off("warning", onWarning);
    // pg deprecates a second query on a client that is still running one (it will throw in pg 9).
    expect(warnings.filter((m) => m.includes("already executing a query"))).toEqual([]);
  });

  it("does not store a render that finished just after its tags were expired (it may hold the old content)", async () => {
    await a.handler.revalidateTag(["article:three"]);
    await a.handler.set("/articles/three", page("old", ["article:three"]));
    expect(await a.handler.get("/articles/three")).toBeNull();
  });

  it("a listener that loses its connection drops its caches, reconnects, and hears invalidations again", async () => {
    await b.handler.set("/articles/four", page("four", ["article:four"]));
    expect(await b.handler.get("/articles/four")).not.toBeNull();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE 'provenance-cache-%' AND datname = current_database()`);
    await admin.end();
    // What B held is gone (it may have missed notifications while disconnected)…
    await eventually(async () => (await b.handler.get("/articles/four")) === null);
    // …and both listen again, so a new invalidation still reaches B.
    await eventually(async () => (await listening()) === 2, 10_000);
    await b.handler.set("/articles/five", page("five", ["article:five"]));
    await a.handler.revalidateTag(["article:five"]);
    await eventually(async () => (await b.handler.get("/articles/five")) === null);
  });

  it("keeps within its byte budget, least recently used out first", async () => {
    vi.stubEnv("CACHE_MAX_MB", "0.001"); // ~1 KB
    const small = await instance();
    await small.handler.set("/p/1", page("x".repeat(300), ["t"]));
    await small.handler.set("/p/2", page("y".repeat(300), ["t"]));
    await small.handler.set("/p/3", page("z".repeat(300), ["t"]));
    expect(await small.handler.get("/p/1")).toBeNull();
    expect(await small.handler.get("/p/3")).not.toBeNull();
    small.module.stopCacheListener();
    vi.unstubAllEnvs();
  });
});
