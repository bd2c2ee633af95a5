import "server-only";
import { db, type Tx } from "../db";
import type { Actor } from "../actors";
import { authorize } from "../authorize";
import { NotFoundError } from "../errors";
import type { ClusterVerdictDTO } from "@/lib/contracts/claims";
import type { AnnotationContentDTO } from "@/lib/domain/types";

/*
 * "Approving a verdict that differs from the cluster's most recent published verdict requires a note." The cluster
 * is the connected "same" links (ClaimLink) around the annotation; its published verdicts are the approved content
 * of the other members whose article is published. The most recent is the latest approval.
 */

interface Row {
  id: string;
  approvedQuote: string | null;
  approvedSnapshot: unknown;
  approvedAt: Date;
  slug: string;
  title: string;
}

/** The most recent published verdict of another member of `annotationId`'s claim cluster, or null. */
export async function latestClusterVerdict(tx: Pick<Tx, "$queryRaw">, annotationId: string): Promise<ClusterVerdictDTO | null> {
  const rows = await tx.$queryRaw<Row[]>`
    WITH RECURSIVE
      edges AS (
        SELECT "annotationAId" AS x, "annotationBId" AS y FROM "ClaimLink" WHERE "relation" = 'same'
        UNION ALL
        SELECT "annotationBId" AS x, "annotationAId" AS y FROM "ClaimLink" WHERE "relation" = 'same'
      ),
      cluster(member) AS (
        SELECT ${annotationId}::text
        UNION
        SELECT e.y FROM cluster c JOIN edges e ON e.x = c.member
      )
    SELECT m."id", m."approvedQuote", m."approvedSnapshot", m."approvedAt", ar."slug", ar."title"
    FROM cluster c
    JOIN "Annotation" m ON m."id" = c.member
    JOIN "Article" ar ON ar."id" = m."articleId"
    WHERE c.member <> ${annotationId} AND ar."state" = 'published' AND m."approvedSnapshot" IS NOT NULL AND m."approvedAt" IS NOT NULL
    ORDER BY m."approvedAt" DESC, m."id" DESC
    LIMIT 1`;
  const row = rows[0];
  if (!row) return null;
  const content = row.approvedSnapshot as AnnotationContentDTO;
  return {
    annotationId: row.id,
    verdict: { slug: content.status.slug, label: content.status.label, color: content.status.color },
    quote: row.approvedQuote ?? "",
    article: { slug: row.slug, title: row.title },
    approvedAt: row.approvedAt.toISOString(),
    permalink: `/articles/${encodeURIComponent(row.slug)}?annotation=${encodeURIComponent(row.id)}`,
  };
}

/**
 * Reviewer: the cluster's most recent published verdict when it differs from the verdict of this annotation's
 * working copy (what an approval would publish), else null. The approve form then asks for a note.
 */
export async function getConsistencyConflict(actor: Actor, annotationId: string): Promise<ClusterVerdictDTO | null> {
  authorize(actor, "edit");
  const a = await db.annotation.findUnique({ where: { id: annotationId }, select: { status: { select: { slug: true } } } });
  if (!a) throw new NotFoundError("Annotation");
  const earlier = await latestClusterVerdict(db, annotationId);
  return earlier && earlier.verdict.slug !== a.status.slug ? earlier : null;
}
