import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "./db";
import { PUBLIC_ARTICLES_TAG, VOCABULARY_TAG, articleTag } from "./cache";
import { loadVocabulary } from "./vocabulary";
import type { Actor } from "./actors";
import { authorize } from "./authorize";
import { isPlausibleSlug } from "./reader";
import { diffWords, type WordDiffPart } from "@/lib/anchoring/text-diff";
import { Prisma } from "./generated/prisma/client";

/*
 * The public corrections log and the article change view. Everything here is public and cached under the reader's
 * tags (an approval, a deletion or a correction calls invalidateArticle, which expires them).
 *
 * What counts as a correction of published work: a text correction of a published article; a published annotation
 * whose wording changed (under re-review) or that the correction removed; an approval that changed a published
 * verdict; an approval a reader's accepted report led to; the withdrawal of a published annotation (confirmed by a
 * second reviewer; before that, a deletion).
 */

export type CorrectionKind = "text" | "wording" | "removed" | "verdict" | "revised" | "withdrawn";

export interface CorrectionLogEntry {
  kind: CorrectionKind;
  at: string;
  articleSlug: string;
  articleTitle: string;
  /** Before → after: verdict labels, quotes, or revision names, depending on the kind. */
  before: string | null;
  after: string | null;
  reason: string | null;
  /** An accepted reader report links the revision this entry records. */
  readerReported: boolean;
}

export const CORRECTIONS_PAGE_SIZE = 25;

interface Row {
  kind: CorrectionKind;
  at: Date;
  slug: string;
  title: string;
  before: string | null;
  after: string | null;
  reason: string | null;
  readerReported: boolean;
}

/** The union of every correction of published work, newest first (a SQL fragment: callers page or count it). */
const CORRECTIONS_SQL = Prisma.sql`
  WITH approvals AS (
    SELECT r."id", r."annotationId", r."createdAt", r."statusSlug", r."comment",
           LAG(r."statusSlug") OVER (PARTITION BY r."annotationId" ORDER BY r."version") AS "previousStatus",
           EXISTS (SELECT 1 FROM "ReaderReport" rr WHERE rr."acceptedRevisionId" = r."id" AND rr."state" = 'accepted') AS "readerReported"
    FROM "AnnotationRevision" r WHERE r."event" = 'approved'
  )
  SELECT 'verdict' AS kind, a."createdAt" AS at, art."slug", art."title", a."previousStatus" AS before, a."statusSlug" AS after, a."comment" AS reason,
         a."readerReported" AS "readerReported"
  FROM approvals a JOIN "Annotation" ann ON ann."id" = a."annotationId" JOIN "Article" art ON art."id" = ann."articleId"
  WHERE art."state" = 'published' AND a."previousStatus" IS NOT NULL AND a."previousStatus" <> a."statusSlug"
  UNION ALL
  -- An approval a reader's accepted report led to that did not change the verdict (the attribution, the chain, …).
  SELECT 'revised', a."createdAt", art."slug", art."title", NULL, NULL, a."comment", TRUE
  FROM approvals a JOIN "Annotation" ann ON ann."id" = a."annotationId" JOIN "Article" art ON art."id" = ann."articleId"
  WHERE art."state" = 'published' AND a."readerReported" AND a."previousStatus" IS NOT DISTINCT FROM a."statusSlug"
  UNION ALL
  SELECT CASE e."after"->>'outcome' WHEN 'orphaned' THEN 'removed' ELSE 'wording' END, e."createdAt", art."slug", art."title",
         e."before"->>'quote', e."after"->>'quote', v."reason", FALSE
  FROM "AuditEvent" e JOIN "Article" art ON art."id" = e."articleId"
  LEFT JOIN "ArticleVersion" v ON v."articleId" = art."id" AND v."revision" = (e."after"->>'articleRevision')::int
  WHERE e."action" = 'annotation.reanchor' AND e."after"->>'outcome' IN ('changed', 'orphaned') AND art."state" = 'published'
    AND EXISTS (SELECT 1 FROM "AnnotationRevision" r WHERE r."annotationId" = e."entityId" AND r."event" = 'approved' AND r."createdAt" <= e."createdAt")
  UNION ALL
  SELECT 'text', e."createdAt", art."slug", art."title", 'revision ' || (e."before"->>'revision'), 'revision ' || (e."after"->>'revision'), e."comment", FALSE
  FROM "AuditEvent" e JOIN "Article" art ON art."id" = e."articleId"
  WHERE e."action" = 'article.correct' AND art."state" = 'published'
  UNION ALL
  SELECT 'withdrawn', e."createdAt", art."slug", art."title", e."before"->>'quote', NULL, e."comment", FALSE
  FROM "AuditEvent" e JOIN "Article" art ON art."id" = e."articleId"
  WHERE e."action" = 'annotation.delete' AND jsonb_typeof(e."before"->'approvedSnapshot') = 'object' AND art."state" = 'published'
  UNION ALL
  SELECT 'withdrawn', e."createdAt", art."slug", art."title", e."before"->>'quote', NULL, e."comment", FALSE
  FROM "AuditEvent" e JOIN "Article" art ON art."id" = e."articleId"
  WHERE e."action" = 'annotation.removal_confirm' AND art."state" = 'published'
`;

