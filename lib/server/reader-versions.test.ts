/**
 * "As checked on DATE", the W3C export's versions and ClaimReview's dates and appearances, on the real database seeded
 * with the demo: one approved verdict change, one text-only re-approval, one pending (unapproved) edit, one correction.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { removeTestDatabase } from "./testing/test-database";
import { DEMO_SEED_TIMEOUT_MS, prepareReaderTestEnv, seedDemoDatabase } from "./testing/reader";
import { demoReviewers, testActor } from "./testing/actors";
import { anonymousReader } from "./actors";
import type { AnnotationContentDTO } from "@/lib/domain/types";
import type { ClaimReview, WebAnnotation } from "@/lib/export";

vi.mock("next/cache", () => ({ updateTag: () => {}, revalidatePath: () => {}, revalidateTag: () => {}, unstable_cache: (fn: unknown) => fn }));

const { database } = await prepareReaderTestEnv("reader-versions");
const { db } = await import("./db");
const { previewCorrection, confirmCorrection } = await import("./review/corrections");
const { saveAnnotation, reviewAnnotation } = await import("./review/annotations");
const { getPublishedArticle } = await import("./reader");
const { getArticleVersion, parseRevisionParam } = await import("./reader-versions");
const { getArticleAnnotations, getArticleClaimReviews, getAnnotation } = await import("./public-read-api");
const { getArticleChanges } = await import("./corrections-log");
const { setArticlePublished } = await import("./review/articles");

const visitor = anonymousReader();
let slug: string;
let articleId: string;
let rita: ReturnType<typeof testActor>;
let rob: ReturnType<typeof testActor>;

beforeAll(async () => {
  ({ slug } = await seedDemoDatabase());
  articleId = (await db.article.findUniqueOrThrow({ where: { slug } })).id;
  ({ rita, rob } = await demoReviewers(db));
}, DEMO_SEED_TIMEOUT_MS);

afterAll(async () => {
  await db.$disconnect();
  await removeTestDatabase(database);
});

/** The form fields of an annotation's approved content, with changes. */
function fieldsOf(content: AnnotationContentDTO, over: Record<string, unknown> = {}) {
  return {
    claimTypeSlug: content.claimType.slug,
    statusSlug: content.status.slug,
    attributionText: content.attributionText,
    speakerName: content.speakerName,
    speakerKind: content.speakerKind,
    speakerRole: content.speakerRole,
    claimDate: content.claimDate,
    rationale: content.rationale,
    chain: [...content.chain].sort((x, y) => x.position - y.position).map((h) => ({ sourceId: h.source.id, name: h.source.name, kind: h.source.kind, url: h.source.url, date: h.source.date, note: h.note })),
    evidence: [...content.evidence].sort((x, y) => x.position - y.position).map((e) => ({ url: e.url, title: e.title, stance: e.stance, archivedUrl: e.archivedUrl, note: e.note })),
    ...over,
  };
}

/** Rita edits and submits, Rob approves: a new approved revision. */
async function editAndApprove(annotationId: string, over: Record<string, unknown>) {
  const a = await db.annotation.findUniqueOrThrow({ where: { id: annotationId } });
  const saved = await saveAnnotation(rita, { statementId: a.statementId!, baseVersion: a.version, intent: "submit", fields: fieldsOf(a.approvedSnapshot as unknown as AnnotationContentDTO, over) });
  await reviewAnnotation(rob, { decision: "approve", annotationId, version: saved.version });
}

async function claimReviews(): Promise<Map<string, ClaimReview>> {
  const res = await getArticleClaimReviews(new Request(`https://provenance.test/api/v1/articles/${slug}/claimreview`), slug);
  const reviews = (await res.json()) as ClaimReview[];
  return new Map(reviews.map((r) => [new URL(r.url).searchParams.get("annotation")!, r]));
}

