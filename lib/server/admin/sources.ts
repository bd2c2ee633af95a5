import "server-only";
import { db, type Tx } from "../db";
import { writeAudit } from "../audit";
import type { Actor } from "../actors";
import { authorize } from "../authorize";
import { ConflictError, DomainRuleError, NotFoundError } from "../errors";
import { invalidateArticle, invalidateSource } from "../cache";
import { Prisma } from "../generated/prisma/client";
import { readAuditEvent } from "@/lib/contracts/audit-events";
import { MergeSourceSchema, SourceListQuerySchema, UnmergeSourceSchema, type MergeSourceInput, type UnmergeSourceInput } from "@/lib/contracts/admin";
import type { AdminSourceDTO, AdminSourceListDTO, SourceMergePreviewDTO, SourceUsageDTO } from "@/lib/contracts/admin-dto";
import { normaliseName } from "@/lib/provenance/names";
import { parseInput } from "./common";

export type { AdminSourceDTO, AdminSourceListDTO, SourceMergePreviewDTO };

export const SOURCE_PAGE_SIZE = 25;
/** Trigram similarity (pg_trgm, 0..1) above which two names are offered as likely duplicates. */
const SIMILAR_NAME = 0.5;
const MAX_DUPLICATE_HINTS = 3;

type SourceRow = { id: string; name: string; kind: string; url: string | null; date: string | null; version: number; mergedIntoId: string | null };

const view = (s: SourceRow) => ({ name: s.name, kind: s.kind, url: s.url, date: s.date });

async function usageOf(ids: string[]): Promise<Map<string, SourceUsageDTO>> {
  if (ids.length === 0) return new Map();
  const rows = await db.$queryRaw<{ sourceId: string; hops: bigint; annotations: bigint; articles: bigint }[]>`
    SELECT h."sourceId", COUNT(*) AS hops, COUNT(DISTINCT h."annotationId") AS annotations, COUNT(DISTINCT a."articleId") AS articles
    FROM "ProvenanceHop" h JOIN "Annotation" a ON a."id" = h."annotationId"
    WHERE h."sourceId" IN (${Prisma.join(ids)})
    GROUP BY h."sourceId"`;
  return new Map(rows.map((r) => [r.sourceId, { hops: Number(r.hops), annotations: Number(r.annotations), articles: Number(r.articles) }]));
}

/** For each source, up to three unmerged others with the same normalised name or a similar one (pg_trgm). */
async function duplicatesOf(sources: SourceRow[]): Promise<Map<string, AdminSourceDTO["likelyDuplicates"]>> {
  const out = new Map<string, AdminSourceDTO["likelyDuplicates"]>();
  if (sources.length === 0) return out;
  const rows = await db.$queryRaw<{ forId: string; forName: string; id: string; name: string; kind: string }[]>`
    SELECT s."id" AS "forId", s."name" AS "forName", d."id", d."name", d."kind"
    FROM "Source" s
    CROSS JOIN LATERAL (
      SELECT o."id", o."name", o."kind" FROM "Source" o
      WHERE o."id" <> s."id" AND o."mergedIntoId" IS NULL AND (lower(o."name") = lower(s."name") OR (o."name" % s."name" AND similarity(o."name", s."name") >= ${SIMILAR_NAME}))
      ORDER BY similarity(o."name", s."name") DESC, o."createdAt" ASC
      LIMIT 10
    ) d
    WHERE s."id" IN (${Prisma.join(sources.map((s) => s.id))})`;
  for (const r of rows) {
    const list = out.get(r.forId) ?? [];
    const same = normaliseName(r.name) === normaliseName(r.forName);
    list.push({ id: r.id, name: r.name, kind: r.kind, reason: same ? "same name" : "similar name" });
    out.set(r.forId, list);
  }
  for (const [id, list] of out) out.set(id, list.sort((a, b) => (a.reason === b.reason ? 0 : a.reason === "same name" ? -1 : 1)).slice(0, MAX_DUPLICATE_HINTS));
  return out;
}

