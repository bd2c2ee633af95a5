import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, removeTestDatabase } from "../testing/test-database";
import { createReviewUsers } from "../testing/review";
import { testActor } from "../testing/actors";
import { analystQuoteFields } from "../testing/claims";
import { anonymousReader } from "../actors";

vi.mock("next/cache", () => ({ updateTag: () => {}, revalidatePath: () => {}, revalidateTag: () => {}, unstable_cache: (fn: unknown) => fn }));

process.env.NEXTAUTH_SECRET ??= "claim-memory-test-secret-claim-memory-0123";
process.env.PUBLIC_BASE_URL = "https://provenance.test";
const { database } = await createTestDatabase("claimmemory");
const { db } = await import("../db");
const { seedVocabularies } = await import("../../../prisma/seed-vocabularies");
const { seedDemo } = await import("../../../prisma/demo/seed-demo");
const { importArticle, previewImport } = await import("../review/articles");
const { saveAnnotation, reviewAnnotation, submitAnnotation } = await import("../review/annotations");
const { searchStatements } = await import("./search");
const { searchWorkingStatements } = await import("./search-drafts");
const { decideClaimLink, undoClaimLink } = await import("./suggestions");
const { getConsistencyConflict } = await import("./consistency");
const { getCopiedFrom } = await import("./copy-chain");
const { getChainWarnings } = await import("./chain-warnings");
const { refuseByClientAddress } = await import("../address-limit");
const { MAX_MATCHED_STATEMENTS } = await import("./checked-before");
const { chainWarningKey } = await import("@/lib/contracts/claims");

const visitor = anonymousReader();
let users: Awaited<ReturnType<typeof createReviewUsers>>;
let demo: { slug: string; id: string; text: string };
let demoMines: { id: string; approvedSnapshot: unknown };

const MINES = "‘They will sow millions of mines in the quiet pine and spruce forests along the border,’ a Russian military analyst was quoted as saying.";

const fields = analystQuoteFields;

let articleCount = 0;
/** A new draft article of another outlet whose second statement repeats the demo's mines quote. */
async function importMinesArticle(): Promise<{ id: string; statementId: string }> {
  articleCount += 1;
  const text = [`Estonia, Latvia and Lithuania have confirmed that they are leaving the Ottawa treaty, report number ${articleCount}.`, MINES].join("\n\n");
  const article = await importArticle(testActor(users.rita), { title: `Treaty exit ${articleCount}`, outlet: "Baltic Daily", publishedDate: "2025-07-01", language: "en", text });
  const row = await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { text: true, statements: { select: { id: true, start: true, end: true } } } });
  const statement = row.statements.find((s) => row.text.slice(s.start, s.end).includes("sow millions of mines"))!;
  return { id: article.id, statementId: statement.id };
}

async function approve(annotationId: string, version: number, extra: { consistencyNote?: string } = {}) {
  const acknowledgedWarnings = (await getChainWarnings(testActor(users.sam), annotationId)).map(chainWarningKey);
  return reviewAnnotation(testActor(users.sam), { decision: "approve", annotationId, version, acknowledgedWarnings, ...extra });
}

beforeAll(async () => {
  await seedVocabularies(db);
  const seeded = await seedDemo(db, { passwordCost: 4 });
  const article = await db.article.findUniqueOrThrow({ where: { slug: seeded.slug }, select: { id: true, text: true } });
  demo = { slug: seeded.slug, id: article.id, text: article.text };
  users = await createReviewUsers(db);
  demoMines = await db.annotation.findFirstOrThrow({ where: { articleId: demo.id, approvedQuote: { contains: "sow millions of mines" } }, select: { id: true, approvedSnapshot: true } });
}, 60_000);

afterAll(async () => {
  await db.$disconnect();
  await removeTestDatabase(database);
});

