import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { removeTestDatabase } from "../testing/test-database";
import { DEMO_SEED_TIMEOUT_MS, prepareReaderTestEnv, seedDemoDatabase } from "../testing/reader";
import { demoReviewers, testActor } from "../testing/actors";
import { anonymousReader } from "../actors";

vi.mock("next/cache", () => ({ updateTag: () => {}, revalidatePath: () => {}, revalidateTag: () => {}, unstable_cache: (fn: unknown) => fn }));

const { database } = await prepareReaderTestEnv("corrections");
const { db } = await import("../db");
const { previewCorrection, confirmCorrection, STALE_PREVIEW_MESSAGE } = await import("./corrections");
const { reviewAnnotation } = await import("./annotations");
const { getPublishedArticle } = await import("../reader");
const { ConflictError, DomainRuleError } = await import("../errors");
const { getOrphanedAnnotation } = await import("../reader");
const { listPublicCorrections, countCorrectionsLastYear, getArticleChanges } = await import("../corrections-log");
const { getAnnotation } = await import("../public-read-api");

let orphanId: string;

let slug: string;
let articleId: string;
let rita: ReturnType<typeof testActor>;
let rob: ReturnType<typeof testActor>;

const INSERTED = "Editor's note: this article was updated after publication to add context. The ministries did not respond to questions.\n\n";

beforeAll(async () => {
  ({ slug } = await seedDemoDatabase());
  const article = await db.article.findUniqueOrThrow({ where: { slug } });
  articleId = article.id;
  ({ rita, rob } = await demoReviewers(db));
}, DEMO_SEED_TIMEOUT_MS);

afterAll(async () => {
  await db.$disconnect();
  await removeTestDatabase(database);
});

/** The demo, corrected as in the issue: one statement deleted, one reworded, a paragraph inserted above the first. */
async function demoCorrection() {
  const article = await db.article.findUniqueOrThrow({ where: { id: articleId } });
  const annotations = await db.annotation.findMany({ where: { articleId }, include: { statement: true }, orderBy: { statement: { start: "asc" } } });
  const text = article.text;
  // Deleted: a mid-article statement; reworded: a later, long one (one word changed).
  const deleted = annotations[6];
  const reworded = annotations.filter((a) => a.id !== deleted.id && a.quoteExact.split(" ").length >= 14).at(-1)!;
  const words = reworded.quoteExact.split(" ");
  const at = Math.floor(words.length / 2);
  words[at] = words[at] === "reportedly" ? "allegedly" : "reportedly";
  const newQuote = words.join(" ");
  let next = text.slice(0, reworded.statement!.start) + newQuote + text.slice(reworded.statement!.end);
  next = next.slice(0, deleted.statement!.start) + next.slice(deleted.statement!.end).replace(/^ /, "");
  const firstStart = annotations[0].statement!.start;
  const breakBefore = text.lastIndexOf("\n\n", firstStart);
  const paragraphStart = breakBefore < 0 ? 0 : breakBefore + 2;
  next = next.slice(0, paragraphStart) + INSERTED + next.slice(paragraphStart);
  return { text: next, deleted, reworded, newQuote, annotations };
}