async function toDTOs(rows: SourceRow[]): Promise<AdminSourceDTO[]> {
  const [usage, duplicates] = await Promise.all([usageOf(rows.map((r) => r.id)), duplicatesOf(rows)]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind,
    url: r.url,
    date: r.date,
    version: r.version,
    usage: usage.get(r.id) ?? { hops: 0, annotations: 0, articles: 0 },
    likelyDuplicates: duplicates.get(r.id) ?? [],
  }));
}

const SOURCE_SELECT = { id: true, name: true, kind: true, url: true, date: true, version: true, mergedIntoId: true } as const;

/** Admin: unmerged sources by name (searchable, a page at a time) with usage and duplicate hints, and the merged ones. */
export async function listAdminSources(actor: Actor, input: unknown): Promise<AdminSourceListDTO> {
  authorize(actor, "merge_sources");
  const query = SourceListQuerySchema.parse(input ?? {});
  const where: Prisma.SourceWhereInput = { mergedIntoId: null, ...(query.q ? { name: { contains: query.q, mode: "insensitive" } } : {}) };
  const total = await db.source.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / SOURCE_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  const [rows, merged] = await Promise.all([
    db.source.findMany({ where, orderBy: [{ name: "asc" }, { createdAt: "asc" }, { id: "asc" }], skip: (page - 1) * SOURCE_PAGE_SIZE, take: SOURCE_PAGE_SIZE, select: SOURCE_SELECT }),
    db.source.findMany({
      where: { mergedIntoId: { not: null } },
      orderBy: [{ mergedAt: "desc" }, { id: "asc" }],
      take: 50,
      select: { id: true, name: true, version: true, mergedAt: true, mergedInto: { select: { id: true, name: true } } },
    }),
  ]);
  return {
    sources: await toDTOs(rows),
    page,
    pageCount,
    total,
    merged: merged.map((m) => ({ id: m.id, name: m.name, version: m.version, mergedAt: (m.mergedAt ?? new Date(0)).toISOString(), into: m.mergedInto! })),
  };
}

/** Admin: one unmerged source with its usage and duplicate hints, or null. */
export async function getAdminSource(actor: Actor, id: string): Promise<(AdminSourceDTO & { mergedIntoId: string | null }) | null> {
  authorize(actor, "merge_sources");
  const row = await db.source.findUnique({ where: { id }, select: SOURCE_SELECT });
  if (!row) return null;
  return { ...(await toDTOs([row]))[0], mergedIntoId: row.mergedIntoId };
}

/** Admin: what merging `sourceId` into `intoId` would move, or a refusal (the same checks the merge makes). */
export async function previewSourceMerge(actor: Actor, sourceId: string, intoId: string): Promise<SourceMergePreviewDTO> {
  authorize(actor, "merge_sources");
  const rows = await db.source.findMany({ where: { id: { in: [sourceId, intoId] } }, select: SOURCE_SELECT });
  const source = rows.find((r) => r.id === sourceId);
  const into = rows.find((r) => r.id === intoId);
  checkMergeable(source, into);
  const [dtos, redirects] = await Promise.all([toDTOs([source!, into!]), db.source.count({ where: { mergedIntoId: sourceId } })]);
  return { source: dtos[0], into: dtos[1], redirects };
}

function checkMergeable(source: SourceRow | undefined, into: SourceRow | undefined): asserts source is SourceRow {
  if (!source) throw new NotFoundError("Source");
  if (!into) throw new NotFoundError("The source to merge into");
  if (source.id === into.id) throw new DomainRuleError("A source cannot be merged into itself: choose another source.", "intoId");
  if (source.mergedIntoId) throw new DomainRuleError(`“${source.name}” has already been merged into another source.`, "sourceId");
  if (into.mergedIntoId) throw new DomainRuleError(`“${into.name}” has itself been merged into another source: merge into that one instead.`, "intoId");
}