describe("consistency note", () => {
  it("asks for a note when the verdict differs from the cluster's published one, refuses without it, and records it", async () => {
    const { statementId } = await importMinesArticle();
    const saved = await saveAnnotation(testActor(users.rita), { statementId, baseVersion: null, intent: "submit", fields: fields({ statusSlug: "unverified" }) });
    await decideClaimLink(testActor(users.rita), { annotationId: saved.annotationId, otherAnnotationId: demoMines.id, relation: "same" });

    const conflict = await getConsistencyConflict(testActor(users.sam), saved.annotationId);
    expect(conflict).toMatchObject({ annotationId: demoMines.id, verdict: { slug: "misattributed" }, article: { slug: demo.slug } });
    expect(conflict!.permalink).toBe(`/articles/${demo.slug}?annotation=${demoMines.id}`);

    await expect(approve(saved.annotationId, saved.version)).rejects.toMatchObject({ field: "consistencyNote", message: expect.stringMatching(/published as “Misattributed”.*Write a note/) });
    await expect(approve(saved.annotationId, saved.version, { consistencyNote: "too short" })).rejects.toThrow(/at least 20 characters/);
    expect((await db.annotation.findUniqueOrThrow({ where: { id: saved.annotationId } })).workflowState).toBe("in_review");

    const note = "The analyst was quoted by a second outlet with a source we could not reach.";
    await approve(saved.annotationId, saved.version, { consistencyNote: note });
    const approved = await db.annotation.findUniqueOrThrow({ where: { id: saved.annotationId } });
    expect(approved.workflowState).toBe("approved");
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "annotation.approve", entityId: saved.annotationId } });
    expect((event.after as { consistency: unknown }).consistency).toEqual({ clusterAnnotationId: demoMines.id, clusterVerdictSlug: "misattributed", note });
    const revision = await db.annotationRevision.findFirstOrThrow({ where: { annotationId: saved.annotationId, event: "approved" } });
    expect(revision.comment).toContain(note);
    expect(revision.comment).toContain("Misattributed");
  });

  it("needs no note for the same verdict, nor outside a cluster", async () => {
    const linked = await importMinesArticle();
    const same = await saveAnnotation(testActor(users.rita), { statementId: linked.statementId, baseVersion: null, intent: "submit", fields: fields({ statusSlug: "misattributed" }) });
    await decideClaimLink(testActor(users.rita), { annotationId: same.annotationId, otherAnnotationId: demoMines.id, relation: "same" });
    expect(await getConsistencyConflict(testActor(users.sam), same.annotationId)).toBeNull();
    await approve(same.annotationId, same.version);

    const alone = await importMinesArticle();
    const other = await saveAnnotation(testActor(users.rita), { statementId: alone.statementId, baseVersion: null, intent: "submit", fields: fields({ statusSlug: "unverified" }) });
    expect(await getConsistencyConflict(testActor(users.sam), other.annotationId)).toBeNull();
    await approve(other.annotationId, other.version);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "annotation.approve", entityId: other.annotationId } });
    expect((event.after as { consistency?: unknown }).consistency).toBeUndefined();
  });
});

