/**
 * The reader's data layer against a real SQLite file seeded with the demo: what readers see, that it is cached, and
 * that invalidateArticle / invalidateVocabulary make a change visible to the very next read.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareReaderTestEnv, seedDemoDatabase, DEMO_SEED_TIMEOUT_MS } from "./testing/reader";
import { removeTestDatabase } from "./testing/test-database";
import { anonymousReader } from "@/lib/server/actors";

/** Public reads are made as an anonymous reader. */
const visitor = anonymousReader();

const fake = vi.hoisted(() => ({ cache: null as null | ReturnType<typeof import("./testing/reader").createFakeNextCache> }));
vi.mock("next/cache", async () => {
  const { createFakeNextCache: create } = await import("./testing/reader");
  fake.cache = create();
  return fake.cache.module;
});

const { database } = await prepareReaderTestEnv("reader");
let slug = "";

const reader = await import("./reader");
const { invalidateArticle, invalidateVocabulary } = await import("./cache");
const { db } = await import("./db");

// The demo is seeded through the data layer (about 40 transactions): more than the default 10 s hook budget on a busy machine.
beforeAll(async () => {
  ({ slug } = await seedDemoDatabase());
}, DEMO_SEED_TIMEOUT_MS);
afterAll(async () => {
  await db.$disconnect();
  await removeTestDatabase(database);
});

describe("published article", () => {
  it("has the 18 approved demo annotations in text order, quotes matching the text", async () => {
    const view = await reader.getPublishedArticle(visitor, slug);
    expect(view).not.toBeNull();
    expect(view!.annotations).toHaveLength(18);
    for (const a of view!.annotations) expect(view!.article.text.slice(a.start, a.end)).toBe(a.quote.exact);
    const starts = view!.annotations.map((a) => a.start);
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
  });

  it("returns null for unknown, implausible and draft slugs", async () => {
    expect(await reader.getPublishedArticle(visitor, "no-such-article")).toBeNull();
    expect(await reader.getPublishedArticle(visitor, "../../etc/passwd")).toBeNull();
    expect(await reader.getPublishedArticle(visitor, "x".repeat(500))).toBeNull();
    const draft = await db.article.create({ data: { slug: `draft-${Date.now()}`, title: "Draft", text: "Draft text.", contentHash: "h" } });
    expect(await reader.getPublishedArticle(visitor, draft.slug)).toBeNull();
  });

  it("finds a published annotation by id, and not an unknown one", async () => {
    const view = (await reader.getPublishedArticle(visitor, slug))!;
    const found = await reader.getPublishedAnnotation(visitor, view.annotations[3].id);
    expect(found?.annotation.id).toBe(view.annotations[3].id);
    expect(found?.view.article.slug).toBe(slug);
    expect(await reader.getPublishedAnnotation(visitor, "nope")).toBeNull();
    expect(await reader.getPublishedAnnotation(visitor, "<script>")).toBeNull();
  });
});

describe("public verdict history", () => {
  it("lists who published each verdict and when, by display name only", async () => {
    const view = (await reader.getPublishedArticle(visitor, slug))!;
    const history = await reader.getPublicVerdictHistory(visitor, slug);
    expect(Object.keys(history)).toHaveLength(18);
    const first = history[view.annotations[0].id];
    expect(first).toEqual([{ at: expect.any(String), by: "Sam Second", from: null, to: { slug: view.annotations[0].status.slug, label: view.annotations[0].status.label } }]);
    expect(JSON.stringify(history)).not.toMatch(/@example\.com/);
  });
});