async function lockSources(tx: Tx, ids: string[]): Promise<SourceRow[]> {
  return tx.$queryRaw<SourceRow[]>`
    SELECT "id", "name", "kind", "url", "date", "version", "mergedIntoId" FROM "Source" WHERE "id" IN (${Prisma.join(ids)}) ORDER BY "id" FOR UPDATE`;
}

async function publishedSlugsOfHops(tx: Tx, hopIds: string[]): Promise<string[]> {
  if (hopIds.length === 0) return [];
  const rows = await tx.article.findMany({ where: { state: "published", annotations: { some: { chain: { some: { id: { in: hopIds } } } } } }, select: { slug: true } });
  return rows.map((r) => r.slug);
}

export interface SourceMergeResult {
  sourceId: string;
  intoId: string;
  intoName: string;
  hops: number;
  annotations: number;
  articles: number;
}

/**
 * Admin: merges a duplicate source into another, in one transaction. Every chain hop through it moves to the survivor,
 * and so do the redirects of sources merged into it before; the row stays, marked merged-into (its page redirects).
 * The audit event records exactly which rows moved, for the undo. Refuses a merge into itself or into a merged
 * source, and a merge of either source changed since the admin saw it (versions).
 */
export async function mergeSource(actor: Actor, input: MergeSourceInput): Promise<SourceMergeResult> {
  authorize(actor, "merge_sources");
  const data = parseInput(MergeSourceSchema, input);
  const result = await db.$transaction(async (tx) => {
    const rows = await lockSources(tx, [data.sourceId, data.intoId]);
    const source = rows.find((r) => r.id === data.sourceId);
    const into = rows.find((r) => r.id === data.intoId);
    checkMergeable(source, into);
    const target = into!;
    if (source.version !== data.sourceVersion || target.version !== data.intoVersion) {
      throw new ConflictError("One of these sources changed since you opened this page (another admin merged or undid a merge). Nothing was merged: review the preview again.");
    }
    const hops = await tx.provenanceHop.findMany({ where: { sourceId: source.id }, select: { id: true, annotationId: true, annotation: { select: { articleId: true } } }, orderBy: { id: "asc" } });
    const redirected = await tx.source.findMany({ where: { mergedIntoId: source.id }, select: { id: true }, orderBy: { id: "asc" } });
    const hopIds = hops.map((h) => h.id);
    const redirectedSourceIds = redirected.map((r) => r.id);
    if (hopIds.length) await tx.provenanceHop.updateMany({ where: { id: { in: hopIds } }, data: { sourceId: target.id } });
    if (redirectedSourceIds.length) await tx.source.updateMany({ where: { id: { in: redirectedSourceIds } }, data: { mergedIntoId: target.id } });
    await tx.source.update({ where: { id: source.id }, data: { mergedIntoId: target.id, mergedAt: new Date(), version: { increment: 1 } } });
    await tx.source.update({ where: { id: target.id }, data: { version: { increment: 1 } } });
    const annotations = new Set(hops.map((h) => h.annotationId)).size;
    const articles = new Set(hops.map((h) => h.annotation.articleId)).size;
    await writeAudit(tx, actor, {
      action: "source.merge",
      entityId: source.id,
      data: {
        before: { ...view(source), mergedIntoId: null },
        after: { ...view(source), mergedIntoId: target.id, mergedIntoName: target.name, hopIds, redirectedSourceIds, annotations, articles },
      },
    });
    const slugs = await publishedSlugsOfHops(tx, hopIds);
    return { result: { sourceId: source.id, intoId: target.id, intoName: target.name, hops: hopIds.length, annotations, articles }, slugs, redirectedSourceIds };
  });
  for (const slug of result.slugs) invalidateArticle(slug);
  for (const id of [data.sourceId, data.intoId, ...result.redirectedSourceIds]) invalidateSource(id);
  return result.result;
}

