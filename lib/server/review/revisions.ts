import "server-only";
import type { Tx } from "../db";
import type { UserActor } from "../actors";
import { Prisma } from "../generated/prisma/client";
import { toAnnotationContent, type AnnotationContentSource } from "@/lib/domain/annotation-content";
import type { AnnotationContentDTO } from "@/lib/domain/types";
import { revisionEditors, type RevisionEvent } from "@/lib/workflow/transitions";
import { ANNOTATION_CONTENT_INCLUDE, flatFromContent, type FlatSnapshot } from "./snapshot";

/*
 * Revisions as data: every change that makes a new version of an annotation writes one AnnotationRevision row, in
 * the transaction of the change. The two-person rule (editorsOf), conflict diffs (revisionAt) and the public verdict
 * history read these rows, never the audit log.
 */

/** What recordRevision needs of the annotation: its content with relations, span, state, version, article revision. */
export const REVISION_INCLUDE = {
  ...ANNOTATION_CONTENT_INCLUDE,
  statement: { select: { start: true, end: true } },
  article: { select: { revision: true } },
};

export interface RevisionSource extends AnnotationContentSource {
  id: string;
  version: number;
  workflowState: string;
  /** Null for an orphaned annotation: the row keeps the span it last had, on the revision it had it. */
  statement: { start: number; end: number } | null;
  article: { revision: number };
}

/**
 * Records a version of the annotation, in the transaction of the change that made it: `a` is the annotation as of
 * that version (load it with REVISION_INCLUDE after the change, or pass the loaded row with the new version/state).
 */
export async function recordRevision(tx: Tx, actor: UserActor, a: RevisionSource, event: RevisionEvent, comment?: string | null): Promise<void> {
  const previous = await tx.annotationRevision.findFirst({
    where: { annotationId: a.id },
    orderBy: { version: "desc" },
    select: { event: true, editorIds: true, start: true, end: true, articleRevision: true },
  });
  const span = a.statement
    ? { start: a.statement.start, end: a.statement.end, articleRevision: a.article.revision }
    : previous
      ? { start: previous.start, end: previous.end, articleRevision: previous.articleRevision }
      : null;
  if (!span) throw new Error(`Annotation ${a.id} has neither a statement nor an earlier revision to take its span from.`);
  const content = toAnnotationContent(a);
  await tx.annotationRevision.create({
    data: {
      annotationId: a.id,
      version: a.version,
      event,
      workflowState: a.workflowState,
      content: content as unknown as Prisma.InputJsonValue,
      statusSlug: a.status.slug,
      typeSlug: a.claimType.slug,
      start: span.start,
      end: span.end,
      articleRevision: span.articleRevision,
      editorIds: revisionEditors(previous, event, actor.id),
      actorId: actor.id,
      approverId: event === "approved" ? actor.id : null,
      comment: comment ?? null,
    },
  });
}

/** As recordRevision, loading the annotation as it is now in `tx`. */
export async function recordCurrentRevision(tx: Tx, actor: UserActor, annotationId: string, event: RevisionEvent, comment?: string | null): Promise<void> {
  const a = await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, include: REVISION_INCLUDE });
  await recordRevision(tx, actor, a, event, comment);
}

/** Who edited the revision now under review, per annotation: the latest revision row's editors. */
export async function editorsOf(tx: Pick<Tx, "annotationRevision">, annotationIds: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>(annotationIds.map((id) => [id, new Set<string>()]));
  if (annotationIds.length === 0) return out;
  const latest = await tx.annotationRevision.findMany({
    where: { annotationId: { in: annotationIds } },
    distinct: ["annotationId"],
    orderBy: [{ annotationId: "asc" }, { version: "desc" }],
    select: { annotationId: true, editorIds: true },
  });
  for (const row of latest) out.set(row.annotationId, new Set(row.editorIds));
  return out;
}

/** The content as it was at `version` (the latest revision at or before it), flat for a field diff; null if unknown. */
export async function revisionAt(tx: Pick<Tx, "annotationRevision">, annotationId: string, version: number): Promise<FlatSnapshot | null> {
  const row = await tx.annotationRevision.findFirst({
    where: { annotationId, version: { lte: version } },
    orderBy: { version: "desc" },
    select: { content: true, workflowState: true, version: true },
  });
  return row ? flatFromContent(row.content as unknown as AnnotationContentDTO, row.workflowState, row.version) : null;
}

/** Every approval of these annotations, oldest first: the verdict approved, who approved it, when. */
export async function approvalsOf(tx: Pick<Tx, "annotationRevision">, annotationIds: string[]) {
  if (annotationIds.length === 0) return [];
  return tx.annotationRevision.findMany({
    where: { annotationId: { in: annotationIds }, event: "approved" },
    orderBy: [{ createdAt: "asc" }, { version: "asc" }],
    select: { annotationId: true, statusSlug: true, createdAt: true, approver: { select: { name: true } } },
  });
}
