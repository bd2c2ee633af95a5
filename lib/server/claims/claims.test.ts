import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, removeTestDatabase } from "../testing/test-database";
import { createReviewUsers } from "../testing/review";
import { testActor } from "../testing/actors";
import { analystQuoteFields } from "../testing/claims";
import { anonymousReader } from "../actors";
import { Prisma } from "../generated/prisma/client";

vi.mock("next/cache", () => ({ updateTag: () => {}, revalidatePath: () => {}, revalidateTag: () => {}, unstable_cache: (fn: unknown) => fn }));

process.env.NEXTAUTH_SECRET ??= "claims-test-secret-claims-test-secret-0123";
process.env.PUBLIC_BASE_URL = "https://provenance.test";
const { database } = await createTestDatabase("claims");
const { db } = await import("../db");
const { seedVocabularies } = await import("../../../prisma/seed-vocabularies");
const { seedDemo } = await import("../../../prisma/demo/seed-demo");
const { importArticle, previewImport, setArticlePublished } = await import("../review/articles");
const { saveAnnotation, reviewAnnotation } = await import("../review/annotations");
const { searchStatements } = await import("./search");
const { getClaimSuggestions, decideClaimLink, undoClaimLink, getClaimLinks } = await import("./suggestions");
const { getClaimAppearances } = await import("./clusters");
const { getArticleClaimReviews } = await import("../public-read-api");
const { getChainWarnings } = await import("./chain-warnings");
const { getSourcePage } = await import("./sources");
const { DomainRuleError } = await import("../errors");
const { chainWarningKey } = await import("@/lib/contracts/claims");
const searchRoute = await import("@/app/api/v1/search/route");
const { listPublishedArticlesPage } = await import("../reader-list");

const visitor = anonymousReader();
let users: Awaited<ReturnType<typeof createReviewUsers>>;
let demo: { slug: string; id: string; text: string; title: string };
/** The demo's second published article (the follow-up report). */
let demoFollowUpSlug = "";

type Fields = import("@/lib/contracts/review").SaveAnnotationInput["fields"];
type ClaimReview = import("@/lib/export").ClaimReview;

/** The demo's "sow millions of mines" quote, reworded, in an article of another outlet. */
const SECOND_TEXT = [
  "Estonia, Latvia and Lithuania have confirmed that they are leaving the Ottawa treaty on landmines.",
  "‘They will sow millions of mines in the quiet pine and spruce forests along the border,’ a Russian military analyst was quoted as saying.",
  "Gennady Podlesny, a commentator, had called such mines pointless in an earlier interview.",
].join("\n\n");

const minesFields = analystQuoteFields;

async function statementContaining(articleId: string, words: string) {
  const article = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { text: true, statements: { select: { id: true, start: true, end: true } } } });
  const s = article.statements.find((st) => article.text.slice(st.start, st.end).includes(words));
  if (!s) throw new Error(`No statement contains ${words}`);
  return s;
}

/** Writes (rita), submits and approves (sam) an annotation on the statement containing `words`; returns its id. */
async function annotateAndApprove(articleId: string, words: string, fields: Fields): Promise<string> {
  const s = await statementContaining(articleId, words);
  const saved = await saveAnnotation(testActor(users.rita), { statementId: s.id, baseVersion: null, intent: "submit", fields });
  const acknowledgedWarnings = (await getChainWarnings(testActor(users.sam), saved.annotationId)).map(chainWarningKey);
  await reviewAnnotation(testActor(users.sam), { decision: "approve", annotationId: saved.annotationId, version: saved.version, acknowledgedWarnings });
  return saved.annotationId;
}

async function importSecond(over: { title?: string; originalUrl?: string } = {}) {
  return importArticle(testActor(users.rita), {
    title: over.title ?? "Baltic states confirm treaty exit",
    outlet: "Baltic Daily",
    originalUrl: over.originalUrl ?? "https://baltic-daily.example/exit",
    publishedDate: "2025-07-01",
    language: "en",
    text: SECOND_TEXT,
  });
}

async function publish(articleId: string) {
  const a = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { version: true } });
  await setArticlePublished(testActor(users.sam), { articleId, version: a.version, publish: true });
}

beforeAll(async () => {
  await seedVocabularies(db);
  const seeded = await seedDemo(db, { passwordCost: 4 });
  const article = await db.article.findUniqueOrThrow({ where: { slug: seeded.slug }, select: { id: true, text: true, title: true } });
  demo = { slug: seeded.slug, id: article.id, text: article.text, title: article.title };
  demoFollowUpSlug = seeded.articles[1].slug;
  users = await createReviewUsers(db);
}, 60_000);

