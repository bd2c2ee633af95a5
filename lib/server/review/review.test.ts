import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, removeTestDatabase } from "../testing/test-database";
import { createReviewUsers } from "../testing/review";
import { actorFor } from "../testing/actors";
import type { Actor } from "../actors";
import { anonymousReader } from "@/lib/server/actors";

/** Public reads are made as an anonymous reader. */
const visitor = anonymousReader();

/** The actor of the calls that follow (tests pass it explicitly; no session is mocked). */
let me: Actor = actorFor(null);
function actAs(user: Parameters<typeof actorFor>[0]) {
  me = actorFor(user);
}
const expiredTags = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ updateTag: (tag: string) => expiredTags.push(tag), revalidatePath: () => {}, revalidateTag: () => {}, unstable_cache: (fn: unknown) => fn }));

const { database } = await createTestDatabase("review");
const { db } = await import("../db");
const { seedVocabularies } = await import("../../../prisma/seed-vocabularies");
const { importArticle, previewImport, setArticlePublished } = await import("./articles");
const { saveAnnotation, reviewAnnotation, submitAnnotation, searchSources, deleteAnnotation } = await import("./annotations");
const { splitStatement, mergeStatements, selectSpan } = await import("./statements");
const { requestRemoval, confirmRemoval } = await import("./removal");
const { getWorkspace } = await import("./workspace");
const { getDesk } = await import("./desk");
const { getPublishedArticle } = await import("../reader");
const { AccessDeniedError, ConflictError } = await import("../errors");
const { buildReaderParagraphs } = await import("@/lib/reader/segments");

let users: Awaited<ReturnType<typeof createReviewUsers>>;

const TEXT = [
  "Baltic ministers said on Friday that they would leave the treaty.",
  "“We have no choice,” a spokesperson for the Estonian foreign ministry said. The agency Interfax reported the same.",
  "The convention was adopted in 1997. It entered into force in 1999.",
].join("\n\n");

type Fields = import("@/lib/validation/review").SaveAnnotationInput["fields"];
const fields = (over: Record<string, unknown> = {}): Fields => ({
  claimTypeSlug: "official-statement",
  statusSlug: "unverified",
  attributionText: "a spokesperson for the Estonian foreign ministry",
  speakerName: "Estonian foreign ministry",
  speakerKind: "organisation",
  speakerRole: "Spokesperson",
  claimDate: "2025-06-27",
  rationale: "Checked against the **ministry** statement.",
  chain: [
    { sourceId: null, name: "Estonian foreign ministry", kind: "government", url: "https://vm.ee/en", date: "2025-06-27", note: null },
    { sourceId: null, name: "Interfax", kind: "wire_agency", url: "https://interfax.com", date: "2025-06-27", note: null },
  ],
  evidence: [{ url: "https://example.org/statement", title: "Joint statement", stance: "supports", archivedUrl: "https://web.archive.org/x", note: null }],
  ...over,
}) as Fields;

beforeAll(async () => {
  await seedVocabularies(db);
  users = await createReviewUsers(db);
});

afterAll(async () => {
  await db.$disconnect();
  await removeTestDatabase(database);
});

async function importOne(title = "Baltic withdrawal") {
  actAs(users.rita);
  // The chain of `fields()` ends at Interfax, the article's outlet (no chain warning to acknowledge); the same text is
  // imported again and again, past the duplicate warning.
  return importArticle(
    me,
    { title, outlet: "Interfax", byline: "A. Writer", originalUrl: "https://example.com/a", publishedDate: "2025-06", language: "en", text: TEXT },
    { confirmDuplicate: true },
  );
}

