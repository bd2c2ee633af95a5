import "server-only";
import { db, type Tx } from "../db";
import type { Actor, UserActor } from "../actors";
import { authorize } from "../authorize";
import { writeAudit } from "../audit";
import { DomainRuleError, NotFoundError } from "../errors";
import { flatSnapshot } from "../review/snapshot";
import { recordRevision, REVISION_INCLUDE } from "../review/revisions";
import type { CopiedFromDTO } from "@/lib/contracts/claims";
import type { AnnotationContentDTO } from "@/lib/domain/types";

/*
 * "Same claim, and copy its source chain and evidence": the earlier annotation's APPROVED chain hops (the same
 * Sources, so both appear on the source's page) and evidence replace this annotation's working chain and evidence.
 * Only the working copy changes: it becomes a draft, marked "copied from <annotation>, version n"; what readers see
 * (the approved snapshot) stays as it was until a second reviewer approves the new revision. The chain and evidence
 * it had before are in the previous revision row, which is what undo restores.
 */

const COPY_FIELDS = { copiedFromId: true, copiedFromVersion: true, copiedAtVersion: true } as const;

/** The version of the earlier annotation whose approved content is copied: its latest approval's revision number. */
async function approvedVersionOf(tx: Pick<Tx, "annotationRevision">, annotationId: string, fallback: number): Promise<number> {
  const row = await tx.annotationRevision.findFirst({ where: { annotationId, event: "approved" }, orderBy: { version: "desc" }, select: { version: true } });
  return row?.version ?? fallback;
}

function copiedNote(fromId: string, version: number): string {
  return `Chain and evidence copied from annotation ${fromId}, version ${version}.`;
}

/**
 * Copies `fromId`'s approved chain and evidence into `intoId`'s working copy, in the caller's transaction (the
 * "same claim" link is created in it too). `expectedVersion`, when given, refuses a stale copy.
 */
export async function copyChainInto(tx: Tx, user: UserActor, intoId: string, fromId: string, expectedVersion?: number): Promise<{ version: number; copiedFromVersion: number }> {
  const [into, from] = await Promise.all([
    tx.annotation.findUnique({ where: { id: intoId }, include: REVISION_INCLUDE }),
    tx.annotation.findUnique({ where: { id: fromId }, select: { id: true, version: true, approvedSnapshot: true } }),
  ]);
  if (!into || !from) throw new NotFoundError("Annotation");
  const content = from.approvedSnapshot as AnnotationContentDTO | null;
  if (!content) throw new DomainRuleError("The earlier annotation has no approved version, so there is no checked chain to copy.");
  if (expectedVersion !== undefined && into.version !== expectedVersion) {
    throw new DomainRuleError(`This annotation changed since you opened it (version ${expectedVersion}, now ${into.version}). Nothing was linked or copied; reload and try again.`);
  }
  const sourceIds = content.chain.map((h) => h.source.id);
  const known = new Set((await tx.source.findMany({ where: { id: { in: sourceIds } }, select: { id: true } })).map((s) => s.id));
  const hops = [...content.chain].sort((x, y) => x.position - y.position).filter((h) => known.has(h.source.id));
  const evidence = [...content.evidence].sort((x, y) => x.position - y.position);
  const copiedFromVersion = await approvedVersionOf(tx, from.id, from.version);

  const before = flatSnapshot(into);
  const version = into.version + 1;
  const updated = await tx.annotation.updateMany({
    where: { id: into.id, version: into.version },
    data: { workflowState: "draft", lastEditorId: user.id, copiedFromId: from.id, copiedFromVersion, copiedAtVersion: version, version },
  });
  if (updated.count === 0) throw new DomainRuleError("Someone else saved this annotation in the meantime. Nothing was linked or copied; reload and try again.");
  await tx.provenanceHop.deleteMany({ where: { annotationId: into.id } });
  await tx.evidenceLink.deleteMany({ where: { annotationId: into.id } });
  if (hops.length) await tx.provenanceHop.createMany({ data: hops.map((h, position) => ({ annotationId: into.id, position, sourceId: h.source.id, note: h.note })) });
  if (evidence.length) {
    await tx.evidenceLink.createMany({
      data: evidence.map((e, position) => ({ annotationId: into.id, position, url: e.url, title: e.title, stance: e.stance, archivedUrl: e.archivedUrl, note: e.note })),
    });
  }
  const afterRow = await tx.annotation.findUniqueOrThrow({ where: { id: into.id }, include: REVISION_INCLUDE });
  await writeAudit(tx, user, {
    action: "annotation.copy_chain",
    entityId: into.id,
    articleId: into.articleId,
    data: { before, after: { ...flatSnapshot(afterRow), copiedFrom: { annotationId: from.id, version: copiedFromVersion } } },
  });
  await recordRevision(tx, user, afterRow, "saved", copiedNote(from.id, copiedFromVersion));
  return { version, copiedFromVersion };
}