afterAll(async () => {
  await db.$disconnect();
  await removeTestDatabase(database);
});

async function allHits(query: Parameters<typeof searchStatements>[1], pageSize = 100) {
  return (await searchStatements(visitor, query, { pageSize })).hits;
}

/** Every hit, page after page (by the cursor). */
async function hitsOfEveryPage(query: Parameters<typeof searchStatements>[1], pageSize = 100) {
  const hits = [];
  let cursor: string | undefined;
  do {
    const page = await searchStatements(visitor, { ...query, cursor }, { pageSize });
    hits.push(...page.hits);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return hits;
}

describe("search (published statements, approved content only)", () => {
  it("finds Podlesny's statements by speaker and links each to its permalink", async () => {
    const hits = await allHits({ q: "Podlesny" });
    const his = hits.filter((h) => h.speakerName === "Gennady Podlesny");
    expect(his.length).toBeGreaterThanOrEqual(2);
    for (const h of his) {
      expect(h.article.slug).toBe(demo.slug);
      expect(h.permalink).toBe(`/articles/${demo.slug}?annotation=${h.annotationId}`);
      expect(demo.text).toContain(h.quote);
      expect(h.verdict.label).toBeTruthy();
      expect(h.claimType.label).toBeTruthy();
    }
    expect((await allHits({ q: "zzzqqq" })).length).toBe(0);
  });

  it("matches a misspelt word through trigrams, and refuses an over-long query with a clear message", async () => {
    const hits = await allHits({ q: "landmnes" });
    expect(hits.some((h) => h.quote.includes("Landmines are a relic"))).toBe(true);
    await expect(searchStatements(visitor, { q: "x".repeat(201) })).rejects.toThrow(/too long: at most 200 characters/);
  });

  it("filters by verdict, claim type, speaker, source in the chain, outlet, language and date", async () => {
    const misattributed = await allHits({ verdict: "misattributed" });
    expect(misattributed.length).toBeGreaterThan(0);
    expect(misattributed.every((h) => h.verdict.slug === "misattributed")).toBe(true);
    expect(misattributed.some((h) => h.quote.includes("sow millions of mines"))).toBe(true);

    const all = await allHits({});
    const someType = all[0]!.claimType.slug;
    const ofType = await allHits({ type: someType });
    expect(ofType.length).toBeGreaterThan(0);
    expect(ofType.length).toBeLessThan(all.length);
    expect(ofType.every((h) => h.claimType.slug === someType)).toBe(true);

    const bySpeaker = await allHits({ speaker: "podlesny" });
    expect(bySpeaker.length).toBeGreaterThanOrEqual(2);
    expect(bySpeaker.every((h) => h.speakerName?.includes("Podlesny"))).toBe(true);

    const telegraph = await db.source.findFirstOrThrow({ where: { name: "The Telegraph", hops: { some: { annotation: { articleId: demo.id, approvedQuote: { contains: "sow millions" } } } } } });
    const viaTelegraph = await allHits({ source: telegraph.id });
    expect(viaTelegraph.some((h) => h.quote.includes("sow millions of mines"))).toBe(true);
    expect(viaTelegraph.length).toBeLessThan(all.length);

    expect((await allHits({ outlet: "No Such Outlet" })).length).toBe(0);
    expect((await allHits({ language: "de" })).length).toBe(0);
    expect((await allHits({ language: "en" })).length).toBe(all.length);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    expect((await allHits({ from: tomorrow })).length).toBe(0);
    expect((await allHits({ to: tomorrow })).length).toBe(all.length);
    await expect(searchStatements(visitor, { from: "27/06/2025" })).rejects.toThrow(/date like/);
  });

  it("a speaker or source filter with a common word finds exactly the filter's statements that have the word", async () => {
    // Statistics, so that "the" counts as common: the filter's statements are then tested one by one.
    await db.$executeRawUnsafe(`ANALYZE "Annotation"`);
    const ids = (hits: { annotationId: string }[]) => hits.map((h) => h.annotationId).sort();
    const withWord = new Set(ids(await allHits({ q: "the" })));
    const bySpeaker = ids(await allHits({ speaker: "podlesny" }));
    const expected = bySpeaker.filter((id) => withWord.has(id));
    expect(expected.length).toBeGreaterThan(0);
    expect(ids(await allHits({ speaker: "podlesny", q: "the" }))).toEqual(expected);
    // Page by page (the cursor), the same statements.
    const first = await searchStatements(visitor, { speaker: "podlesny", q: "the" }, { pageSize: 1 });
    expect(first.hits).toHaveLength(1);
    expect(first.nextCursor === null).toBe(expected.length === 1);

    const telegraph = await db.source.findFirstOrThrow({ where: { name: "The Telegraph", hops: { some: { annotation: { articleId: demo.id } } } } });
    const viaTelegraph = ids(await allHits({ source: telegraph.id }));
    expect(ids(await allHits({ source: telegraph.id, q: "the" }))).toEqual(viaTelegraph.filter((id) => withWord.has(id)));
  });

  it("pages with a cursor, most recent first, without repeats or gaps; relevance order pages too", async () => {
    const all = await allHits({});
    expect(all.length).toBeGreaterThanOrEqual(18);
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++) {
      const page = await searchStatements(visitor, { cursor }, { pageSize: 5 });
      seen.push(...page.hits.map((h) => h.annotationId));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(all.map((h) => h.annotationId));
    const times = all.map((h) => h.approvedAt);
    expect([...times].sort().reverse()).toEqual(times);

    const ranked = await searchStatements(visitor, { q: "mines", order: "relevance" }, { pageSize: 3 });
    expect(ranked.query.order).toBe("relevance");
    expect(ranked.hits[0]!.rank).toBeGreaterThan(0);
    const rest = await searchStatements(visitor, { q: "mines", order: "relevance", cursor: ranked.nextCursor! }, { pageSize: 100 });
    const everyRanked = await allHits({ q: "mines", order: "relevance" });
    expect([...ranked.hits, ...rest.hits].map((h) => h.annotationId)).toEqual(everyRanked.map((h) => h.annotationId));
    await expect(searchStatements(visitor, { cursor: "not-a-cursor" })).rejects.toBeInstanceOf(DomainRuleError);
  });

  it("never shows an unpublished article, nor a pending edit of a published annotation", async () => {
    const second = await importSecond({ title: "Unpublished copy", originalUrl: "https://baltic-daily.example/draft" }).catch(() => null);
    // The second import of the same text is a duplicate: confirmed explicitly here.
    const draft = second ?? (await importArticle(testActor(users.rita), { title: "Unpublished copy", text: SECOND_TEXT, outlet: "Baltic Daily" }, { confirmDuplicate: true }));
    await annotateAndApprove(draft.id, "Gennady Podlesny", minesFields({ claimTypeSlug: "author-assertion", speakerName: "Gennady Podlesny", attributionText: null, chain: [] }));
    const before = await allHits({ q: "Podlesny" });
    expect(before.every((h) => h.article.slug === demo.slug)).toBe(true);

    // A pending edit of an approved annotation: readers (and search) keep the approved content.
    const podlesny = before.find((h) => h.speakerName === "Gennady Podlesny")!;
    const a = await db.annotation.findUniqueOrThrow({ where: { id: podlesny.annotationId }, include: { claimType: true, status: true } });
    await saveAnnotation(testActor(users.rita), {
      statementId: a.statementId!,
      baseVersion: a.version,
      intent: "draft",
      fields: { claimTypeSlug: a.claimType.slug, statusSlug: "false", speakerName: "Zyxwv Pendingname", attributionText: null, chain: [], evidence: [], rationale: "pending" } as Fields,
    });
    expect((await allHits({ q: "Zyxwv" })).length).toBe(0);
    expect((await allHits({ speaker: "Zyxwv" })).length).toBe(0);
    const still = (await allHits({ q: "Podlesny" })).find((h) => h.annotationId === podlesny.annotationId)!;
    expect(still.speakerName).toBe("Gennady Podlesny");
    expect(still.verdict.slug).toBe(podlesny.verdict.slug);
    // Cleanup for the tests below: the draft article is removed.
    await db.article.delete({ where: { id: draft.id } });
  });
});

describe("/api/v1/search", () => {
  it("answers JSON with an ETag (304 when unchanged), CORS, a next link; problem+json for a bad parameter", async () => {
    const res = await searchRoute.GET(new Request("https://provenance.test/api/v1/search?q=Podlesny&pageSize=1"), undefined);
    expect(res.status).toBe(200);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const body = (await res.json()) as { items: { permalink: string; speakerName: string }[]; links: { next?: string } };
    expect(body.items).toHaveLength(1);
    expect(body.items[0]!.permalink).toMatch(new RegExp(`^https://provenance.test/articles/${demo.slug}\\?annotation=`));
    expect(body.links.next).toContain("cursor=");
    const next = await searchRoute.GET(new Request(body.links.next!), undefined);
    expect(((await next.json()) as { items: unknown[] }).items).toHaveLength(1);
    const etag = res.headers.get("ETag")!;
    const again = await searchRoute.GET(new Request("https://provenance.test/api/v1/search?q=Podlesny&pageSize=1", { headers: { "If-None-Match": etag } }), undefined);
    expect(again.status).toBe(304);
    const long = await searchRoute.GET(new Request(`https://provenance.test/api/v1/search?q=${"x".repeat(201)}`), undefined);
    expect(long.status).toBe(400);
    expect(long.headers.get("Content-Type")).toBe("application/problem+json");
    const badCursor = await searchRoute.GET(new Request("https://provenance.test/api/v1/search?cursor=zzz"), undefined);
    expect(badCursor.status).toBe(400);
  });
});

describe("duplicate imports", () => {
  it("warns in the preview and refuses to import the demo text again without an explicit confirmation", async () => {
    const count = await db.article.count();
    const preview = await previewImport(testActor(users.rita), { text: demo.text, title: "Again" });
    expect(preview.duplicates?.map((d) => d.id)).toEqual([demo.id]);
    expect(preview.duplicates?.[0]?.matched).toEqual(["text"]);
    await expect(importArticle(testActor(users.rita), { text: demo.text, title: "Again" })).rejects.toThrow(/already on the desk/);
    expect(await db.article.count()).toBe(count);
    const again = await importArticle(testActor(users.rita), { text: demo.text, title: "Again" }, { confirmDuplicate: true });
    expect(await db.article.count()).toBe(count + 1);
    await db.article.delete({ where: { id: again.id } });
  });

  it("matches the original URL too, and says nothing for a new article", async () => {
    const first = await importSecond();
    const byUrl = await previewImport(testActor(users.rita), { text: "A completely different text about something else entirely.", title: "Other", originalUrl: "https://baltic-daily.example/exit" });
    expect(byUrl.duplicates).toEqual([expect.objectContaining({ id: first.id, matched: ["url"] })]);
    const fresh = await previewImport(testActor(users.rita), { text: "A completely different text about something else entirely.", title: "Other" });
    expect(fresh.duplicates).toEqual([]);
    await db.article.delete({ where: { id: first.id } });
  });
});

describe("chain checks on approval", () => {
  it("refuses to approve a speaker-vs-origin contradiction without the acknowledgement, and records it when given", async () => {
    const art = await importArticle(testActor(users.rita), {
      title: "Lithuania on mines",
      outlet: "Baltic Daily",
      language: "en",
      text: "The Lithuanian defence minister told LRT that the mines would be laid only in wartime.",
    });
    const s = await statementContaining(art.id, "defence minister");
    const saved = await saveAnnotation(testActor(users.rita), {
      statementId: s.id,
      baseVersion: null,
      intent: "submit",
      fields: minesFields({ claimTypeSlug: "official-statement", attributionText: "told LRT", speakerName: "Lithuanian defence minister", chain: [{ sourceId: null, name: "LRT", kind: "news_outlet", url: null, date: null, note: null }] }),
    });
    const warnings = await getChainWarnings(testActor(users.sam), saved.annotationId);
    expect(warnings.map((w) => w.code)).toContain("origin-not-speaker");
    const keys = warnings.map(chainWarningKey);

    await expect(reviewAnnotation(testActor(users.sam), { decision: "approve", annotationId: saved.annotationId, version: saved.version })).rejects.toThrow(/acknowledge before approving/);
    await expect(
      reviewAnnotation(testActor(users.sam), { decision: "approve", annotationId: saved.annotationId, version: saved.version, acknowledgedWarnings: keys.slice(1) }),
    ).rejects.toMatchObject({ field: "acknowledgedWarnings" });
    const row = await db.annotation.findUniqueOrThrow({ where: { id: saved.annotationId } });
    expect(row.workflowState).toBe("in_review");

    await reviewAnnotation(testActor(users.sam), { decision: "approve", annotationId: saved.annotationId, version: saved.version, acknowledgedWarnings: keys });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "annotation.approve", entityId: saved.annotationId } });
    const after = audit.after as { chainWarningsAcknowledged: { code: string }[] };
    expect(after.chainWarningsAcknowledged.map((w) => w.code)).toEqual(warnings.map((w) => w.code));
    await db.article.delete({ where: { id: art.id } });
  });
});