const RATED = ["verified", "partly-true", "misattributed", "false"];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("history: versions as checked, exports that name them", () => {
  let original: string;
  let changedVerdict: { id: string; from: string; to: string };
  let textOnly: string;
  let pending: { id: string; approvedStatus: string };
  let deleted: { id: string; quote: string };
  let reworded: { id: string; quote: string };

  it("before any correction, version 1 is the current article and nothing else exists (cheap nulls for nonsense)", async () => {
    original = (await db.article.findUniqueOrThrow({ where: { id: articleId } })).text;
    expect(await getArticleVersion(visitor, slug, 1)).toEqual({ kind: "current" });
    expect(await getArticleVersion(visitor, slug, 2)).toBeNull();
    expect(await getArticleVersion(visitor, "no-such-article", 1)).toBeNull();
    expect(parseRevisionParam("0")).toBeNull();
    expect(parseRevisionParam("1e3")).toBeNull();
    expect(parseRevisionParam("12")).toBe(12);
  });

  it("ClaimReview: a text-only re-approval of another annotation, or of the same one, leaves dateModified; a verdict change moves it", async () => {
    const view = (await getPublishedArticle(visitor, slug))!;
    const rated = view.annotations.filter((a) => RATED.includes(a.status.slug));
    const target = rated[0];
    const other = rated[1];
    const before = await claimReviews();
    const first = before.get(target.id)!;
    expect(first.dateModified).toBe(first.datePublished);

    await sleep(20);
    await editAndApprove(other.id, { rationale: `${other.rationale}\n\nRe-checked: the wording of the rationale was clarified.` });
    textOnly = other.id;
    const afterText = await claimReviews();
    expect(afterText.get(target.id)!.dateModified).toBe(first.dateModified);
    expect(afterText.get(other.id)!.dateModified).toBe(before.get(other.id)!.dateModified);
    expect(afterText.get(other.id)!.datePublished).toBe(before.get(other.id)!.datePublished);

    // ClaimReview dates are to the second.
    await sleep(1100);
    const to = RATED.find((s) => s !== target.status.slug)!;
    await editAndApprove(target.id, { statusSlug: to });
    changedVerdict = { id: target.id, from: target.status.slug, to };
    const afterVerdict = await claimReviews();
    const changed = afterVerdict.get(target.id)!;
    expect(Date.parse(changed.dateModified)).toBeGreaterThan(Date.parse(first.dateModified));
    expect(changed.datePublished).toBe(first.datePublished);
    const lastApproval = await db.annotationRevision.findFirstOrThrow({ where: { annotationId: target.id, event: "approved" }, orderBy: { version: "desc" } });
    expect(changed.dateModified).toBe(lastApproval.createdAt.toISOString().replace(/\.\d{3}Z$/, "Z"));
    expect(afterVerdict.get(other.id)!.dateModified).toBe(before.get(other.id)!.dateModified);
  });

  it("a correction keeps version 1 as it was checked: its text, the verdicts that stood, never the pending edit", async () => {
    const view = (await getPublishedArticle(visitor, slug))!;
    const rows = await db.annotation.findMany({ where: { articleId }, include: { statement: true }, orderBy: { statement: { start: "asc" } } });
    // A pending edit (submitted, not approved) with another verdict: readers never see it, now or as checked.
    const p = view.annotations.find((a) => a.id !== changedVerdict.id && a.id !== textOnly && a.id !== rows[6].id)!;
    const pRow = rows.find((r) => r.id === p.id)!;
    await saveAnnotation(rita, { statementId: pRow.statementId!, baseVersion: pRow.version, intent: "submit", fields: fieldsOf(pRow.approvedSnapshot as unknown as AnnotationContentDTO, { statusSlug: p.status.slug === "false" ? "verified" : "false", rationale: "PENDING EDIT" }) });
    pending = { id: p.id, approvedStatus: p.status.slug };

    // The demo correction: one statement deleted, one reworded.
    const del = rows[6];
    const rew = rows.filter((r) => r.id !== del.id && r.id !== p.id && r.quoteExact.split(" ").length >= 14).at(-1)!;
    const words = rew.quoteExact.split(" ");
    const at = Math.floor(words.length / 2);
    words[at] = words[at] === "reportedly" ? "allegedly" : "reportedly";
    let text = original.slice(0, rew.statement!.start) + words.join(" ") + original.slice(rew.statement!.end);
    text = text.slice(0, del.statement!.start) + text.slice(del.statement!.end).replace(/^ /, "");
    deleted = { id: del.id, quote: del.quoteExact };
    reworded = { id: rew.id, quote: rew.quoteExact };
    const preview = await previewCorrection(rita, { articleId, text });
    await confirmCorrection(rita, { articleId, text: preview.text, reason: "A quote removed, a sentence reworded.", fromRevision: preview.fromRevision, fromHash: preview.fromHash, toHash: preview.toHash, fingerprint: preview.fingerprint });

    const found = await getArticleVersion(visitor, slug, 1);
    expect(found?.kind).toBe("earlier");
    if (found?.kind !== "earlier") return;
    const v1 = found.view;
    expect(v1.article.text).toBe(original);
    expect(v1.version.revision).toBe(1);
    expect(v1.replacedBy).toEqual({ revision: 2, reason: "A quote removed, a sentence reworded." });
    expect(v1.currentRevision).toBe(2);
    // Every approved annotation of the time, highlighted on the old text, the removed and reworded ones included.
    expect(v1.annotations).toHaveLength(view.annotations.length);
    expect(v1.orphaned).toEqual([]);
    for (const a of v1.annotations) expect(original.slice(a.start, a.end)).toBe(a.quote.exact);
    expect(v1.annotations.find((a) => a.id === deleted.id)!.quote.exact).toBe(deleted.quote);
    expect(v1.annotations.find((a) => a.id === reworded.id)!.quote.exact).toBe(reworded.quote);
    expect(v1.annotations.find((a) => a.id === reworded.id)!.wordingChange).toBeUndefined();
    // The verdict change and the text-only edit were approved while version 1 was current: they stood then.
    expect(v1.annotations.find((a) => a.id === changedVerdict.id)!.status.slug).toBe(changedVerdict.to);
    expect(v1.annotations.find((a) => a.id === textOnly)!.rationale).toContain("Re-checked");
    // The pending edit never shows.
    const pendingThen = v1.annotations.find((a) => a.id === pending.id)!;
    expect(pendingThen.status.slug).toBe(pending.approvedStatus);
    expect(pendingThen.rationale).not.toContain("PENDING EDIT");

    // Version 2 is current: the article page.
    expect(await getArticleVersion(visitor, slug, 2)).toEqual({ kind: "current" });
    expect(await getArticleVersion(visitor, slug, 3)).toBeNull();
  });

  it("a verdict changed after the correction changes the current article, not version 1", async () => {
    await editAndApprove(changedVerdict.id, { statusSlug: changedVerdict.from });
    const current = (await getPublishedArticle(visitor, slug))!;
    expect(current.annotations.find((a) => a.id === changedVerdict.id)!.status.slug).toBe(changedVerdict.from);
    const found = await getArticleVersion(visitor, slug, 1);
    if (found?.kind !== "earlier") throw new Error("version 1 should be an earlier version");
    expect(found.view.annotations.find((a) => a.id === changedVerdict.id)!.status.slug).toBe(changedVerdict.to);
    // The removed statement: listed on the current article with the version it was last in.
    expect(current.orphaned).toMatchObject([{ id: deleted.id, lastRevision: 1 }]);
  });

  it("the W3C export names version 2 (TimeState sourceDate = when it became current, cached = its page); the removed one points at version 1", async () => {
    const v2 = await db.articleVersion.findUniqueOrThrow({ where: { articleId_revision: { articleId, revision: 2 } } });
    const res = await getArticleAnnotations(new Request(`https://provenance.test/api/v1/articles/${slug}/annotations`), slug);
    const collection = (await res.json()) as { first: { items: WebAnnotation[] } };
    const current = (await getPublishedArticle(visitor, slug))!;
    expect(collection.first.items).toHaveLength(current.annotations.length);
    for (const item of collection.first.items) {
      expect(item.target.state).toEqual({ type: "TimeState", sourceDate: v2.createdAt.toISOString().replace(/\.\d{3}Z$/, "Z"), cached: expect.stringMatching(new RegExp(`/articles/${slug}/versions/2$`)) });
      // The stored, approved span: quote and position select it in version 2's text.
      const a = current.annotations.find((x) => item.id.endsWith(`#annotation-${x.id}`))!;
      expect(item.target.selector[0]).toMatchObject({ type: "TextQuoteSelector", exact: v2.text.slice(a.start, a.end) });
      expect(item.target.selector[1]).toMatchObject({ type: "TextPositionSelector" });
    }
    expect(collection.first.items.some((i) => i.id.includes(deleted.id))).toBe(false);
    const gone = (await getAnnotation(new Request(`https://provenance.test/api/v1/annotations/${deleted.id}`), deleted.id).catch((e: unknown) => e)) as { status: number; message: string };
    expect(gone.status).toBe(410);
    expect(gone.message).toMatch(new RegExp(`/articles/${slug}/versions/1\\b`));
  });

  it("a version replaced before the article was published was never public: no page, no links to one", async () => {
    const article = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    const v1 = await db.articleVersion.findUniqueOrThrow({ where: { articleId_revision: { articleId, revision: 1 } } });
    expect((await getArticleChanges(visitor, slug, 2))!.fromWasPublic).toBe(true);
    // As if the correction had been made while the article was a draft, published afterwards.
    const later = new Date(v1.replacedAt!.getTime() + 1000);
    await db.article.update({ where: { id: articleId }, data: { publishedAt: later, firstPublishedAt: later } });
    try {
      expect(await getArticleVersion(visitor, slug, 1)).toBeNull();
      expect((await getArticleChanges(visitor, slug, 2))!.fromWasPublic).toBe(false);
      const view = (await getPublishedArticle(visitor, slug))!;
      expect(view.corrections.at(-1)!.replacedPublicVersion).toBe(false);
      expect(view.orphaned.find((o) => o.id === deleted.id)!.lastRevision).toBeNull();
    } finally {
      await db.article.update({ where: { id: articleId }, data: { publishedAt: article.publishedAt, firstPublishedAt: article.firstPublishedAt } });
    }
    expect((await getPublishedArticle(visitor, slug))!.corrections.at(-1)!.replacedPublicVersion).toBe(true);
  });

  it("unpublishing and publishing again keeps what readers saw: earlier versions, corrections and verdict dates", async () => {
    const before = (await getPublishedArticle(visitor, slug))!;
    const reviewsBefore = await claimReviews();
    const { firstPublishedAt } = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(firstPublishedAt).not.toBeNull();
    const stateChange = async (publish: boolean) => {
      const { version } = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { version: true } });
      await setArticlePublished(rob, { articleId, version, publish });
    };
    await stateChange(false);
    await sleep(20);
    await stateChange(true);

    const after = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(after.publishedAt!.getTime()).toBeGreaterThan(firstPublishedAt!.getTime());
    expect(after.firstPublishedAt).toEqual(firstPublishedAt);
    expect(await getArticleVersion(visitor, slug, 1)).not.toBeNull();
    expect((await getArticleChanges(visitor, slug, 2))!.fromWasPublic).toBe(true);
    const view = (await getPublishedArticle(visitor, slug))!;
    expect(view.corrections.map((c) => c.replacedPublicVersion)).toEqual(before.corrections.map((c) => c.replacedPublicVersion));
    expect(view.annotations.map((a) => a.verdictPublishedAt)).toEqual(before.annotations.map((a) => a.verdictPublishedAt));
    const reviewsAfter = await claimReviews();
    for (const [id, review] of reviewsBefore) expect(reviewsAfter.get(id)?.datePublished).toBe(review.datePublished);
  });
});