describe("access", () => {
  it("refuses anonymous callers on every read and action", async () => {
    actAs(null);
    await expect(previewImport(me, { text: TEXT, title: "x" })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(importArticle(me, { text: TEXT, title: "x" })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(getDesk(me)).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(getWorkspace(me, "nope")).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(searchSources(me, "a")).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(reviewAnnotation(me, { decision: "approve", annotationId: "x", version: 1 })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(deleteAnnotation(me, { annotationId: "x", version: 1, confirmed: true })).rejects.toBeInstanceOf(AccessDeniedError);
    expect(await db.article.count()).toBe(0);
  });

  it("refuses a script (no person to author or approve) and an invitee, through the one policy", async () => {
    const { systemActor, inviteeActor } = await import("../actors");
    const script = systemActor("test script");
    await expect(importArticle(script, { text: TEXT, title: "x" })).rejects.toMatchObject({ reason: "forbidden" });
    await expect(reviewAnnotation(script, { decision: "approve", annotationId: "x", version: 1 })).rejects.toMatchObject({ reason: "forbidden" });
    await expect(getDesk(inviteeActor("t".repeat(43)))).rejects.toMatchObject({ reason: "unauthenticated" });
    expect(await db.article.count()).toBe(0);
  });
});

describe("import", () => {
  it("previews without saving, then imports a draft with its statements and an audit event", async () => {
    actAs(users.rita);
    const preview = await previewImport(me, { title: "Baltic withdrawal", text: TEXT });
    expect(preview.statements.length).toBeGreaterThanOrEqual(4);
    expect(await db.article.count()).toBe(0);
    const a = await importOne();
    const row = await db.article.findUniqueOrThrow({ where: { id: a.id }, include: { statements: true } });
    expect(row.state).toBe("draft");
    expect(row.statements.length).toBe(preview.statements.length);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "article.import", entityId: a.id } });
    expect(audit.actorId).toBe(users.rita.id);
    const b = await importOne();
    expect(b.slug).toBe(`${a.slug}-2`);
  });

  it("stores the article's fields, its statements at the proposed offsets and the marked spans as manual ones", async () => {
    actAs(users.rita);
    const preview = await previewImport(me, { title: "Stored as given", text: TEXT });
    const marked = { start: preview.statements[1].start, end: preview.statements[1].start + 10 };
    const a = await importArticle(me, { title: "Stored as given", byline: "A. Writer", publishedDate: "2025-06", language: "de", text: TEXT }, { confirmDuplicate: true, markedSpans: [marked] });
    const row = await db.article.findUniqueOrThrow({ where: { id: a.id }, include: { statements: { orderBy: { start: "asc" } } } });
    expect(row).toMatchObject({ title: "Stored as given", outlet: null, byline: "A. Writer", originalUrl: null, publishedDate: "2025-06", language: "de", state: "draft", createdById: users.rita.id, version: 1, revision: 1 });
    expect(row.text.length).toBe(preview.characters);
    expect(row.emphasis).toEqual([]);
    expect(row.id).toMatch(/^c[0-9a-f]{24}$/);
    expect(row.updatedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(new Set(row.statements.map((s) => s.id)).size).toBe(row.statements.length);
    expect(row.statements.filter((s) => s.origin === "manual").map((s) => [s.start, s.end])).toEqual([[marked.start, marked.end]]);
    expect(row.statements.filter((s) => s.origin === "proposed").length).toBe(row.statements.length - 1);
    expect(row.statements.length).toBe(a.statements);
  });

  it("stores a text longer than one query's piece exactly, with a statement row for each proposed statement", async () => {
    actAs(users.rita);
    // Emoji (surrogate pairs) all through, so that some fall on the pieces' edges.
    const text = `Long article\n\n${Array.from({ length: 5_000 }, (_, i) => `Sentence ${i} quotes the 😀 council on ${i % 97} permits.`).join(" ")}`;
    const preview = await previewImport(me, { title: "Long", text });
    const a = await importArticle(me, { title: "Long", text }, { confirmDuplicate: true });
    const row = await db.article.findUniqueOrThrow({ where: { id: a.id }, select: { text: true, _count: { select: { statements: true } } } });
    expect(row.text.length).toBeGreaterThan(3 * 64 * 1024);
    const { prepareImport } = await import("@/lib/import/prepare-import");
    const prepared = prepareImport({ text, title: "Long" });
    if (!prepared.ok) throw new Error(prepared.message);
    expect(row.text).toBe(prepared.prepared.text);
    expect(row.text.length).toBe(preview.characters);
    expect(row.text).not.toContain("\uFFFD");
    expect(row._count.statements).toBe(preview.statementCount);
    expect(row._count.statements).toBeGreaterThan(4_000);
  });

  it("stores the emphasis a Markdown file had", async () => {
    actAs(users.rita);
    const { prepareImport } = await import("@/lib/import/prepare-import");
    const markdown = "Emphasised\n\nThe minister said the *new* rules apply. The council disagreed, **strongly**.";
    const result = prepareImport({ file: { name: "a.md", bytes: new TextEncoder().encode(markdown) }, text: "" });
    if (!result.ok) throw new Error(result.message);
    expect(result.prepared.emphasis.length).toBeGreaterThan(0);
    const a = await importArticle(me, { title: "Emphasised", text: result.text }, { prepared: result.prepared, confirmDuplicate: true });
    const row = await db.article.findUniqueOrThrow({ where: { id: a.id } });
    expect(row.emphasis).toEqual(result.prepared.emphasis);
  });

  it("refuses empty text, an over-long title and a bad URL, saving nothing", async () => {
    actAs(users.rita);
    const before = await db.article.count();
    await expect(importArticle(me, { title: "t", text: "   " })).rejects.toThrow(/empty/);
    await expect(importArticle(me, { title: "x".repeat(301), text: TEXT })).rejects.toThrow(/300/);
    await expect(importArticle(me, { title: "t", text: TEXT, originalUrl: "javascript:alert(1)" })).rejects.toThrow(/http/);
    expect(await db.article.count()).toBe(before);
  });
});

describe("annotations and workflow", () => {
  it("create → submit → self-approval refused → approve by another → snapshot for readers, audited", async () => {
    const { id: articleId, slug } = await importOne("Workflow article");
    const ws = await getWorkspace(me, articleId);
    const st = ws.statements[1];
    actAs(users.rita);
    const saved = await saveAnnotation(me, { statementId: st.id, baseVersion: null, intent: "draft", fields: fields() });
    expect(saved).toMatchObject({ version: 1, workflowState: "draft", created: true });
    const row = await db.annotation.findUniqueOrThrow({ where: { id: saved.annotationId }, include: { chain: { include: { source: true } }, evidence: true } });
    expect(row.chain.map((h) => h.source.name)).toEqual(["Estonian foreign ministry", "Interfax"]);
    expect(row.quoteExact).toBe(TEXT.slice(st.start, st.end));
    expect(row.approvedSnapshot).toBeNull();
    // The audit event was written with the change (same transaction): exactly one create event.
    expect(await db.auditEvent.count({ where: { entityId: saved.annotationId, action: "annotation.create" } })).toBe(1);

    const submitted = await submitAnnotation(me, { annotationId: saved.annotationId, version: 1 });
    expect(submitted.version).toBe(2);

    // Author refused.
    await expect(reviewAnnotation(me, { decision: "approve", annotationId: saved.annotationId, version: 2 })).rejects.toThrow(/You wrote this annotation/);
    expect((await db.annotation.findUniqueOrThrow({ where: { id: saved.annotationId } })).workflowState).toBe("in_review");
    // A reviewer who neither wrote nor edited it approves: the reader snapshot is written.
    actAs(users.tom);
    await reviewAnnotation(me, { decision: "approve", annotationId: saved.annotationId, version: 2 });
    const approved = await db.annotation.findUniqueOrThrow({ where: { id: saved.annotationId } });
    expect(approved).toMatchObject({ workflowState: "approved", approverId: users.tom.id, approvedStatusSlug: "unverified", approvedTypeSlug: "official-statement" });
    expect((approved.approvedSnapshot as { chain: unknown[] }).chain).toHaveLength(2);
    // Not published yet: readers see nothing.
    expect(await getPublishedArticle(visitor, slug)).toBeNull();
  });

  it("refuses approval by anyone who edited the revision under review; return needs a comment", async () => {
    const { id: articleId } = await importOne("Editors article");
    const ws = await getWorkspace(me, articleId);
    actAs(users.rita);
    const a = await saveAnnotation(me, { statementId: ws.statements[0].id, baseVersion: null, intent: "draft", fields: fields() });
    actAs(users.sam);
    const b = await saveAnnotation(me, { statementId: ws.statements[0].id, baseVersion: a.version, intent: "submit", fields: fields({ speakerRole: "Press officer" }) });
    expect(b.workflowState).toBe("in_review");
    await expect(reviewAnnotation(me, { decision: "approve", annotationId: a.annotationId, version: b.version })).rejects.toThrow(/You edited this revision/);
    await expect(reviewAnnotation(me, { decision: "return", annotationId: a.annotationId, version: b.version, comment: "x" })).rejects.toThrow(/You edited this revision/);
    actAs(users.tom);
    await expect(reviewAnnotation(me, { decision: "return", annotationId: a.annotationId, version: b.version, comment: "  " })).rejects.toThrow(/comment is required/);
    const returned = await reviewAnnotation(me, { decision: "return", annotationId: a.annotationId, version: b.version, comment: "Cite the ministry page." });
    expect(returned.workflowState).toBe("draft");
    const ev = await db.auditEvent.findFirstOrThrow({ where: { entityId: a.annotationId, action: "annotation.return" } });
    expect(ev.comment).toBe("Cite the ministry page.");
    actAs(users.rita);
    const desk = await getDesk(me);
    expect(desk.returnedToMe.map((d) => d.annotationId)).toContain(a.annotationId);
  });

  it("the two-person refusal and the public verdict history read revision rows: deleting the audit rows changes neither", async () => {
    const { getPublicVerdictHistory } = await import("../reader");
    const { id: articleId, slug } = await importOne("Revisions article");
    const ws = await getWorkspace(me, articleId);
    actAs(users.rita);
    const a = await saveAnnotation(me, { statementId: ws.statements[0].id, baseVersion: null, intent: "submit", fields: fields({ statusSlug: "verified" }) });
    actAs(users.sam);
    const approved = await reviewAnnotation(me, { decision: "approve", annotationId: a.annotationId, version: a.version });
    // The desk's "Recently approved" names the approver as well as the author.
    expect((await getDesk(me)).recentlyApproved.find((d) => d.annotationId === a.annotationId)).toMatchObject({ author: "Rita", approver: "Sam" });
    await setArticlePublished(me, { articleId, version: 1, publish: true });
    // Tom edits the approved annotation to a new verdict; Sam approves that revision.
    actAs(users.tom);
    const edited = await saveAnnotation(me, { statementId: ws.statements[0].id, baseVersion: approved.version, intent: "submit", fields: fields({ statusSlug: "false" }) });
    const history = await getPublicVerdictHistory(visitor, slug);
    const refusal = () => reviewAnnotation(me, { decision: "approve", annotationId: a.annotationId, version: edited.version });
    await expect(refusal()).rejects.toThrow(/You edited this revision/);

    const revisions = await db.annotationRevision.findMany({ where: { annotationId: a.annotationId }, orderBy: { version: "asc" } });
    expect(revisions.map((r) => [r.version, r.event, r.workflowState])).toEqual([
      [1, "submitted", "in_review"],
      [2, "approved", "approved"],
      [3, "submitted", "in_review"],
    ]);
    expect(revisions[2].editorIds).toEqual([users.tom.id]);
    expect(revisions[1]).toMatchObject({ approverId: users.sam.id, statusSlug: "verified" });

    expect((await db.auditEvent.deleteMany({ where: { entityId: a.annotationId } })).count).toBeGreaterThan(0);
    await expect(refusal()).rejects.toThrow(/You edited this revision/);
    actAs(users.sam);
    await reviewAnnotation(me, { decision: "approve", annotationId: a.annotationId, version: edited.version });
    const after = await getPublicVerdictHistory(visitor, slug);
    expect(after[a.annotationId].slice(0, 1)).toEqual(history[a.annotationId]);
    expect(after[a.annotationId].map((c) => [c.from?.slug ?? null, c.to.slug, c.by])).toEqual([
      [null, "verified", "Sam"],
      ["verified", "false", "Sam"],
    ]);
  });

  it("a vocabulary rename refreshes revision rows the way it refreshes approved snapshots (no spurious conflict diff)", async () => {
    const { updateVocabularyEntry } = await import("../admin/vocabulary");
    const { id: articleId } = await importOne("Rename article");
    const ws = await getWorkspace(me, articleId);
    actAs(users.rita);
    const a = await saveAnnotation(me, { statementId: ws.statements[1].id, baseVersion: null, intent: "submit", fields: fields({ statusSlug: "verified" }) });
    actAs(users.sam);
    const approved = await reviewAnnotation(me, { decision: "approve", annotationId: a.annotationId, version: a.version });
    const status = await db.verificationStatus.findUniqueOrThrow({ where: { slug: "verified" } });
    const rename = (version: number, label: string) =>
      updateVocabularyEntry(me, { kind: "verification_status", id: status.id, version, label, description: status.description, color: status.color, rating: status.rating });
    await expect(rename(status.version, "Checked true")).rejects.toMatchObject({ reason: "forbidden" });
    actAs(users.ada);
    await rename(status.version, "Checked true");
    const labels = async () => (await db.annotationRevision.findMany({ where: { annotationId: a.annotationId }, orderBy: { version: "asc" } })).map((r) => (r.content as { status: { label: string } }).status.label);
    expect(await labels()).toEqual(["Checked true", "Checked true"]);
    const row = await db.annotation.findUniqueOrThrow({ where: { id: a.annotationId } });
    expect((row.approvedSnapshot as { status: { label: string } }).status.label).toBe("Checked true");
    // A stale save against the approved version lists only the real change, not the renamed label.
    actAs(users.tom);
    await saveAnnotation(me, { statementId: ws.statements[1].id, baseVersion: approved.version, intent: "draft", fields: fields({ statusSlug: "verified", speakerRole: "Minister" }) });
    actAs(users.rita);
    const stale = await saveAnnotation(me, { statementId: ws.statements[1].id, baseVersion: approved.version, intent: "draft", fields: fields({ statusSlug: "verified" }) }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(((stale as { current: { changes: { field: string }[] } }).current.changes).map((c) => c.field)).toEqual(["speakerRole", "workflowState"]);
    actAs(users.ada);
    await rename(status.version + 1, status.label);
    expect(await labels()).toEqual([status.label, status.label, status.label]);
  });

  it("approval writes the reader snapshot; editing an approved annotation keeps it until the revision is approved", async () => {
    const { id: articleId, slug } = await importOne("Revision article");
    const ws = await getWorkspace(me, articleId);
    actAs(users.rita);
    const a = await saveAnnotation(me, { statementId: ws.statements[2].id, baseVersion: null, intent: "submit", fields: fields({ claimTypeSlug: "author-assertion", statusSlug: "verified" }) });
    actAs(users.sam);
    expect((await getDesk(me)).waitingForMe.map((d) => d.annotationId)).toContain(a.annotationId);
    const approved = await reviewAnnotation(me, { decision: "approve", annotationId: a.annotationId, version: a.version });
    expect(approved.workflowState).toBe("approved");
    await setArticlePublished(me, { articleId, version: 1, publish: true });
    let view = await getPublishedArticle(visitor, slug);
    expect(view?.annotations[0]).toMatchObject({ id: a.annotationId, status: { slug: "verified" }, claimType: { slug: "author-assertion" } });

    // Rita edits the approved one: a pending revision; readers still see "verified".
    actAs(users.rita);
    const edited = await saveAnnotation(me, { statementId: ws.statements[2].id, baseVersion: approved.version, intent: "submit", fields: fields({ claimTypeSlug: "author-assertion", statusSlug: "false" }) });
    view = await getPublishedArticle(visitor, slug);
    expect(view?.annotations[0].status.slug).toBe("verified");
    const ws2 = await getWorkspace(me, articleId, ws.statements[2].id);
    expect(ws2.selected?.annotation?.pendingRevision).toBe(true);
    expect(ws2.selected?.annotation?.history.map((h) => h.action)).toEqual(expect.arrayContaining(["annotation.create", "annotation.approve", "annotation.update"]));
    // Sam approved the previous revision but did not edit this one: he may approve it.
    actAs(users.sam);
    await reviewAnnotation(me, { decision: "approve", annotationId: a.annotationId, version: edited.version });
    view = await getPublishedArticle(visitor, slug);
    expect(view?.annotations[0].status.slug).toBe("false");
    expect(await db.auditEvent.count({ where: { articleId, action: "article.publish" } })).toBe(1);
  });

  it("refuses a stale save with the other person's changes (optimistic concurrency)", async () => {
    const { id: articleId } = await importOne("Conflict article");
    const ws = await getWorkspace(me, articleId);
    actAs(users.rita);
    const a = await saveAnnotation(me, { statementId: ws.statements[0].id, baseVersion: null, intent: "draft", fields: fields() });
    actAs(users.sam);
    await saveAnnotation(me, { statementId: ws.statements[0].id, baseVersion: a.version, intent: "draft", fields: fields({ speakerRole: "Minister" }) });
    actAs(users.rita);
    const err = await saveAnnotation(me, { statementId: ws.statements[0].id, baseVersion: a.version, intent: "draft", fields: fields({ rationale: "Mine" }) }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toMatch(/Sam saved this annotation/);
    expect(err.current).toMatchObject({ currentVersion: 2, changedBy: "Sam" });
    expect(err.current.changes).toEqual([expect.objectContaining({ label: "Role", before: "Spokesperson", after: "Minister" })]);
    const row = await db.annotation.findUniqueOrThrow({ where: { id: a.annotationId } });
    expect(row.speakerRole).toBe("Minister");
    expect(row.rationale).not.toBe("Mine");
    // The refused write left no trace: its audit event was in the same, rolled-back transaction.
    expect(await db.auditEvent.count({ where: { entityId: a.annotationId, action: "annotation.update" } })).toBe(1);
    // Reapplied on the new version, it goes through.
    const again = await saveAnnotation(me, { statementId: ws.statements[0].id, baseVersion: 2, intent: "draft", fields: fields({ rationale: "Mine" }) });
    expect(again.version).toBe(3);
  });

  it("refuses javascript: URLs and retired vocabulary for new tags", async () => {
    const { id: articleId } = await importOne("Validation article");
    const ws = await getWorkspace(me, articleId);
    actAs(users.rita);
    await expect(
      saveAnnotation(me, { statementId: ws.statements[0].id, baseVersion: null, intent: "draft", fields: fields({ evidence: [{ url: "javascript:alert(1)", title: "", stance: "supports", archivedUrl: null, note: null }] }) }),
    ).rejects.toThrow(/http/);
    await db.claimType.update({ where: { slug: "statistic" }, data: { retired: true } });
    await expect(saveAnnotation(me, { statementId: ws.statements[0].id, baseVersion: null, intent: "draft", fields: fields({ claimTypeSlug: "statistic" }) })).rejects.toThrow(/retired/);
    await db.claimType.update({ where: { slug: "statistic" }, data: { retired: false } });
    expect(await db.annotation.count({ where: { articleId } })).toBe(0);
  });
});

describe("statements", () => {
  it("splits and merges, moving the annotation only with confirmation", async () => {
    const { id: articleId } = await importOne("Statements article");
    const ws = await getWorkspace(me, articleId);
    const st = ws.statements.find((s) => TEXT.slice(s.start, s.end).includes("We have no choice"))!;
    actAs(users.rita);
    const at = TEXT.indexOf("a spokesperson", st.start);
    // Unannotated: split right away.
    const { secondId } = await splitStatement(me, { statementId: st.id, at });
    const a = await saveAnnotation(me, { statementId: secondId, baseVersion: null, intent: "draft", fields: fields() });
    await expect(mergeStatements(me, { firstId: st.id, secondId })).rejects.toThrow(/Confirm the merge/);
    await mergeStatements(me, { firstId: st.id, secondId, confirmed: true });
    const moved = await db.annotation.findUniqueOrThrow({ where: { id: a.annotationId } });
    expect(moved.statementId).toBe(st.id);
    expect(moved.quoteExact).toBe(TEXT.slice(st.start, st.end));
    expect(await db.auditEvent.count({ where: { entityId: a.annotationId, action: "annotation.move" } })).toBe(1);
    await expect(splitStatement(me, { statementId: st.id, at })).rejects.toThrow(/Confirm the split/);
    const split = await splitStatement(me, { statementId: st.id, at, keep: "second", confirmed: true });
    expect((await db.annotation.findUniqueOrThrow({ where: { id: a.annotationId } })).statementId).toBe(split.secondId);
  });

  it("moving an approved annotation by a split is a pending revision: readers keep the approved span until it is approved again", async () => {
    const { id: articleId, slug } = await importOne("Approved split article");
    const ws = await getWorkspace(me, articleId);
    const st = ws.statements.find((s) => TEXT.slice(s.start, s.end).includes("We have no choice"))!;
    const oldQuote = TEXT.slice(st.start, st.end);
    actAs(users.rita);
    const a = await saveAnnotation(me, { statementId: st.id, baseVersion: null, intent: "submit", fields: fields() });
    actAs(users.sam);
    const approved = await reviewAnnotation(me, { decision: "approve", annotationId: a.annotationId, version: a.version });
    expect(await db.annotation.findUniqueOrThrow({ where: { id: a.annotationId } })).toMatchObject({ approvedStart: st.start, approvedEnd: st.end });
    await setArticlePublished(me, { articleId, version: 1, publish: true });
    const shown = (await getPublishedArticle(visitor, slug))!.annotations[0];
    expect(shown).toMatchObject({ id: a.annotationId, start: st.start, end: st.end, quote: { exact: oldQuote } });

    // Tom splits it; the annotation keeps the first part. Only the working copy moves.
    actAs(users.tom);
    const at = TEXT.indexOf("a spokesperson", st.start);
    expiredTags.length = 0;
    const split = await splitStatement(me, { statementId: st.id, at, keep: "first", confirmed: true });
    expect(expiredTags).toEqual([]);
    const first = await db.statement.findUniqueOrThrow({ where: { id: split.firstId } });
    expect(first.end).toBeLessThan(st.end);
    const moved = await db.annotation.findUniqueOrThrow({ where: { id: a.annotationId } });
    expect(moved).toMatchObject({ workflowState: "draft", version: approved.version + 1, positionStart: first.start, positionEnd: first.end, approvedStart: st.start, approvedEnd: st.end });
    expect(moved.quoteExact).toBe(TEXT.slice(first.start, first.end));
    const move = await db.auditEvent.findFirstOrThrow({ where: { entityId: a.annotationId, action: "annotation.move" } });
    expect(move.after).toMatchObject({ workflowState: "draft", span: `${first.start}–${first.end}` });
    expect(move.comment).toMatch(/Readers keep the approved version/);
    const ws2 = await getWorkspace(me, articleId, split.firstId);
    expect(ws2.selected?.annotation?.pendingRevision).toBe(true);

    // Readers still see the approved span and quote.
    let view = (await getPublishedArticle(visitor, slug))!;
    expect(view.annotations).toHaveLength(1);
    expect(view.annotations[0]).toMatchObject({ start: st.start, end: st.end, quote: { exact: oldQuote } });

    // Meanwhile the second part gets its own annotation, approved: two approved spans overlap. The reader lists
    // both, highlights the first, and does not crash.
    actAs(users.rita);
    const b = await saveAnnotation(me, { statementId: split.secondId, baseVersion: null, intent: "submit", fields: fields({ claimTypeSlug: "author-assertion" }) });
    actAs(users.sam);
    await reviewAnnotation(me, { decision: "approve", annotationId: b.annotationId, version: b.version });
    view = (await getPublishedArticle(visitor, slug))!;
    expect(view.annotations.map((x) => x.id)).toEqual([a.annotationId, b.annotationId]);
    const highlighted = buildReaderParagraphs(view.article.text, view.annotations).flatMap((p) => p.pieces.flatMap((x) => (x.kind === "highlight" ? [x.annotation.id] : [])));
    expect(highlighted).toEqual([a.annotationId]);

    // Tom submits the revision; he moved it, so he cannot approve it; nor can Rita, who wrote it. Sam approves it.
    actAs(users.tom);
    const submitted = await submitAnnotation(me, { annotationId: a.annotationId, version: moved.version });
    await expect(reviewAnnotation(me, { decision: "approve", annotationId: a.annotationId, version: submitted.version })).rejects.toThrow(/You edited this revision/);
    actAs(users.rita);
    await expect(reviewAnnotation(me, { decision: "approve", annotationId: a.annotationId, version: submitted.version })).rejects.toThrow(/You wrote this annotation/);
    actAs(users.sam);
    expiredTags.length = 0;
    await reviewAnnotation(me, { decision: "approve", annotationId: a.annotationId, version: submitted.version });
    expect(expiredTags).toContain(`article:${slug}`);
    view = (await getPublishedArticle(visitor, slug))!;
    expect(view.annotations.find((x) => x.id === a.annotationId)).toMatchObject({ start: first.start, end: first.end, quote: { exact: TEXT.slice(first.start, first.end) } });
    // No overlap any more: both are highlighted, in text order.
    const both = buildReaderParagraphs(view.article.text, view.annotations).flatMap((p) => p.pieces.flatMap((x) => (x.kind === "highlight" && x.first ? [x.annotation.id] : [])));
    expect(both).toEqual([a.annotationId, b.annotationId]);
  });

  it("selects a span by hand, trimming unannotated neighbours and refusing to overlap an annotated one", async () => {
    const { id: articleId } = await importOne("Select article");
    const ws = await getWorkspace(me, articleId);
    actAs(users.rita);
    const start = TEXT.indexOf("adopted in 1997");
    const { id } = await selectSpan(me, { articleId, start, end: start + "adopted in 1997".length });
    const all = await db.statement.findMany({ where: { articleId }, orderBy: { start: "asc" } });
    for (let i = 1; i < all.length; i++) expect(all[i].start).toBeGreaterThanOrEqual(all[i - 1].end);
    expect(all.find((s) => s.id === id)).toMatchObject({ origin: "manual", end: start + 15 });
    await saveAnnotation(me, { statementId: ws.statements[0].id, baseVersion: null, intent: "draft", fields: fields() });
    await expect(selectSpan(me, { articleId, start: ws.statements[0].start + 2, end: ws.statements[0].end + 5 })).rejects.toThrow(/overlaps/);
  });
});

describe("deleting an annotation", () => {
  it("needs a confirmation and the current version; audits the before snapshot in the same transaction", async () => {
    const { id: articleId } = await importOne("Delete draft article");
    const ws = await getWorkspace(me, articleId);
    actAs(users.rita);
    const a = await saveAnnotation(me, { statementId: ws.statements[0].id, baseVersion: null, intent: "draft", fields: fields() });
    const hopSources = (await db.provenanceHop.findMany({ where: { annotationId: a.annotationId } })).map((h) => h.sourceId);

    // Not confirmed: refused, nothing deleted.
    await expect(deleteAnnotation(me, { annotationId: a.annotationId, version: a.version, confirmed: false })).rejects.toThrow(/Confirm/);
    // Stale version (Sam saved meanwhile): a conflict naming him, nothing deleted, no audit event.
    actAs(users.sam);
    await saveAnnotation(me, { statementId: ws.statements[0].id, baseVersion: a.version, intent: "draft", fields: fields({ speakerRole: "Minister" }) });
    actAs(users.rita);
    const stale = await deleteAnnotation(me, { annotationId: a.annotationId, version: a.version, confirmed: true }).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.message).toMatch(/Sam saved this annotation/);
    expect(await db.annotation.count({ where: { id: a.annotationId } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: a.annotationId, action: "annotation.delete" } })).toBe(0);

    // Any reviewer may delete (not only the author), from the current version.
    actAs(users.tom);
    const done = await deleteAnnotation(me, { annotationId: a.annotationId, version: a.version + 1, confirmed: true });
    expect(done).toEqual({ articleId, statementId: ws.statements[0].id });
    expect(await db.annotation.count({ where: { id: a.annotationId } })).toBe(0);
    expect(await db.provenanceHop.count({ where: { annotationId: a.annotationId } })).toBe(0);
    expect(await db.evidenceLink.count({ where: { annotationId: a.annotationId } })).toBe(0);
    // The statement and the Sources stay.
    expect(await db.statement.count({ where: { id: ws.statements[0].id } })).toBe(1);
    expect(await db.source.count({ where: { id: { in: hopSources } } })).toBe(hopSources.length);
    const ev = await db.auditEvent.findFirstOrThrow({ where: { entityId: a.annotationId, action: "annotation.delete" } });
    expect(ev).toMatchObject({ actorId: users.tom.id, entityType: "annotation", articleId, after: null });
    const before = ev.before as Record<string, unknown> & { chain: { name: string }[] };
    expect(before).toMatchObject({ claimType: "Official statement", speakerRole: "Minister", version: 2, approvedSnapshot: null, quote: TEXT.slice(ws.statements[0].start, ws.statements[0].end) });
    expect(before.chain.map((h: { name: string }) => h.name)).toEqual(["Estonian foreign ministry", "Interfax"]);

    // Gone: deleting again is "not found"; the statement can be annotated afresh.
    await expect(deleteAnnotation(me, { annotationId: a.annotationId, version: 2, confirmed: true })).rejects.toThrow(/not found/);
    const again = await saveAnnotation(me, { statementId: ws.statements[0].id, baseVersion: null, intent: "draft", fields: fields() });
    expect(again.created).toBe(true);
  });

  it("refuses to delete an approved annotation (two reviewers withdraw it), and then lets two neighbours be merged", async () => {
    const { id: articleId, slug } = await importOne("Delete approved article");
    const ws = await getWorkspace(me, articleId);
    const [first, second] = ws.statements;
    actAs(users.rita);
    const a = await saveAnnotation(me, { statementId: first.id, baseVersion: null, intent: "submit", fields: fields() });
    const b = await saveAnnotation(me, { statementId: second.id, baseVersion: null, intent: "submit", fields: fields({ claimTypeSlug: "author-assertion" }) });
    actAs(users.sam);
    const approvedA = await reviewAnnotation(me, { decision: "approve", annotationId: a.annotationId, version: a.version });
    await reviewAnnotation(me, { decision: "approve", annotationId: b.annotationId, version: b.version });
    await setArticlePublished(me, { articleId, version: 1, publish: true });
    expect((await getPublishedArticle(visitor, slug))?.annotations.map((x) => x.id).sort()).toEqual([a.annotationId, b.annotationId].sort());

    // Both annotated: merging is refused, and the message says how to proceed.
    await expect(mergeStatements(me, { firstId: first.id, secondId: second.id, confirmed: true })).rejects.toThrow(/Delete one of the two annotations first/);

    await expect(deleteAnnotation(me, { annotationId: a.annotationId, version: approvedA.version, confirmed: true })).rejects.toThrow(/request its removal/);
    expect(await db.auditEvent.count({ where: { entityId: a.annotationId, action: "annotation.delete" } })).toBe(0);
    const requested = await requestRemoval(me, { annotationId: a.annotationId, version: approvedA.version, reason: "Mistaken verdict." });
    actAs(users.tom);
    await confirmRemoval(me, { annotationId: a.annotationId, version: requested.version });
    actAs(users.sam);
    expect((await getPublishedArticle(visitor, slug))?.annotations.map((x) => x.id)).toEqual([b.annotationId]);

    await mergeStatements(me, { firstId: first.id, secondId: second.id, confirmed: true });
    const merged = await db.annotation.findUniqueOrThrow({ where: { id: b.annotationId } });
    // The move is a pending revision: readers keep the approved span until a second reviewer approves the merge.
    expect(merged).toMatchObject({ statementId: first.id, positionStart: first.start, positionEnd: second.end, workflowState: "draft", approvedStart: second.start, approvedEnd: second.end });
    expect((await getPublishedArticle(visitor, slug))?.annotations).toEqual([expect.objectContaining({ id: b.annotationId, start: second.start, end: second.end, quote: expect.objectContaining({ exact: TEXT.slice(second.start, second.end) }) })]);
  });
});

describe("sources in the provenance chain", () => {
  it("suggests same-named sources separately; a picked one is linked by id, a typed name creates a new source", async () => {
    const { id: articleId } = await importOne("Sources article");
    const ws = await getWorkspace(me, articleId);
    const dated = await db.source.create({ data: { name: "The Telegraph", kind: "news_outlet", url: "https://www.telegraph.co.uk/a", date: "2025-06-24" } });
    const undated = await db.source.create({ data: { name: "The Telegraph", kind: "news_outlet" } });
    actAs(users.rita);
    const found = await searchSources(me, "Telegraph");
    expect(found.map((s) => s.id).sort()).toEqual([dated.id, undated.id].sort());

    // Picking the undated one (the second of that name) links exactly it, creating nothing.
    const sourcesBefore = await db.source.count();
    const hop = { sourceId: undated.id, name: "The Telegraph", kind: "news_outlet", url: null, date: null, note: null };
    const a = await saveAnnotation(me, { statementId: ws.statements[0].id, baseVersion: null, intent: "draft", fields: fields({ chain: [hop] }) });
    expect((await db.provenanceHop.findMany({ where: { annotationId: a.annotationId } })).map((h) => h.sourceId)).toEqual([undated.id]);
    expect(await db.source.count()).toBe(sourcesBefore);

    // The same name typed by hand (no id) is a new source; so is a picked one whose details were changed.
    const b = await saveAnnotation(me, { statementId: ws.statements[1].id, baseVersion: null, intent: "draft", fields: fields({ chain: [{ ...hop, sourceId: null }, { ...hop, sourceId: dated.id, date: "2025-06-25" }] }) });
    const hops = await db.provenanceHop.findMany({ where: { annotationId: b.annotationId }, orderBy: { position: "asc" }, include: { source: true } });
    expect(hops.map((h) => h.sourceId)).not.toContain(undated.id);
    expect(hops.map((h) => h.sourceId)).not.toContain(dated.id);
    expect(hops[1].source).toMatchObject({ name: "The Telegraph", date: "2025-06-25" });
    expect(await db.source.count()).toBe(sourcesBefore + 2);
  });
});

describe("publishing with nothing approved", () => {
  it("is refused without the explicit confirmation, and allowed with it (audited)", async () => {
    const { id: articleId } = await importOne("Nothing approved article");
    const ws = await getWorkspace(me, articleId);
    actAs(users.rita);
    // A draft and an annotation in review do not count: readers would see no sourced statement.
    await saveAnnotation(me, { statementId: ws.statements[0].id, baseVersion: null, intent: "submit", fields: fields() });
    await expect(setArticlePublished(me, { articleId, version: 1, publish: true })).rejects.toThrow(/readers would see it with no sourced statements/);
    await expect(setArticlePublished(me, { articleId, version: 1, publish: true, confirmNoApproved: false })).rejects.toThrow(/Confirm that you want to publish it anyway/);
    // The flag is validated (a string is not a confirmation).
    await expect(setArticlePublished(me, { articleId, version: 1, publish: true, confirmNoApproved: "yes" as unknown as boolean })).rejects.toBeInstanceOf((await import("zod")).z.ZodError);
    expect(await db.article.findUniqueOrThrow({ where: { id: articleId } })).toMatchObject({ state: "draft", version: 1 });
    expect(await db.auditEvent.count({ where: { articleId, action: "article.publish" } })).toBe(0);

    const done = await setArticlePublished(me, { articleId, version: 1, publish: true, confirmNoApproved: true });
    expect(done).toMatchObject({ state: "published", version: 2 });
    const ev = await db.auditEvent.findFirstOrThrow({ where: { articleId, action: "article.publish" } });
    expect(ev.after).toEqual({ state: "published", approvedAnnotations: 0 });
    // Unpublishing needs no such confirmation.
    await setArticlePublished(me, { articleId, version: 2, publish: false });
  });
});
