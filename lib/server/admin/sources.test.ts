import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, removeTestDatabase } from "../testing/test-database";
import { mockAdminTestEnvironment } from "../testing/admin";
import { createReviewUsers } from "../testing/review";
import { testActor } from "../testing/actors";

vi.mock("next/cache", () => ({ updateTag: () => {}, revalidatePath: () => {}, revalidateTag: () => {}, unstable_cache: (fn: unknown) => fn }));

mockAdminTestEnvironment();
const { database } = await createTestDatabase("admin-sources");
const { db } = await import("../db");
const { seedVocabularies } = await import("../../../prisma/seed-vocabularies");
const { importArticle, setArticlePublished } = await import("../review/articles");
const { saveAnnotation, reviewAnnotation, searchSources } = await import("../review/annotations");
const { getChainWarnings } = await import("../claims/chain-warnings");
const { getSourcePage } = await import("../claims/sources");
const { searchStatements } = await import("../claims/search");
const { chainWarningKey } = await import("@/lib/contracts/claims");
const { anonymousReader } = await import("../actors");
const { AccessDeniedError, ConflictError, DomainRuleError } = await import("../errors");
const sources = await import("./sources");
const { listAuditEvents } = await import("./audit-log");

type Fields = import("@/lib/contracts/review").SaveAnnotationInput["fields"];
let users: Awaited<ReturnType<typeof createReviewUsers>>;
const admin = () => testActor(users.ada);

const TEXT = [
  "The port authority said on Monday that cargo volumes fell by a tenth in the first half of the year.",
  "Officials at the port authority added that two berths would close for repairs in the autumn.",
  "A union spokesperson said the closures would cost forty jobs.",
].join("\n\n");

const fields = (chain: string[], speaker: string): Fields =>
  ({
    claimTypeSlug: "statistic",
    statusSlug: "unverified",
    attributionText: "said",
    speakerName: speaker,
    speakerKind: "organisation",
    speakerRole: null,
    claimDate: null,
    rationale: "",
    chain: chain.map((name) => ({ sourceId: null, name, kind: "organisation", url: null, date: null, note: null })),
    evidence: [],
  }) as Fields;

let articleId = "";
const annotationIds: string[] = [];

async function annotate(words: string, f: Fields) {
  const article = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { text: true, statements: { select: { id: true, start: true, end: true } } } });
  const s = article.statements.find((st) => article.text.slice(st.start, st.end).includes(words))!;
  const saved = await saveAnnotation(testActor(users.rita), { statementId: s.id, baseVersion: null, intent: "submit", fields: f });
  const acknowledgedWarnings = (await getChainWarnings(testActor(users.sam), saved.annotationId)).map(chainWarningKey);
  await reviewAnnotation(testActor(users.sam), { decision: "approve", annotationId: saved.annotationId, version: saved.version, acknowledgedWarnings });
  annotationIds.push(saved.annotationId);
  return saved.annotationId;
}

const hopSources = async (annotationId: string) => (await db.provenanceHop.findMany({ where: { annotationId }, orderBy: { position: "asc" } })).map((h) => h.sourceId);
const sourceNamed = (name: string) => db.source.findFirstOrThrow({ where: { name }, orderBy: { createdAt: "asc" } });

beforeAll(async () => {
  await seedVocabularies(db);
  users = await createReviewUsers(db);
  const article = await importArticle(testActor(users.rita), { title: "Port volumes fall", text: TEXT, outlet: "Harbour Times", language: "en" });
  articleId = article.id;
  await annotate("cargo volumes", fields(["Port Authority"], "Port Authority"));
  await annotate("two berths", fields(["The port authority"], "The port authority"));
  await annotate("forty jobs", fields(["Dockers' Union"], "Dockers' Union"));
  const a = await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { version: true } });
  await setArticlePublished(testActor(users.sam), { articleId, version: a.version, publish: true });
}, 60_000);

afterAll(async () => {
  await db.$disconnect();
  await removeTestDatabase(database);
});