describe("same claim, and copy its chain and evidence", () => {
  const demoContent = () => demoMines.approvedSnapshot as { chain: { source: { id: string } }[]; evidence: { url: string }[] };

  it("copies the approved chain and evidence into the draft with a marker, leaves the approved content alone, and undo takes them out", async () => {
    const { statementId } = await importMinesArticle();
    const saved = await saveAnnotation(testActor(users.rita), { statementId, baseVersion: null, intent: "submit", fields: fields() });
    await approve(saved.annotationId, saved.version);
    const before = await db.annotation.findUniqueOrThrow({ where: { id: saved.annotationId }, include: { chain: { include: { source: true } } } });
    expect(before.chain.map((h) => h.source.name)).toEqual(["Baltic Daily"]);

    const done = await decideClaimLink(testActor(users.tom), { annotationId: saved.annotationId, otherAnnotationId: demoMines.id, relation: "same", copyChain: true, version: before.version });
    expect(done.copied).toEqual({ version: before.version + 1 });
    const after = await db.annotation.findUniqueOrThrow({ where: { id: saved.annotationId }, include: { chain: { orderBy: { position: "asc" } }, evidence: { orderBy: { position: "asc" } } } });
    expect(after.chain.map((h) => h.sourceId)).toEqual(demoContent().chain.map((h) => h.source.id));
    expect(after.evidence.map((e) => e.url)).toEqual(demoContent().evidence.map((e) => e.url));
    expect(after.chain.length).toBeGreaterThan(0);
    // The working copy is a draft (a pending revision); readers keep the approved content.
    expect(after.workflowState).toBe("draft");
    expect(after.approvedSnapshot).toEqual(before.approvedSnapshot);
    expect(after.approvedAt).toEqual(before.approvedAt);

    const demoApprovedVersion = (await db.annotationRevision.findFirstOrThrow({ where: { annotationId: demoMines.id, event: "approved" }, orderBy: { version: "desc" } })).version;
    const marker = await getCopiedFrom(testActor(users.rita), saved.annotationId);
    expect(marker).toMatchObject({ annotationId: demoMines.id, version: demoApprovedVersion, href: `/articles/${demo.slug}?annotation=${demoMines.id}`, article: { published: true } });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "annotation.copy_chain", entityId: saved.annotationId } });
    expect((audit.after as { copiedFrom: unknown }).copiedFrom).toEqual({ annotationId: demoMines.id, version: demoApprovedVersion });
    expect((await db.annotationRevision.findFirstOrThrow({ where: { annotationId: saved.annotationId, version: after.version } })).comment).toMatch(/copied from/);

    // Undo the link: the chain and evidence of the version before the copy come back, the marker goes.
    expect(await undoClaimLink(testActor(users.tom), { annotationId: saved.annotationId, otherAnnotationId: demoMines.id })).toEqual({ copy: "restored" });
    const undone = await db.annotation.findUniqueOrThrow({ where: { id: saved.annotationId }, include: { chain: { include: { source: true } }, evidence: true } });
    expect(undone.chain.map((h) => h.source.name)).toEqual(["Baltic Daily"]);
    expect(undone.evidence).toEqual([]);
    expect(undone.copiedFromId).toBeNull();
    expect(undone.approvedSnapshot).toEqual(before.approvedSnapshot);
    expect(await getCopiedFrom(testActor(users.rita), saved.annotationId)).toBeNull();
  });

  it("keeps the copy when the draft was edited since, and refuses a stale copy", async () => {
    const { statementId } = await importMinesArticle();
    const saved = await saveAnnotation(testActor(users.rita), { statementId, baseVersion: null, intent: "draft", fields: fields() });
    await expect(
      decideClaimLink(testActor(users.rita), { annotationId: saved.annotationId, otherAnnotationId: demoMines.id, relation: "same", copyChain: true, version: saved.version + 5 }),
    ).rejects.toThrow(/changed since you opened it/);
    expect(await db.claimLink.count({ where: { OR: [{ annotationAId: saved.annotationId }, { annotationBId: saved.annotationId }] } })).toBe(0);

    const done = await decideClaimLink(testActor(users.rita), { annotationId: saved.annotationId, otherAnnotationId: demoMines.id, relation: "same", copyChain: true, version: saved.version });
    const copied = await db.annotation.findUniqueOrThrow({ where: { id: saved.annotationId }, include: { chain: { include: { source: true }, orderBy: { position: "asc" } } } });
    const chain = copied.chain.map((h) => ({ sourceId: h.source.id, name: h.source.name, kind: h.source.kind as "news_outlet", url: h.source.url, date: h.source.date, note: h.note }));
    await saveAnnotation(testActor(users.rita), { statementId, baseVersion: done.copied!.version, intent: "draft", fields: fields({ chain, rationale: "Checked the copy." }) });
    expect(await undoClaimLink(testActor(users.rita), { annotationId: saved.annotationId, otherAnnotationId: demoMines.id })).toEqual({ copy: "kept" });
    const kept = await db.annotation.findUniqueOrThrow({ where: { id: saved.annotationId }, include: { chain: true } });
    expect(kept.chain.length).toBe(demoContent().chain.length);
  });
});

