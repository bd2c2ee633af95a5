import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { removeTestDatabase } from "../testing/test-database";
import { DEMO_SEED_TIMEOUT_MS, prepareReaderTestEnv, seedDemoDatabase } from "../testing/reader";
import { demoReviewers, testActor } from "../testing/actors";
import { anonymousReader } from "../actors";

vi.mock("next/cache", () => ({ updateTag: () => {}, revalidatePath: () => {}, revalidateTag: () => {}, unstable_cache: (fn: unknown) => fn }));

const { database } = await prepareReaderTestEnv("removal");
const { db } = await import("../db");
const { requestRemoval, cancelRemoval, confirmRemoval } = await import("./removal");
const { requestReattach, cancelReattach, confirmReattach } = await import("./reattach");
const { deleteAnnotation, submitAnnotation } = await import("./annotations");
const { previewCorrection, confirmCorrection } = await import("./corrections");
const { getWorkspace } = await import("./workspace");
const { getPublishedArticle, getPublishedAnnotation, getPublicVerdictHistory, getWithdrawnAnnotation } = await import("../reader");
const { listPublicCorrections } = await import("../corrections-log");
const { getAnnotation } = await import("../public-read-api");
const { ConflictError, DomainRuleError } = await import("../errors");

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

/** The demo article's approved, anchored annotations in text order. */
async function publishedAnnotations() {
  return db.annotation.findMany({ where: { articleId, statementId: { not: null }, workflowState: "approved" }, include: { statement: true }, orderBy: { statement: { start: "asc" } } });
}

const auditCount = (entityId: string, action: string) => db.auditEvent.count({ where: { entityId, action } });