async function loadCorrectionsPage(page: number): Promise<{ entries: CorrectionLogEntry[]; total: number }> {
  const [rows, [{ total }], vocabulary] = await Promise.all([
    db.$queryRaw<Row[]>`SELECT * FROM (${CORRECTIONS_SQL}) c ORDER BY c.at DESC, c.slug ASC LIMIT ${CORRECTIONS_PAGE_SIZE} OFFSET ${page * CORRECTIONS_PAGE_SIZE}`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM (${CORRECTIONS_SQL}) c`,
    loadVocabulary(),
  ]);
  const label = new Map(vocabulary.statuses.map((s) => [s.slug, s.label]));
  const entries = rows.map((r) => ({
    kind: r.kind,
    at: r.at.toISOString(),
    articleSlug: r.slug,
    articleTitle: r.title,
    before: r.kind === "verdict" && r.before ? (label.get(r.before) ?? r.before) : r.before,
    after: r.kind === "verdict" && r.after ? (label.get(r.after) ?? r.after) : r.after,
    reason: r.reason,
    readerReported: r.readerReported,
  }));
  return { entries, total };
}

async function loadCorrectionsSince(sinceIso: string): Promise<number> {
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM (${CORRECTIONS_SQL}) c WHERE c.at >= ${new Date(sinceIso)}`;
  return n;
}

/** Public: one page (0-based) of the corrections log, newest first, and how many entries there are. */
export async function listPublicCorrections(actor: Actor, page = 0): Promise<{ entries: CorrectionLogEntry[]; total: number; page: number; pageCount: number }> {
  authorize(actor, "read_published");
  const safePage = Number.isSafeInteger(page) && page >= 0 ? page : 0;
  const { entries, total } = await unstable_cache(loadCorrectionsPage, ["corrections:page"], { tags: [PUBLIC_ARTICLES_TAG, VOCABULARY_TAG] })(safePage);
  return { entries, total, page: safePage, pageCount: Math.max(1, Math.ceil(total / CORRECTIONS_PAGE_SIZE)) };
}

/** Public: corrections of published work in the 12 months before `now`. */
export async function countCorrectionsLastYear(actor: Actor, now = new Date()): Promise<number> {
  authorize(actor, "read_published");
  const since = new Date(now);
  since.setUTCFullYear(since.getUTCFullYear() - 1);
  since.setUTCHours(0, 0, 0, 0);
  return unstable_cache(loadCorrectionsSince, ["corrections:since"], { tags: [PUBLIC_ARTICLES_TAG] })(since.toISOString());
}

export interface ArticleChangesView {
  slug: string;
  title: string;
  versions: Array<{ revision: number; createdAt: string; reason: string | null }>;
  from: number;
  to: number;
  /** Readers saw version `from` (the article was published before this correction): it has an "As checked" page. */
  fromWasPublic: boolean;
  diff: WordDiffPart[];
}

async function loadArticleChanges(slug: string, to: number | null): Promise<ArticleChangesView | null> {
  const article = await db.article.findFirst({ where: { slug, state: "published" }, select: { id: true, slug: true, title: true, revision: true, firstPublishedAt: true } });
  if (!article || article.revision < 2) return null;
  const target = to !== null && to >= 2 && to <= article.revision ? to : article.revision;
  const [versions, pair] = await Promise.all([
    db.articleVersion.findMany({ where: { articleId: article.id }, orderBy: { revision: "asc" }, select: { revision: true, createdAt: true, reason: true } }),
    db.articleVersion.findMany({ where: { articleId: article.id, revision: { in: [target - 1, target] } }, orderBy: { revision: "asc" }, select: { revision: true, text: true } }),
  ]);
  if (pair.length !== 2) return null;
  return {
    slug: article.slug,
    title: article.title,
    versions: versions.map((v) => ({ revision: v.revision, createdAt: v.createdAt.toISOString(), reason: v.reason })),
    from: target - 1,
    to: target,
    fromWasPublic: article.firstPublishedAt !== null && article.firstPublishedAt < (versions.find((v) => v.revision === target)?.createdAt ?? article.firstPublishedAt),
    diff: diffWords(pair[0].text, pair[1].text),
  };
}

/** Public: the word-level diff between version `to` − 1 and `to` (default: the latest) of a published article, or null. */
export async function getArticleChanges(actor: Actor, slug: string, to: number | null = null): Promise<ArticleChangesView | null> {
  authorize(actor, "read_published");
  if (!isPlausibleSlug(slug)) return null;
  return unstable_cache(loadArticleChanges, ["reader:changes", slug], { tags: [articleTag(slug)] })(slug, to);
}