describe("checked before?", () => {
  it("suggests the demo's misattributed verdict for the reworded mines quote; Same claim links them, Different claim is never suggested again", async () => {
    const second = await importSecond();
    const statement = await statementContaining(second.id, "sow millions of mines");
    const demoMines = await db.annotation.findFirstOrThrow({ where: { articleId: demo.id, approvedQuote: { contains: "sow millions of mines" } } });

    const suggestions = await getClaimSuggestions(testActor(users.rita), statement.id);
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.length).toBeLessThanOrEqual(5);
    expect(suggestions[0]!.annotationId).toBe(demoMines.id);
    expect(suggestions[0]!.verdict?.slug).toBe("misattributed");
    expect(suggestions[0]!.score).toBeGreaterThanOrEqual(0.34);
    expect(suggestions[0]!.sameArticle).toBe(false);
    expect(suggestions[0]!.article.slug).toBe(demo.slug);
    expect(suggestions[0]!.speakerName).toBeTruthy();
    expect(suggestions[0]!.sameOrigin).toBeNull(); // no annotation (no chain) on this statement yet
    // On a large table (by the planner's estimate, which decides) candidates come from the quote's rarest words
    // through the stored search document, not from the trigram index: the same original comes first.
    await db.$executeRawUnsafe(`UPDATE pg_class SET reltuples = 1000000 WHERE oid = '"Annotation"'::regclass`);
    try {
      const large = await getClaimSuggestions(testActor(users.rita), statement.id);
      expect(large[0]).toMatchObject({ annotationId: demoMines.id, verdict: expect.objectContaining({ slug: "misattributed" }) });
    } finally {
      await db.$executeRawUnsafe(`ANALYZE "Annotation"`);
    }
    expect((await db.$queryRawUnsafe<{ rows: number }[]>(`SELECT reltuples::float8 AS "rows" FROM pg_class WHERE oid = '"Annotation"'::regclass`))[0]!.rows).toBeLessThan(20_000);

    // Annotated, with The Telegraph as origin like the demo's: the same origin is shown.
    const mine = await annotateAndApprove(second.id, "sow millions of mines", minesFields({ chain: [{ sourceId: null, name: "The Telegraph", kind: "news_outlet", url: null, date: null, note: null }] }));
    const again = await getClaimSuggestions(testActor(users.rita), statement.id);
    expect(again[0]!.annotationId).toBe(demoMines.id);
    expect(again[0]!.sameOrigin).toBe(true);
    expect(again[0]!.linked).toBe(false);

    await decideClaimLink(testActor(users.rita), { annotationId: mine, otherAnnotationId: demoMines.id, relation: "same" });
    expect((await getClaimSuggestions(testActor(users.rita), statement.id))[0]).toMatchObject({ annotationId: demoMines.id, linked: true });
    expect(await getClaimLinks(testActor(users.rita), mine)).toEqual([expect.objectContaining({ annotationId: demoMines.id, relation: "same" })]);
    expect(await db.auditEvent.count({ where: { action: "claim_link.create", entityId: { contains: mine } } })).toBe(1);
    await expect(decideClaimLink(testActor(users.rita), { annotationId: demoMines.id, otherAnnotationId: mine, relation: "different" })).rejects.toThrow(/undo that first/);

    // Readers: "Also checked in N articles", once the other article is published.
    expect((await getClaimAppearances(visitor, demo.slug))[demoMines.id]).toBeUndefined();
    await publish(second.id);
    const secondSlug = (await db.article.findUniqueOrThrow({ where: { id: second.id } })).slug;
    expect((await getClaimAppearances(visitor, demo.slug))[demoMines.id]).toEqual([expect.objectContaining({ slug: secondSlug, annotationId: mine })]);
    expect((await getClaimAppearances(visitor, secondSlug))[mine]).toEqual([expect.objectContaining({ slug: demo.slug, annotationId: demoMines.id })]);
    // ClaimReview: the clustered claim's itemReviewed lists every published article where it appears.
    const claimReviewOf = async (slug: string, id: string) => {
      const res = await getArticleClaimReviews(new Request(`https://provenance.test/api/v1/articles/${slug}/claimreview`), slug);
      return ((await res.json()) as ClaimReview[]).find((r) => r.url.includes(`annotation=${id}`))!;
    };
    const secondArticle = await db.article.findUniqueOrThrow({ where: { id: second.id } });
    const appearance = (await claimReviewOf(demo.slug, demoMines.id)).itemReviewed.appearance;
    expect(appearance).toEqual([
      // The demo records no original URL: its checked copy here.
      { "@type": "CreativeWork", headline: demo.title, url: `https://provenance.test/articles/${demo.slug}` },
      { "@type": "CreativeWork", headline: secondArticle.title, url: secondArticle.originalUrl, datePublished: secondArticle.publishedDate, publisher: { "@type": "Organization", name: secondArticle.outlet } },
    ]);

    // Undo, then "Different claim": never suggested again; undoing that brings it back.
    await undoClaimLink(testActor(users.rita), { annotationId: demoMines.id, otherAnnotationId: mine });
    expect((await getClaimAppearances(visitor, demo.slug))[demoMines.id]).toBeUndefined();
    expect(Array.isArray((await claimReviewOf(demo.slug, demoMines.id)).itemReviewed.appearance)).toBe(false);
    await decideClaimLink(testActor(users.rita), { annotationId: mine, otherAnnotationId: demoMines.id, relation: "different" });
    expect((await getClaimSuggestions(testActor(users.rita), statement.id)).map((s) => s.annotationId)).not.toContain(demoMines.id);
    await undoClaimLink(testActor(users.rita), { annotationId: mine, otherAnnotationId: demoMines.id });
    expect((await getClaimSuggestions(testActor(users.rita), statement.id))[0]!.annotationId).toBe(demoMines.id);
    expect(await db.auditEvent.count({ where: { action: { in: ["claim_link.create", "claim_link.delete"] }, entityId: { contains: mine } } })).toBe(4);

    // The source page lists The Telegraph's claims across the articles: the demo's two and this one.
    const telegraph = await db.source.findFirstOrThrow({ where: { name: "The Telegraph", hops: { some: { annotationId: demoMines.id } } } });
    const page = (await getSourcePage(visitor, telegraph.id))!;
    expect(new Set(page.articles.map((a) => a.slug))).toEqual(new Set([demo.slug, demoFollowUpSlug, secondSlug]));
    expect(page.statements.find((s) => s.annotationId === mine)?.roles).toEqual(["origin"]);
    expect(page.verdicts.find((v) => v.slug === "misattributed")?.count).toBeGreaterThanOrEqual(1);
    expect(page.firstAppearance?.date).toBe("2025-06-24");
  });

  it("refuses readers and keeps decisions to reviewers", async () => {
    await expect(getClaimSuggestions(visitor, "x")).rejects.toMatchObject({ reason: "unauthenticated" });
    await expect(decideClaimLink(visitor, { annotationId: "a", otherAnnotationId: "b", relation: "same" })).rejects.toMatchObject({ reason: "unauthenticated" });
  });
});