describe("withdrawing a published verdict takes two reviewers", () => {
  it("refuses a one-person delete, an empty reason, a stale version and the requester's own confirmation; a cancel keeps the verdict", async () => {
    const [a] = await publishedAnnotations();
    await expect(deleteAnnotation(rita, { annotationId: a.id, version: a.version, confirmed: true })).rejects.toThrow(/request its removal/);
    expect(await db.annotation.count({ where: { id: a.id } })).toBe(1);

    await expect(requestRemoval(rita, { annotationId: a.id, version: a.version, reason: "   " })).rejects.toThrow(/Say why/);
    await expect(requestRemoval(rita, { annotationId: a.id, version: a.version - 1, reason: "Wrong." })).rejects.toBeInstanceOf(ConflictError);
    expect(await auditCount(a.id, "annotation.removal_request")).toBe(0);

    const requested = await requestRemoval(rita, { annotationId: a.id, version: a.version, reason: "The source was misread." });
    expect(requested.version).toBe(a.version + 1);
    const row = await db.annotation.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({ removalRequestedById: rita.id, removalReason: "The source was misread.", removedAt: null, statementId: a.statementId });
    const ev = await db.auditEvent.findFirstOrThrow({ where: { entityId: a.id, action: "annotation.removal_request" } });
    expect(ev).toMatchObject({ actorId: rita.id, comment: "The source was misread.", after: { reason: "The source was misread.", version: a.version + 1 } });

    // Readers still see it while the request waits.
    expect((await getPublishedArticle(visitor, slug))!.annotations.map((x) => x.id)).toContain(a.id);
    // The workspace shows the pending request; the requester is told why they cannot confirm it, the other reviewer is not.
    const mine = await getWorkspace(rita, articleId, a.statementId);
    expect(mine.statements.find((s) => s.id === a.statementId)!.annotation!.pendingRemoval).toBe(true);
    expect(mine.selected!.annotation!.pendingRemoval).toMatchObject({ requestedBy: rita.name, reason: "The source was misread." });
    expect(mine.selected!.annotation!.pendingRemoval!.confirmRefusal).toMatch(/You asked for this removal/);
    expect((await getWorkspace(rob, articleId, a.statementId)).selected!.annotation!.pendingRemoval!.confirmRefusal).toBeNull();

    // A second request while one waits, and the requester's own confirmation, are refused by the data layer.
    await expect(requestRemoval(rob, { annotationId: a.id, version: requested.version, reason: "Again." })).rejects.toThrow(/already asked/);
    const own = await confirmRemoval(rita, { annotationId: a.id, version: requested.version }).catch((e) => e);
    expect(own).toBeInstanceOf(DomainRuleError);
    expect(own.message).toMatch(/second reviewer must confirm/);
    // A stale version is refused too.
    await expect(confirmRemoval(rob, { annotationId: a.id, version: a.version })).rejects.toBeInstanceOf(ConflictError);
    expect(await auditCount(a.id, "annotation.removal_confirm")).toBe(0);

    // Anyone may cancel: the verdict stays, nothing pending.
    const cancelled = await cancelRemoval(rob, { annotationId: a.id, version: requested.version });
    expect(cancelled.version).toBe(requested.version + 1);
    expect(await db.annotation.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ removalRequestedById: null, removalReason: null, removedAt: null });
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: a.id, action: "annotation.removal_cancel" } })).toMatchObject({
      actorId: rob.id,
      before: { reason: "The source was misread." },
    });
    await expect(confirmRemoval(rob, { annotationId: a.id, version: cancelled.version })).rejects.toThrow(/no pending removal/);
    expect((await getPublishedArticle(visitor, slug))!.annotations.map((x) => x.id)).toContain(a.id);
  });

  it("confirmed by a second reviewer: kept as a removed row, gone from the reader, explained on its permalink, API item, history and corrections log", async () => {
    const [a] = await publishedAnnotations();
    const approvedStatus = a.approvedStatusSlug!;
    const requested = await requestRemoval(rita, { annotationId: a.id, version: a.version, reason: "The quote was attributed to the wrong ministry." });
    const done = await confirmRemoval(rob, { annotationId: a.id, version: requested.version });
    expect(done).toMatchObject({ articleId, statementId: a.statementId, version: requested.version + 1 });

    const row = await db.annotation.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({ statementId: null, anchorState: "removed", approvedSnapshot: null, removedById: rob.id, removalRequestedById: rita.id, removalReason: "The quote was attributed to the wrong ministry." });
    expect(row.removedAt).toBeInstanceOf(Date);
    const revision = await db.annotationRevision.findFirstOrThrow({ where: { annotationId: a.id }, orderBy: { version: "desc" } });
    expect(revision).toMatchObject({ version: done.version, event: "removed", actorId: rob.id, comment: "The quote was attributed to the wrong ministry." });
    const ev = await db.auditEvent.findFirstOrThrow({ where: { entityId: a.id, action: "annotation.removal_confirm" } });
    expect(ev).toMatchObject({ actorId: rob.id, articleId, comment: "The quote was attributed to the wrong ministry.", after: { reason: "The quote was attributed to the wrong ministry.", version: done.version } });
    expect((ev.before as { approvedSnapshot: unknown }).approvedSnapshot).toMatchObject({ status: { slug: approvedStatus } });

    // Readers: no longer highlighted, listed as withdrawn with its date and reason.
    const view = (await getPublishedArticle(visitor, slug))!;
    expect(view.annotations.map((x) => x.id)).not.toContain(a.id);
    expect(view.orphaned.map((x) => x.id)).not.toContain(a.id);
    expect(view.withdrawn).toEqual([
      expect.objectContaining({ id: a.id, reason: "The quote was attributed to the wrong ministry.", removedAt: row.removedAt!.toISOString(), quote: a.approvedQuote ?? a.quoteExact }),
    ]);
    expect(await getPublishedAnnotation(visitor, a.id)).toBeNull();
    expect((await getWithdrawnAnnotation(visitor, a.id))?.withdrawn.id).toBe(a.id);
    // The verdict history of the article keeps its publication.
    expect((await getPublicVerdictHistory(visitor, slug))[a.id]?.length).toBeGreaterThan(0);

    // The API item answers 410 and says why.
    const response = await getAnnotation(new Request(`http://localhost/api/v1/annotations/${a.id}`), a.id).catch((e) => e);
    expect(response.status).toBe(410);
    expect(response.message).toContain(`This verdict was removed on ${row.removedAt!.toISOString().slice(0, 10)}: The quote was attributed to the wrong ministry.`);

    // The corrections log lists it.
    const log = await listPublicCorrections(visitor);
    expect(log.entries[0]).toMatchObject({ kind: "withdrawn", articleSlug: slug, reason: "The quote was attributed to the wrong ministry.", before: a.approvedQuote ?? a.quoteExact });

    // The statement is free to annotate again; the removed row cannot be changed, deleted or confirmed twice.
    const ws = await getWorkspace(rita, articleId, a.statementId);
    expect(ws.selected!.annotation).toBeNull();
    await expect(confirmRemoval(rita, { annotationId: a.id, version: done.version })).rejects.toThrow(/withdrawn/);
    await expect(deleteAnnotation(rita, { annotationId: a.id, version: done.version, confirmed: true })).rejects.toThrow(/withdrawn/);
    await expect(submitAnnotation(rita, { annotationId: a.id, version: done.version })).rejects.toThrow(/withdrawn/);
  });
});