export interface SourceUnmergeResult {
  sourceId: string;
  name: string;
  fromName: string;
  hops: number;
}

/**
 * Admin: undoes a merge: moves exactly the rows the merge's audit event recorded back to the merged source and clears
 * its merged-into. Refuses, changing nothing, when that is no longer exact: the survivor was merged on, a moved hop
 * was edited or removed since, or a redirect was changed.
 */
export async function unmergeSource(actor: Actor, input: UnmergeSourceInput): Promise<SourceUnmergeResult> {
  authorize(actor, "merge_sources");
  const data = parseInput(UnmergeSourceSchema, input);
  const result = await db.$transaction(async (tx) => {
    const [source] = await lockSources(tx, [data.sourceId]);
    if (!source) throw new NotFoundError("Source");
    if (!source.mergedIntoId) throw new DomainRuleError(`“${source.name}” is not merged into another source: there is nothing to undo.`);
    if (source.version !== data.version) throw new ConflictError("This source changed since you opened this page (another admin merged or undid a merge). Nothing was undone: reload and try again.");
    const event = await tx.auditEvent.findFirst({ where: { action: "source.merge", entityId: source.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    const merge = event ? readAuditEvent(event) : null;
    if (!merge || merge.action !== "source.merge" || merge.after.mergedIntoId !== source.mergedIntoId) {
      throw new DomainRuleError(`The record of how “${source.name}” was merged is missing or does not match it, so the merge cannot be undone safely.`);
    }
    const record = merge.after;
    const [into] = await lockSources(tx, [record.mergedIntoId]);
    if (!into) throw new DomainRuleError(`The source “${record.mergedIntoName}” no longer exists, so the merge cannot be undone safely.`);
    if (into.mergedIntoId) throw new DomainRuleError(`“${into.name}” has since been merged into another source: undo that merge first.`);
    const stillMoved = await tx.provenanceHop.count({ where: { id: { in: record.hopIds }, sourceId: into.id } });
    if (stillMoved !== record.hopIds.length) {
      const changed = record.hopIds.length - stillMoved;
      throw new DomainRuleError(
        `${changed} of the ${record.hopIds.length} chain ${record.hopIds.length === 1 ? "hop" : "hops"} moved by this merge ${changed === 1 ? "has" : "have"} been edited or removed since, so the merge cannot be undone exactly. Nothing was changed: correct those chains by hand instead.`,
      );
    }
    const stillRedirected = await tx.source.count({ where: { id: { in: record.redirectedSourceIds }, mergedIntoId: into.id } });
    if (stillRedirected !== record.redirectedSourceIds.length) {
      throw new DomainRuleError("A source that was redirected by this merge has been changed since, so the merge cannot be undone exactly. Nothing was changed.");
    }
    if (record.hopIds.length) await tx.provenanceHop.updateMany({ where: { id: { in: record.hopIds } }, data: { sourceId: source.id } });
    if (record.redirectedSourceIds.length) await tx.source.updateMany({ where: { id: { in: record.redirectedSourceIds } }, data: { mergedIntoId: source.id } });
    await tx.source.update({ where: { id: source.id }, data: { mergedIntoId: null, mergedAt: null, version: { increment: 1 } } });
    await tx.source.update({ where: { id: into.id }, data: { version: { increment: 1 } } });
    await writeAudit(tx, actor, { action: "source.unmerge", entityId: source.id, data: { before: { ...view(source), ...record }, after: { ...view(source), mergedIntoId: null } } });
    const slugs = await publishedSlugsOfHops(tx, record.hopIds);
    return { result: { sourceId: source.id, name: source.name, fromName: into.name, hops: record.hopIds.length }, slugs, ids: [source.id, into.id, ...record.redirectedSourceIds] };
  });
  for (const slug of result.slugs) invalidateArticle(slug);
  for (const id of result.ids) invalidateSource(id);
  return result.result;
}