describe("home page list", () => {
  it("pages and sorts the published articles (the demo's two, and the one the checked-before test published)", async () => {
    const newest = await listPublishedArticlesPage(visitor, { pageSize: 1 });
    expect(newest.total).toBe(3);
    expect(newest.pageCount).toBe(3);
    expect(newest.items[0]!.slug).not.toBe(demo.slug);
    const second = await listPublishedArticlesPage(visitor, { pageSize: 1, page: 1 });
    expect(second.items.map((a) => a.slug)).toEqual([demoFollowUpSlug]);
    const third = await listPublishedArticlesPage(visitor, { pageSize: 1, page: 2 });
    expect(third.items.map((a) => a.slug)).toEqual([demo.slug]);
    expect(third.items[0]!.annotated).toBe(18);
    const oldest = await listPublishedArticlesPage(visitor, { pageSize: 1, sort: "oldest" });
    expect(oldest.items[0]!.slug).toBe(demo.slug);
    const byTitle = await listPublishedArticlesPage(visitor, { sort: "title" });
    expect(byTitle.items.map((a) => a.title)).toEqual(byTitle.items.map((a) => a.title).sort());
    expect((await listPublishedArticlesPage(visitor, { pageSize: 1, page: 5 })).items).toEqual([]);
  });
});