describe("re-attaching an orphan takes two reviewers", () => {
  it("a correction orphans one annotation; re-attaching it waits for a second reviewer, then anchors it and readers see it highlighted", async () => {
    const annotations = await publishedAnnotations();
    const deleted = annotations[4];
    const article = await db.article.findUniqueOrThrow({ where: { id: articleId } });
    const text = article.text.slice(0, deleted.statement!.start) + article.text.slice(deleted.statement!.end).replace(/^ /, "");
    const preview = await previewCorrection(rita, { articleId, text });
    const { fromRevision, fromHash, toHash, fingerprint } = preview;
    await confirmCorrection(rita, { articleId, text: preview.text, reason: "A quote was removed by the outlet.", fromRevision, fromHash, toHash, fingerprint });
    const orphan = await db.annotation.findUniqueOrThrow({ where: { id: deleted.id } });
    const corrected = (await db.article.findUniqueOrThrow({ where: { id: articleId } })).text;
    expect(orphan).toMatchObject({ anchorState: "orphaned", statementId: null });

    // The workspace lists it with the statements it can go to (no annotation yet).
    const ws = await getWorkspace(rita, articleId);
    expect(ws.orphans.map((o) => o.id)).toEqual([orphan.id]);
    const target = ws.statements.find((s) => !s.annotation)!;
    const taken = ws.statements.find((s) => s.annotation)!;
    await expect(requestReattach(rita, { annotationId: orphan.id, version: orphan.version, statementId: taken.id })).rejects.toThrow(/already has an annotation/);
    await expect(requestReattach(rita, { annotationId: orphan.id, version: orphan.version - 1, statementId: target.id })).rejects.toBeInstanceOf(ConflictError);

    const requested = await requestReattach(rita, { annotationId: orphan.id, version: orphan.version, statementId: target.id });
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: orphan.id, action: "annotation.reattach_request" } })).toMatchObject({ actorId: rita.id, after: { statementId: target.id } });
    // Readers still see it as no longer in the article.
    let view = (await getPublishedArticle(visitor, slug))!;
    expect(view.orphaned.map((o) => o.id)).toContain(orphan.id);
    expect(view.annotations.map((o) => o.id)).not.toContain(orphan.id);
    const pending = (await getWorkspace(rob, articleId)).orphans[0].pendingReattach!;
    expect(pending).toMatchObject({ statementId: target.id, confirmRefusal: null, quote: corrected.slice(target.start, target.end) });

    await expect(confirmReattach(rita, { annotationId: orphan.id, version: requested.version })).rejects.toThrow(/second reviewer must confirm/);
    await expect(confirmReattach(rob, { annotationId: orphan.id, version: orphan.version })).rejects.toBeInstanceOf(ConflictError);

    // Cancelled, then asked again, then confirmed by the other reviewer.
    const cancelled = await cancelReattach(rob, { annotationId: orphan.id, version: requested.version });
    expect(await auditCount(orphan.id, "annotation.reattach_cancel")).toBe(1);
    const again = await requestReattach(rita, { annotationId: orphan.id, version: cancelled.version, statementId: target.id });
    const done = await confirmReattach(rob, { annotationId: orphan.id, version: again.version });
    expect(done.statementId).toBe(target.id);

    const row = await db.annotation.findUniqueOrThrow({ where: { id: orphan.id } });
    expect(row).toMatchObject({
      statementId: target.id,
      anchorState: "anchored",
      positionStart: target.start,
      positionEnd: target.end,
      approvedStart: target.start,
      approvedEnd: target.end,
      quoteExact: corrected.slice(target.start, target.end),
      reattachRequestedById: null,
      wordingChangedAt: null,
    });
    expect(await db.annotationRevision.findFirstOrThrow({ where: { annotationId: orphan.id }, orderBy: { version: "desc" } })).toMatchObject({
      event: "reattached",
      version: done.version,
      start: target.start,
      end: target.end,
      articleRevision: 2,
    });
    expect(await db.auditEvent.findFirstOrThrow({ where: { entityId: orphan.id, action: "annotation.reattach_confirm" } })).toMatchObject({ actorId: rob.id, after: { statementId: target.id } });

    view = (await getPublishedArticle(visitor, slug))!;
    expect(view.orphaned.map((o) => o.id)).not.toContain(orphan.id);
    expect(view.annotations.find((x) => x.id === orphan.id)).toMatchObject({ start: target.start, end: target.end, statementId: target.id });
    expect(view.annotations.find((x) => x.id === orphan.id)!.wordingChange).toBeUndefined();
    expect((await getWorkspace(rob, articleId)).orphans).toEqual([]);
  });
});