/**
 * On undoing a "same claim" link: if `intoId` still holds the chain copied from `fromId` unchanged (its version is
 * the one the copy made), restores the chain and evidence of the version before the copy and drops the marker.
 * Returns "restored", "kept" (edited since: the copy stays, as the reviewer's own work now) or "none".
 */
export async function undoChainCopy(tx: Tx, user: UserActor, intoId: string, fromId: string): Promise<"restored" | "kept" | "none"> {
  const into = await tx.annotation.findUnique({ where: { id: intoId }, include: REVISION_INCLUDE });
  if (!into || into.copiedFromId !== fromId || into.copiedAtVersion === null) return "none";
  if (into.version !== into.copiedAtVersion) return "kept";
  const previous = await tx.annotationRevision.findUnique({ where: { annotationId_version: { annotationId: into.id, version: into.version - 1 } }, select: { content: true } });
  const content = previous?.content as AnnotationContentDTO | null | undefined;
  if (!content || !Array.isArray(content.chain) || !Array.isArray(content.evidence)) return "kept";
  const known = new Set((await tx.source.findMany({ where: { id: { in: content.chain.map((h) => h.source.id) } }, select: { id: true } })).map((s) => s.id));

  const before = flatSnapshot(into);
  const updated = await tx.annotation.updateMany({
    where: { id: into.id, version: into.version },
    data: { lastEditorId: user.id, copiedFromId: null, copiedFromVersion: null, copiedAtVersion: null, version: { increment: 1 } },
  });
  if (updated.count === 0) return "kept";
  await tx.provenanceHop.deleteMany({ where: { annotationId: into.id } });
  await tx.evidenceLink.deleteMany({ where: { annotationId: into.id } });
  const hops = [...content.chain].sort((x, y) => x.position - y.position).filter((h) => known.has(h.source.id));
  if (hops.length) await tx.provenanceHop.createMany({ data: hops.map((h, position) => ({ annotationId: into.id, position, sourceId: h.source.id, note: h.note })) });
  if (content.evidence.length) {
    await tx.evidenceLink.createMany({
      data: [...content.evidence]
        .sort((x, y) => x.position - y.position)
        .map((e, position) => ({ annotationId: into.id, position, url: e.url, title: e.title, stance: e.stance, archivedUrl: e.archivedUrl, note: e.note })),
    });
  }
  const afterRow = await tx.annotation.findUniqueOrThrow({ where: { id: into.id }, include: REVISION_INCLUDE });
  await writeAudit(tx, user, { action: "annotation.update", entityId: into.id, articleId: into.articleId, data: { before, after: flatSnapshot(afterRow) } });
  await recordRevision(tx, user, afterRow, "saved", "The copied chain and evidence were removed with the “same claim” link (undo).");
  return "restored";
}

/** Reviewer: where this annotation's working chain and evidence were copied from, if they were. */
export async function getCopiedFrom(actor: Actor, annotationId: string): Promise<CopiedFromDTO | null> {
  authorize(actor, "edit");
  const a = await db.annotation.findUnique({
    where: { id: annotationId },
    select: {
      ...COPY_FIELDS,
      copiedFrom: { select: { id: true, approvedQuote: true, quoteExact: true, article: { select: { id: true, slug: true, title: true, state: true } } } },
    },
  });
  if (!a?.copiedFrom || a.copiedFromVersion === null) return null;
  const from = a.copiedFrom;
  const published = from.article.state === "published";
  return {
    annotationId: from.id,
    version: a.copiedFromVersion,
    quote: from.approvedQuote ?? from.quoteExact,
    article: { id: from.article.id, slug: from.article.slug, title: from.article.title, published },
    href: published ? `/articles/${encodeURIComponent(from.article.slug)}?annotation=${encodeURIComponent(from.id)}` : `/review/articles/${encodeURIComponent(from.article.id)}`,
  };
}