describe("migration backfill", () => {
  it("provenance_backfill_approved_quotes() restores a missing approved quote from the approved span", async () => {
    const row = await db.annotation.findFirstOrThrow({ where: { articleId: demo.id, approvedQuote: { contains: "Landmines are a relic" } } });
    await db.annotation.update({ where: { id: row.id }, data: { approvedQuote: null } });
    expect((await allHits({ q: "relic" })).some((h) => h.annotationId === row.id)).toBe(false);
    await db.$executeRawUnsafe("SELECT provenance_backfill_approved_quotes()");
    const restored = await db.annotation.findUniqueOrThrow({ where: { id: row.id } });
    expect(restored.approvedQuote).toBe(row.approvedQuote);
    expect(restored.approvedQuote).toBe(demo.text.slice(restored.approvedStart!, restored.approvedEnd!));
  });
});

describe("source pages: who each statement is about, newest first", () => {
  /** Rows of "AnnotationSourceKey" that differ from the keys of the approved content (either way), or from its approval time. */
  const staleSourceKeys = async () =>
    (
      await db.$queryRaw<{ n: number }[]>`
        WITH expected AS (
          SELECT a."id" AS "annotationId", k AS "key", a."approvedAt" FROM "Annotation" a, unnest(provenance_source_keys(a."approvedSnapshot")) k
          WHERE a."approvedSnapshot" IS NOT NULL AND a."approvedAt" IS NOT NULL
        ), stored AS (SELECT "annotationId", "key", "approvedAt" FROM "AnnotationSourceKey")
        SELECT count(*)::int AS "n" FROM ((SELECT * FROM expected EXCEPT SELECT * FROM stored) UNION ALL (SELECT * FROM stored EXCEPT SELECT * FROM expected)) d`
    )[0]!.n;

  it("keeps the keys of every approved annotation as it is approved, re-approved with another chain, and deleted", async () => {
    expect(await db.annotationSourceKey.count()).toBeGreaterThan(0);
    expect(await staleSourceKeys()).toBe(0);
    const draft = await importArticle(testActor(users.rita), { title: "Keys draft", text: SECOND_TEXT, outlet: "Baltic Daily" }, { confirmDuplicate: true });
    const chainVia = (name: string) => [{ sourceId: null, name, kind: "news_outlet", url: null, date: null, note: null }] as Fields["chain"];
    const id = await annotateAndApprove(draft.id, "Gennady Podlesny", minesFields({ speakerName: "Gennady Podlesny", chain: chainVia("Keys Wire One") }));
    const keysOf = async () => (await db.annotationSourceKey.findMany({ where: { annotationId: id }, select: { key: true } })).map((k) => k.key).sort();
    expect(await keysOf()).toEqual(expect.arrayContaining(["name:keys wire one", "speaker:gennady podlesny"]));

    // Re-approved with another chain: the old outlet's keys go, the new one's come.
    const a = await db.annotation.findUniqueOrThrow({ where: { id } });
    const saved = await saveAnnotation(testActor(users.rita), {
      statementId: a.statementId!,
      baseVersion: a.version,
      intent: "submit",
      fields: minesFields({ speakerName: "Gennady Podlesny", chain: chainVia("Keys Wire Two") }),
    });
    const acknowledgedWarnings = (await getChainWarnings(testActor(users.sam), id)).map(chainWarningKey);
    await reviewAnnotation(testActor(users.sam), { decision: "approve", annotationId: id, version: saved.version, acknowledgedWarnings });
    const keys = await keysOf();
    expect(keys).toContain("name:keys wire two");
    expect(keys).not.toContain("name:keys wire one");
    expect(await staleSourceKeys()).toBe(0);

    await db.article.delete({ where: { id: draft.id } });
    expect(await keysOf()).toEqual([]);
    expect(await staleSourceKeys()).toBe(0);
  });

  it("a source with more statements than the search tests first gives the same pages as testing every statement", async () => {
    // 5,200 approved statements relayed by one wire (more than the 5,000 the search reads of a source before it turns
    // to the indexes), in a published article: every 7th says "zebra", one says "okapi", the rest "giraffe".
    const wire = await db.source.create({ data: { name: "Large Source Wire", kind: "wire_agency" } });
    const article = await importArticle(testActor(users.rita), { title: "Large source", text: "One statement. Another statement.", outlet: "Wire Desk" }, { confirmDuplicate: true });
    const template = await db.annotation.findFirstOrThrow({ where: { articleId: demo.id, approvedSnapshot: { not: Prisma.DbNull } } });
    const columns = (
      await db.$queryRaw<{ name: string }[]>`SELECT column_name::text AS "name" FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'Annotation' AND is_generated = 'NEVER'`
    ).map((c) => c.name);
    const set: Record<string, string> = {
      id: `'bigsrc' || g`,
      statementId: `'bigst' || g`,
      articleId: `'${article.id}'`,
      approvedQuote: `CASE WHEN g = 4321 THEN 'Wire item ' || g || ' about an okapi.' WHEN g % 7 = 0 THEN 'Wire item ' || g || ' about a zebra.' ELSE 'Wire item ' || g || ' about a giraffe.' END`,
      approvedAt: `now() - make_interval(secs => 6000 - g)`,
      approvedSnapshot: `jsonb_set(jsonb_set(a."approvedSnapshot", '{speakerName}', '"Wire Speaker Zed"'), '{chain}', jsonb_build_array(jsonb_build_object('position', 0, 'source', jsonb_build_object('id', '${wire.id}', 'name', 'Large Source Wire', 'kind', 'wire_agency', 'url', null, 'date', null), 'note', null)))`,
    };
    await db.$executeRawUnsafe(`INSERT INTO "Statement" ("id", "articleId", "start", "end") SELECT 'bigst' || g, $1, 100 + g, 101 + g FROM generate_series(1, 5200) g`, article.id);
    await db.$executeRawUnsafe(
      `INSERT INTO "Annotation" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT ${columns.map((c) => set[c] ?? `a."${c}"`).join(", ")} FROM "Annotation" a, generate_series(1, 5200) g WHERE a."id" = $1`,
      template.id,
    );
    await publish(article.id);
    await db.$executeRawUnsafe(`ANALYZE "Annotation"`);
    expect(await db.annotationSourceKey.count({ where: { key: `id:${wire.id}` } })).toBe(5200);
    const brute = async (word?: string) =>
      (await db.annotation.findMany({ where: { articleId: article.id, ...(word ? { approvedQuote: { contains: ` ${word}.` } } : {}) }, orderBy: [{ approvedAt: "desc" }, { id: "desc" }], select: { id: true } })).map((a) => a.id);

    const zebras = await brute("zebra");
    expect(zebras.length).toBe(742);
    // By pages of 100 (the cursor reads the source's statements older than the last shown), newest first.
    expect((await hitsOfEveryPage({ source: wire.id, q: "zebra" })).map((h) => h.annotationId)).toEqual(zebras);
    // A word rare within the source: the indexes.
    expect((await hitsOfEveryPage({ source: wire.id, q: "okapi" })).map((h) => h.annotationId)).toEqual(await brute("okapi"));
    // By relevance: the newest RANKED_MATCHES matches, all of them here.
    const ranked = await hitsOfEveryPage({ source: wire.id, q: "zebra", order: "relevance" });
    expect(new Set(ranked.map((h) => h.annotationId))).toEqual(new Set(zebras));
    // The same statements by their speaker (typed in part, any case): found through the speaker's name and keys.
    expect(await db.searchSpeaker.count({ where: { name: "Wire Speaker Zed" } })).toBe(1);
    expect((await hitsOfEveryPage({ speaker: "speaker zed", q: "zebra" })).map((h) => h.annotationId)).toEqual(zebras);
    expect((await searchStatements(visitor, { speaker: "Speaker Zed" }, { pageSize: 100 })).hits.map((h) => h.annotationId)).toEqual((await brute()).slice(0, 100));
    expect(new Set((await hitsOfEveryPage({ speaker: "Speaker Zed", q: "zebra", order: "relevance" })).map((h) => h.annotationId))).toEqual(new Set(zebras));
    // The source page: its newest 500.
    const page = (await getSourcePage(visitor, wire.id))!;
    expect(page.statements.map((s) => s.annotationId)).toEqual((await brute()).slice(0, 500));
    expect(page.statements.every((s) => s.roles.includes("origin"))).toBe(true);
    await db.article.delete({ where: { id: article.id } });
    expect(await db.annotationSourceKey.count({ where: { key: `id:${wire.id}` } })).toBe(0);
  });

  it("lists the newest published statements even when the newest of the source are in an unpublished article", async () => {
    const telegraph = await db.source.findFirstOrThrow({ where: { name: "The Telegraph", hops: { some: { annotation: { articleId: demo.id } } } } });
    const full = (await getSourcePage(visitor, telegraph.id))!;
    expect(full.statements.length).toBeGreaterThanOrEqual(3);

    // Three statements via The Telegraph, newer than all the others, in an article that is not published.
    const draft = await importArticle(testActor(users.rita), { title: "Telegraph draft", text: SECOND_TEXT, outlet: "Baltic Daily" }, { confirmDuplicate: true });
    const viaTelegraph = [{ sourceId: telegraph.id, name: telegraph.name, kind: telegraph.kind, url: null, date: null, note: null }] as Fields["chain"];
    for (const words of ["Estonia, Latvia", "sow millions", "Gennady Podlesny"]) await annotateAndApprove(draft.id, words, minesFields({ chain: viaTelegraph }));
    // (Each approved hop keeps its own Source record; the page finds them by the source's name too.)
    expect(await db.annotationSourceKey.count({ where: { key: "name:the telegraph", annotation: { articleId: draft.id } } })).toBe(3);

    // A page of two reads the newest three keyed statements first (all unpublished), then more.
    const two = (await getSourcePage(visitor, telegraph.id, { maxStatements: 2 }))!;
    expect(two.statements.map((s) => s.annotationId)).toEqual(full.statements.slice(0, 2).map((s) => s.annotationId));
    expect((await getSourcePage(visitor, telegraph.id))!.statements.map((s) => s.annotationId)).toEqual(full.statements.map((s) => s.annotationId));
    expect((await allHits({ source: telegraph.id })).some((h) => h.article.slug === draft.slug)).toBe(false);
    await db.article.delete({ where: { id: draft.id } });
  });
});