describe("caching and invalidation", () => {
  it("serves from cache until invalidateArticle, then the very next read shows the change", async () => {
    const before = (await reader.getPublishedArticle(visitor, slug))!;
    const target = before.annotations.find((a) => a.status.slug === "verified")!;
    const hits = fake.cache!.stats.hits;
    await reader.getPublishedArticle(visitor, slug);
    expect(fake.cache!.stats.hits).toBe(hits + 1);

    // A reviewer changes the verdict to False and a colleague approves it (what the review workflow writes).
    const approver = await db.user.findUniqueOrThrow({ where: { email: "admin@example.com" } });
    const row = await db.annotation.findUniqueOrThrow({ where: { id: target.id } });
    const snapshot = structuredClone(row.approvedSnapshot) as Record<string, unknown>;
    snapshot.status = { slug: "false", label: "False", color: "#fecaca", rating: 1, retired: false };
    await db.$transaction([
      db.annotation.update({ where: { id: target.id }, data: { approvedSnapshot: snapshot as never, approvedStatusSlug: "false", version: { increment: 1 } } }),
      // The approved revision row (the verdict history reads these, not the audit log), with a private comment.
      db.annotationRevision.create({
        data: {
          annotationId: target.id,
          version: row.version + 1,
          event: "approved",
          workflowState: "approved",
          content: snapshot as never,
          statusSlug: "false",
          typeSlug: target.claimType.slug,
          start: target.start,
          end: target.end,
          articleRevision: 1,
          editorIds: [],
          actorId: approver.id,
          approverId: approver.id,
          comment: "PRIVATE approval comment",
        },
      }),
    ]);

    // Still cached: readers are not waiting on the database.
    expect((await reader.getPublishedArticle(visitor, slug))!.annotations.find((a) => a.id === target.id)!.status.slug).toBe("verified");

    invalidateArticle(slug);
    expect(fake.cache!.stats.expiredTags).toEqual(expect.arrayContaining([`article:${slug}`, "public-articles"]));
    const after = (await reader.getPublishedArticle(visitor, slug))!;
    expect(after.annotations.find((a) => a.id === target.id)!.status.slug).toBe("false");

    const history = (await reader.getPublicVerdictHistory(visitor, slug))[target.id];
    expect(history).toHaveLength(2);
    expect(history[1]).toMatchObject({ by: "Ada Admin", from: { slug: "verified", label: "Verified" }, to: { slug: "false", label: "False" } });
    expect(JSON.stringify(history)).not.toMatch(/PRIVATE|rationale|@example/);

    const list = await reader.listPublishedArticles(visitor);
    expect(list.find((a) => a.slug === slug)!.statusCounts.false).toBeGreaterThan(0);
  });

  it("unpublishing hides the article on the next read after invalidateArticle", async () => {
    const annotationId = (await reader.getPublishedArticle(visitor, slug))!.annotations[0].id;
    await db.article.update({ where: { slug }, data: { state: "draft" } });
    expect(await reader.getPublishedArticle(visitor, slug)).not.toBeNull();
    invalidateArticle(slug);
    expect(await reader.getPublishedArticle(visitor, slug)).toBeNull();
    expect(await reader.getPublishedAnnotation(visitor, annotationId)).toBeNull();
    // The demo's second article stays listed; this one is gone.
    expect((await reader.listPublishedArticles(visitor)).map((a) => a.slug)).toEqual([expect.not.stringMatching(`^${slug}$`)]);
    await db.article.update({ where: { slug }, data: { state: "published" } });
    invalidateArticle(slug);
    expect(await reader.getPublishedArticle(visitor, slug)).not.toBeNull();
    expect(await reader.getPublishedAnnotation(visitor, annotationId)).not.toBeNull();
  });

  it("a renamed status reads with its new label after invalidateVocabulary", async () => {
    await db.verificationStatus.update({ where: { slug: "partly-true" }, data: { label: "Half true" } });
    invalidateVocabulary();
    const view = (await reader.getPublishedArticle(visitor, slug))!;
    const partly = view.annotations.filter((a) => a.status.slug === "partly-true");
    expect(partly.length).toBeGreaterThan(0);
    expect(partly.every((a) => a.status.label === "Half true")).toBe(true);
    expect((await reader.getReaderVocabulary(visitor)).statuses.find((s) => s.slug === "partly-true")?.label).toBe("Half true");
    await db.verificationStatus.update({ where: { slug: "partly-true" }, data: { label: "Partly true" } });
    invalidateVocabulary();
  });
});