describe("the sources list", () => {
  it("lists unmerged sources with usage and hints the duplicate spelled differently", async () => {
    const list = await sources.listAdminSources(admin(), { q: "port" });
    expect(list.sources.map((s) => s.name)).toEqual(["Port Authority", "The port authority"]);
    const first = list.sources[0];
    expect(first.usage).toEqual({ hops: 1, annotations: 1, articles: 1 });
    expect(first.likelyDuplicates).toEqual([expect.objectContaining({ name: "The port authority", reason: "same name" })]);
    const union = (await sources.listAdminSources(admin(), { q: "union" })).sources[0];
    expect(union.likelyDuplicates).toEqual([]);
  });

  it("is for admins only", async () => {
    await expect(sources.listAdminSources(testActor(users.rita), {})).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(sources.listAdminSources(anonymousReader(), {})).rejects.toBeInstanceOf(AccessDeniedError);
    const [a, b] = [await sourceNamed("Port Authority"), await sourceNamed("The port authority")];
    await expect(sources.mergeSource(testActor(users.rita), { sourceId: b.id, sourceVersion: 1, intoId: a.id, intoVersion: 1 })).rejects.toBeInstanceOf(AccessDeniedError);
  });
});

describe("merge and undo", () => {
  it("refuses a merge into itself, and a stale one", async () => {
    const a = await sourceNamed("Port Authority");
    const b = await sourceNamed("The port authority");
    await expect(sources.mergeSource(admin(), { sourceId: a.id, sourceVersion: a.version, intoId: a.id, intoVersion: a.version })).rejects.toThrow(/cannot be merged into itself/);
    await expect(sources.mergeSource(admin(), { sourceId: b.id, sourceVersion: b.version + 1, intoId: a.id, intoVersion: a.version })).rejects.toBeInstanceOf(ConflictError);
    expect((await db.source.findUniqueOrThrow({ where: { id: b.id } })).mergedIntoId).toBeNull();
  });

  it("moves every hop to the survivor in one audited step, redirects the old page and shows its statements on the survivor's", async () => {
    const a = await sourceNamed("Port Authority");
    const b = await sourceNamed("The port authority");
    const union = await sourceNamed("Dockers' Union");
    const preview = await sources.previewSourceMerge(admin(), b.id, a.id);
    expect(preview.source.usage).toEqual({ hops: 1, annotations: 1, articles: 1 });
    const movedHops = await db.provenanceHop.findMany({ where: { sourceId: b.id }, select: { id: true } });

    const result = await sources.mergeSource(admin(), { sourceId: b.id, sourceVersion: b.version, intoId: a.id, intoVersion: a.version });
    expect(result).toMatchObject({ hops: 1, annotations: 1, articles: 1, intoName: "Port Authority" });
    expect(await hopSources(annotationIds[0])).toEqual([a.id]);
    expect(await hopSources(annotationIds[1])).toEqual([a.id]);
    expect(await hopSources(annotationIds[2])).toEqual([union.id]);
    const merged = await db.source.findUniqueOrThrow({ where: { id: b.id } });
    expect(merged.mergedIntoId).toBe(a.id);
    expect(merged.mergedAt).not.toBeNull();

    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "source.merge", entityId: b.id } });
    expect(event.actorId).toBe(users.ada.id);
    expect(event.after).toMatchObject({ mergedIntoId: a.id, hopIds: movedHops.map((h) => h.id), redirectedSourceIds: [], annotations: 1, articles: 1 });
    // The audit log shows it as a recognised source event, labelled with the source's name.
    const logged = (await listAuditEvents(admin(), { entityType: "source" })).events[0];
    expect(logged).toMatchObject({ action: "source.merge", recognised: true, entityLabel: { text: "The port authority", current: true } });

    const oldPage = (await getSourcePage(anonymousReader(), b.id))!;
    expect(oldPage.source.mergedIntoId).toBe(a.id);
    const survivor = (await getSourcePage(anonymousReader(), a.id))!;
    expect(survivor.statements.map((s) => s.annotationId).sort()).toEqual([annotationIds[0], annotationIds[1]].sort());
    // The approved chain of the second statement still names the merged id: the survivor's filter includes it.
    const hits = (await searchStatements(anonymousReader(), { source: a.id }, { pageSize: 10 })).hits;
    expect(hits.map((h) => h.annotationId).sort()).toEqual([annotationIds[0], annotationIds[1]].sort());
    // The editor no longer offers the merged-away record.
    expect((await searchSources(testActor(users.rita), "Port Auth")).map((s) => s.id)).toEqual([a.id]);
    expect((await sources.listAdminSources(admin(), {})).merged.map((m) => [m.id, m.into.id])).toEqual([[b.id, a.id]]);
  });

  it("refuses to merge into a merged source, or to merge a merged source again", async () => {
    const a = await sourceNamed("Port Authority");
    const b = await sourceNamed("The port authority");
    const union = await sourceNamed("Dockers' Union");
    await expect(sources.mergeSource(admin(), { sourceId: union.id, sourceVersion: union.version, intoId: b.id, intoVersion: b.version })).rejects.toThrow(/itself been merged/);
    await expect(sources.mergeSource(admin(), { sourceId: b.id, sourceVersion: b.version, intoId: union.id, intoVersion: union.version })).rejects.toThrow(/already been merged/);
    await expect(sources.previewSourceMerge(admin(), a.id, b.id)).rejects.toBeInstanceOf(DomainRuleError);
  });

  it("undo moves exactly those rows back and clears merged-into; a stale undo is refused", async () => {
    const a = await sourceNamed("Port Authority");
    const b = await sourceNamed("The port authority");
    await expect(sources.unmergeSource(admin(), { sourceId: b.id, version: b.version - 1 })).rejects.toBeInstanceOf(ConflictError);
    const result = await sources.unmergeSource(admin(), { sourceId: b.id, version: b.version });
    expect(result).toMatchObject({ hops: 1, fromName: "Port Authority" });
    expect(await hopSources(annotationIds[0])).toEqual([a.id]);
    expect(await hopSources(annotationIds[1])).toEqual([b.id]);
    expect((await db.source.findUniqueOrThrow({ where: { id: b.id } })).mergedIntoId).toBeNull();
    const undo = await db.auditEvent.findFirstOrThrow({ where: { action: "source.unmerge", entityId: b.id } });
    expect(undo.before).toMatchObject({ mergedIntoId: a.id, hopIds: expect.any(Array) });
    expect(undo.after).toMatchObject({ mergedIntoId: null });
    expect((await getSourcePage(anonymousReader(), b.id))!.source.mergedIntoId).toBeNull();
    await expect(sources.unmergeSource(admin(), { sourceId: b.id, version: b.version + 2 })).rejects.toThrow(/nothing to undo/);
  });

  it("carries earlier redirects along, and undoes them too", async () => {
    const a = await sourceNamed("Port Authority");
    const b = await sourceNamed("The port authority");
    const extra = await db.source.create({ data: { name: "Port authority (press office)", kind: "organisation" } });
    await sources.mergeSource(admin(), { sourceId: extra.id, sourceVersion: 1, intoId: b.id, intoVersion: b.version });
    const b2 = await db.source.findUniqueOrThrow({ where: { id: b.id } });
    await sources.mergeSource(admin(), { sourceId: b.id, sourceVersion: b2.version, intoId: a.id, intoVersion: a.version });
    expect((await db.source.findUniqueOrThrow({ where: { id: extra.id } })).mergedIntoId).toBe(a.id);
    // The older merge cannot be undone while its survivor is itself merged.
    const extraNow = await db.source.findUniqueOrThrow({ where: { id: extra.id } });
    await expect(sources.unmergeSource(admin(), { sourceId: extra.id, version: extraNow.version })).rejects.toThrow(/does not match|undo that merge first/);
    const b3 = await db.source.findUniqueOrThrow({ where: { id: b.id } });
    await sources.unmergeSource(admin(), { sourceId: b.id, version: b3.version });
    expect((await db.source.findUniqueOrThrow({ where: { id: extra.id } })).mergedIntoId).toBe(b.id);
  });

  it("refuses an undo once a moved hop was edited since, changing nothing", async () => {
    const a = await sourceNamed("Port Authority");
    const union = await sourceNamed("Dockers' Union");
    const merged = await sources.mergeSource(admin(), { sourceId: union.id, sourceVersion: union.version, intoId: a.id, intoVersion: a.version });
    expect(merged.hops).toBe(1);
    // A reviewer re-saves the chain: its hop rows are replaced.
    const annotation = await db.annotation.findUniqueOrThrow({ where: { id: annotationIds[2] } });
    await saveAnnotation(testActor(users.tom), { statementId: annotation.statementId!, baseVersion: annotation.version, intent: "draft", fields: fields(["Dockers' Union press office"], "Dockers' Union") });
    const unionNow = await db.source.findUniqueOrThrow({ where: { id: union.id } });
    await expect(sources.unmergeSource(admin(), { sourceId: union.id, version: unionNow.version })).rejects.toThrow(/1 of the 1 chain hop moved by this merge has been edited or removed since/);
    expect((await db.source.findUniqueOrThrow({ where: { id: union.id } })).mergedIntoId).toBe(a.id);
  });
});