describe("reviewers' drafts tab", () => {
  it("finds a draft's working quote that the published search does not, linking to the workspace; readers are refused", async () => {
    const stamp = "Zorblatt";
    const text = [`The minister said the ${stamp} mine stockpile would be rebuilt within two years.`, "Nothing else happened that day."].join("\n\n");
    const article = await importArticle(testActor(users.rita), { title: "Draft only", outlet: "Desk", language: "en", text });
    const row = await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { statements: { select: { id: true }, orderBy: { start: "asc" } } } });
    const saved = await saveAnnotation(testActor(users.rita), { statementId: row.statements[0]!.id, baseVersion: null, intent: "draft", fields: fields({ speakerName: "The minister", chain: [] }) });

    expect((await searchStatements(visitor, { q: stamp })).hits).toEqual([]);
    const drafts = await searchWorkingStatements(testActor(users.sam), { q: stamp });
    expect(drafts.hits).toHaveLength(1);
    expect(drafts.hits[0]).toMatchObject({
      annotationId: saved.annotationId,
      workflowState: "draft",
      article: { id: article.id, published: false },
      workspaceHref: `/review/articles/${article.id}?s=${row.statements[0]!.id}`,
    });
    expect(drafts.hits[0]!.quote).toContain(stamp);
    // A misspelling finds it too, and the filters apply to the working content.
    expect((await searchWorkingStatements(testActor(users.sam), { q: "Zorblat" })).hits.map((h) => h.annotationId)).toContain(saved.annotationId);
    expect((await searchWorkingStatements(testActor(users.sam), { q: stamp, verdict: "misattributed" })).hits).toEqual([]);
    expect((await searchWorkingStatements(testActor(users.sam), { speaker: "minister" })).hits.map((h) => h.annotationId)).toContain(saved.annotationId);

    // In review, the working copy is found with its state.
    await submitAnnotation(testActor(users.rita), { annotationId: saved.annotationId, version: saved.version });
    expect((await searchWorkingStatements(testActor(users.sam), { q: stamp })).hits[0]!.workflowState).toBe("in_review");

    await expect(searchWorkingStatements(visitor, { q: stamp })).rejects.toMatchObject({ reason: "unauthenticated" });
  });

  it("pages by cursor, newest change first", async () => {
    const first = await searchWorkingStatements(testActor(users.sam), {}, { pageSize: 2 });
    expect(first.hits).toHaveLength(2);
    expect(first.nextCursor).toBeTruthy();
    const second = await searchWorkingStatements(testActor(users.sam), { cursor: first.nextCursor! }, { pageSize: 2 });
    expect(second.hits.map((h) => h.annotationId)).not.toContain(first.hits[0]!.annotationId);
    expect(Date.parse(second.hits[0]!.updatedAt)).toBeLessThanOrEqual(Date.parse(first.hits[1]!.updatedAt));
  });
});

describe("import preview: checked before", () => {
  it("lists the demo's statements as checked before when similar text is imported again", async () => {
    const preview = await previewImport(testActor(users.rita), { title: "Again", language: "en", text: ["A new report on the Baltic states.", MINES, "Something nobody has said before about beetroot soup."].join("\n\n") });
    const checked = preview.checkedBefore!;
    expect(checked.total).toBe(preview.statements.length);
    const mines = checked.matches.find((m) => m.statementExcerpt.includes("sow millions of mines"));
    expect(mines).toBeDefined();
    // The best earlier check: the demo's, or an identical quote approved by the tests above.
    expect(mines!.earlier.quote).toContain("sow millions of mines");
    expect(mines!.earlier.article.title).toBeTruthy();
    expect(checked.matches.some((m) => m.statementExcerpt.includes("beetroot"))).toBe(false);

    // The demo itself: most of its annotated statements come back as checked before.
    const again = await previewImport(testActor(users.rita), { title: "Demo again", language: "en", text: demo.text });
    expect(again.checkedBefore!.matches.length).toBeGreaterThanOrEqual(10);
    const demoMatch = again.checkedBefore!.matches.find((m) => m.earlier.annotationId === demoMines.id);
    expect(demoMatch).toMatchObject({ score: 1, earlier: { verdict: { slug: "misattributed" }, href: `/articles/${demo.slug}?annotation=${demoMines.id}`, article: { published: true } } });
    expect(again.checkedBefore!.matches.every((m) => m.earlier.href.startsWith("/"))).toBe(true);
  });

  it("stays bounded on a long import: at most the first statements are compared", async () => {
    const sentences = Array.from({ length: 1500 }, (_, i) => `Sentence number ${i} says that the mines along the border number ${i * 7} in total.`);
    const preview = await previewImport(testActor(users.rita), { title: "Long", language: "en", text: sentences.join("\n\n") });
    expect(preview.checkedBefore!.examined).toBe(MAX_MATCHED_STATEMENTS);
    expect(preview.checkedBefore!.total).toBe(preview.statementCount);
    expect(preview.statementCount).toBe(1500);
  });
});

describe("rate limit on /search pages", () => {
  it("refuses past the limit per client address, with the seconds to wait", async () => {
    const rule = { name: "search-test", limit: 3, windowMs: 60_000 };
    const from = (address: string) => ({ get: (name: string) => (name === "x-provenance-peer" ? address : null) });
    for (let i = 0; i < 3; i++) expect(await refuseByClientAddress(from("203.0.113.9"), rule)).toBeNull();
    const refused = await refuseByClientAddress(from("203.0.113.9"), rule);
    expect(refused).toMatchObject({ allowed: false, limit: 3 });
    expect(refused!.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused!.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await refuseByClientAddress(from("203.0.113.10"), rule)).toBeNull();
  });
});