describe("correcting the demo article", () => {
  it("previews exactly the outcomes: one orphaned, one changed with a word diff, the others unchanged or moved, new statements for the inserted paragraph", async () => {
    const { text, deleted, reworded, annotations } = await demoCorrection();
    const preview = await previewCorrection(rita, { articleId, text });
    expect(preview.outcomes).toHaveLength(annotations.length);
    const kinds = new Map(preview.outcomes.map((o) => [o.annotationId, o.kind]));
    expect(kinds.get(deleted.id)).toBe("orphaned");
    expect(kinds.get(reworded.id)).toBe("changed");
    const others = annotations.filter((a) => a.id !== deleted.id && a.id !== reworded.id);
    for (const a of others) expect(["unchanged", "moved"]).toContain(kinds.get(a.id));
    // Everything after the inserted paragraph moved.
    expect(preview.counts.moved).toBe(others.length);
    const changed = preview.outcomes.find((o) => o.annotationId === reworded.id)!;
    expect(changed.diff!.some((p) => p.op === "delete")).toBe(true);
    expect(changed.diff!.some((p) => p.op === "insert" && /reportedly|allegedly/.test(p.text))).toBe(true);
    expect(preview.newStatements.map((s) => s.text).join(" ")).toContain("Editor's note");
    // Nothing was saved.
    expect((await db.article.findUniqueOrThrow({ where: { id: articleId } })).revision).toBe(1);
  });

  it("refuses a correction that does not change the text", async () => {
    const article = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    await expect(previewCorrection(rita, { articleId, text: article.text })).rejects.toBeInstanceOf(DomainRuleError);
  });

  it("confirms in one transaction: version 2, orphan detached and listed, reworded one under re-review with the submitter as editor, the others moved", async () => {
    const { text, deleted, reworded, newQuote } = await demoCorrection();
    const preview = await previewCorrection(rita, { articleId, text });
    const { fromRevision, fromHash, toHash, fingerprint } = preview;
    const done = await confirmCorrection(rita, { articleId, text: preview.text, reason: "The outlet removed a quote and reworded a sentence.", fromRevision, fromHash, toHash, fingerprint });
    expect(done.revision).toBe(2);

    const versions = await db.articleVersion.findMany({ where: { articleId }, orderBy: { revision: "asc" } });
    expect(versions.map((v) => v.revision)).toEqual([1, 2]);
    expect(versions[0].replacedAt).not.toBeNull();
    expect(versions[1].replacedAt).toBeNull();
    expect(versions[1].reason).toMatch(/removed a quote/);

    orphanId = deleted.id;
    const orphan = await db.annotation.findUniqueOrThrow({ where: { id: deleted.id } });
    expect(orphan.anchorState).toBe("orphaned");
    expect(orphan.statementId).toBeNull();
    expect(orphan.previousQuote).toBe(deleted.quoteExact);

    const changed = await db.annotation.findUniqueOrThrow({ where: { id: reworded.id }, include: { statement: true, article: true } });
    expect(changed.workflowState).toBe("in_review");
    expect(changed.article.text.slice(changed.statement!.start, changed.statement!.end)).toBe(newQuote);
    expect([changed.approvedStart, changed.approvedEnd]).toEqual([changed.statement!.start, changed.statement!.end]);
    const revision = await db.annotationRevision.findFirstOrThrow({ where: { annotationId: reworded.id }, orderBy: { version: "desc" } });
    expect(revision.event).toBe("moved");
    expect(revision.articleRevision).toBe(2);
    expect(revision.editorIds).toContain(rita.id);

    // Every anchored statement holds its quote in the new text, and statements never overlap.
    const statements = await db.statement.findMany({ where: { articleId }, orderBy: { start: "asc" }, include: { annotation: true } });
    for (let i = 1; i < statements.length; i++) expect(statements[i].start).toBeGreaterThanOrEqual(statements[i - 1].end);
    for (const s of statements) if (s.annotation) expect(changed.article.text.slice(s.start, s.end)).toBe(s.annotation.quoteExact);
    expect(statements.some((s) => changed.article.text.slice(s.start, s.end).startsWith("Editor's note"))).toBe(true);

    // Readers: the orphan is never highlighted and is listed apart; the reworded one keeps its verdict, marked.
    const view = (await getPublishedArticle(anonymousReader(), slug))!;
    expect(view.annotations.some((a) => a.id === deleted.id)).toBe(false);
    expect(view.orphaned.map((o) => o.id)).toEqual([deleted.id]);
    expect(view.orphaned[0].quote).toBe(deleted.quoteExact);
    const marked = view.annotations.find((a) => a.id === reworded.id)!;
    expect(marked.wordingChange).toMatchObject({ previousQuote: reworded.quoteExact, currentQuote: newQuote });
    expect(view.annotations.filter((a) => a.wordingChange)).toHaveLength(1);
    for (const a of view.annotations) expect(view.article.text.slice(a.start, a.end)).toBe(a.quote.exact);
    expect(view.corrections).toMatchObject([{ revision: 2, reason: "The outlet removed a quote and reworded a sentence." }]);

    const events = await db.auditEvent.groupBy({ by: ["action"], where: { articleId, action: { in: ["article.correct", "annotation.reanchor"] } }, _count: { _all: true } });
    expect(Object.fromEntries(events.map((e) => [e.action, e._count._all]))).toEqual({ "article.correct": 1, "annotation.reanchor": view.annotations.length + 1 });

    // The submitter cannot confirm the re-anchored claim; a second reviewer can, and the marker goes away.
    await expect(reviewAnnotation(rita, { decision: "approve", annotationId: reworded.id, version: changed.version })).rejects.toBeInstanceOf(DomainRuleError);
    await reviewAnnotation(rob, { decision: "approve", annotationId: reworded.id, version: changed.version });
    const after = (await getPublishedArticle(anonymousReader(), slug))!;
    expect(after.annotations.find((a) => a.id === reworded.id)!.wordingChange).toBeUndefined();
    // An orphan cannot be approved (it has no span).
    const orphanNow = await db.annotation.findUniqueOrThrow({ where: { id: deleted.id } });
    await expect(reviewAnnotation(rob, { decision: "approve", annotationId: deleted.id, version: orphanNow.version })).rejects.toThrow();
  });

  it("refuses a confirm whose preview is stale (the article changed in between), saving nothing", async () => {
    const article = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    const first = await previewCorrection(rita, { articleId, text: `${article.text}\n\nA first added paragraph.` });
    const second = await previewCorrection(rob, { articleId, text: `${article.text}\n\nA second added paragraph.` });
    const confirm = (p: typeof first, actor = rita) =>
      confirmCorrection(actor, { articleId, text: p.text, reason: "Added a paragraph.", fromRevision: p.fromRevision, fromHash: p.fromHash, toHash: p.toHash, fingerprint: p.fingerprint });
    await confirm(first);
    const error = await confirm(second, rob).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).message).toBe(STALE_PREVIEW_MESSAGE);
    const now = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    expect(now.revision).toBe(3);
    expect(now.text).toContain("A first added paragraph.");
    expect(now.text).not.toContain("A second added paragraph.");
  });

  it("keeps the orphan's permalink and API item resolving, with the explanation", async () => {
    const found = (await getOrphanedAnnotation(anonymousReader(), orphanId))!;
    expect(found.view.article.slug).toBe(slug);
    expect(found.orphan.status.label).toBeTruthy();
    const error = (await getAnnotation(new Request(`https://provenance.test/api/v1/annotations/${orphanId}`), orphanId).catch((e: unknown) => e)) as { status: number; message: string };
    expect(error.status).toBe(410);
    expect(error.message).toContain("no longer in the article");
    expect(error.message).toContain(`/articles/${slug}?annotation=${orphanId}`);
  });

  it("lists the corrections in the public log and counts them for the methodology page; the change view diffs two versions", async () => {
    const log = await listPublicCorrections(anonymousReader(), 0);
    const kinds = log.entries.map((e) => e.kind).sort();
    expect(kinds).toEqual(["removed", "text", "text", "wording"]);
    expect(log.total).toBe(4);
    expect(log.entries.every((e) => e.articleSlug === slug)).toBe(true);
    const removed = log.entries.find((e) => e.kind === "removed")!;
    expect(removed.reason).toBe("The outlet removed a quote and reworded a sentence.");
    expect(removed.after).toBeNull();
    expect(log.entries.find((e) => e.kind === "wording")!.after).toMatch(/reportedly|allegedly/);
    expect(await countCorrectionsLastYear(anonymousReader())).toBe(4);
    // A year later, none of them counts.
    expect(await countCorrectionsLastYear(anonymousReader(), new Date(Date.now() + 400 * 86_400_000))).toBe(0);

    const changes = (await getArticleChanges(anonymousReader(), slug, 2))!;
    expect([changes.from, changes.to]).toEqual([1, 2]);
    expect(changes.diff.some((p) => p.op === "insert" && p.text.includes("Editor's note"))).toBe(true);
    expect(changes.diff.some((p) => p.op === "delete")).toBe(true);
    expect((await getArticleChanges(anonymousReader(), slug))!.to).toBe(3);
  });
});
