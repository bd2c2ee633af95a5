import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "./db";
import { PUBLIC_ARTICLES_TAG, VOCABULARY_TAG, articleTag } from "./cache";
import { loadVocabulary, type Vocabulary } from "./vocabulary";
import { env } from "./env";
import type { ExportContext } from "@/lib/export/config";
import { articleMeta, type AnnotationContentDTO, type ArticleCorrectionDTO, type OrphanedAnnotationDTO, type PublicAnnotationDTO, type PublicArticleDTO, type TextRange, type WithdrawnAnnotationDTO } from "@/lib/domain/types";
import { buildVerdictHistory, verdictDates, type VerdictChange, type VerdictRef } from "@/lib/reader/history";
import { buildTextQuoteSelector } from "@/lib/anchoring";
import { Prisma } from "./generated/prisma/client";
import { approvalsOf } from "./review/revisions";
import type { Actor } from "./actors";
import { authorize } from "./authorize";

/*
 * The public read side: published articles, their approved annotations, and what readers may see of their history.
 * Everything exported here is public: any actor may read it (anonymousReader() for a visitor), and it is cached under the tags in ./cache.ts — `article:<slug>`,
 * `public-articles`, `vocabulary` — so readers never wait on the database; invalidateArticle / invalidateVocabulary
 * expire them at once. Nothing is cached at build time: the first request fills the cache.
 */

export interface PublishedArticleSummary {
  slug: string;
  title: string;
  outlet: string | null;
  byline: string | null;
  publishedAt: string | null;
  /** Approved annotations per status slug. */
  statusCounts: Record<string, number>;
  annotated: number;
  statements: number;
}

export interface PublishedArticleView {
  article: PublicArticleDTO;
  /** Approved annotations anchored in the current text. */
  annotations: PublicAnnotationDTO[];
  /** Approved annotations whose statement a correction removed ("Statements no longer in the article"). */
  orphaned: OrphanedAnnotationDTO[];
  /** Approved verdicts two reviewers withdrew, newest removal first ("Withdrawn verdicts"; their permalinks explain). */
  withdrawn: WithdrawnAnnotationDTO[];
  /** Corrections of the text, oldest first (empty when never corrected). */
  corrections: ArticleCorrectionDTO[];
}

/** Public verdict history per annotation id (see lib/reader/history.ts). */
export type PublicVerdictHistory = Record<string, VerdictChange[]>;

const SLUG_RE = /^[A-Za-z0-9][A-Za-z0-9._~-]{0,199}$/;
const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

/** Slugs and ids that cannot exist are answered without touching the cache or the database. */
export function isPlausibleSlug(slug: string): boolean {
  return SLUG_RE.test(slug);
}
export function isPlausibleId(id: string): boolean {
  return ID_RE.test(id);
}

// ---------------------------------------------------------------------------------------------------------------
// Loaders (uncached)

async function loadPublishedArticles(take: number, skip: number): Promise<PublishedArticleSummary[]> {
  const articles = await db.article.findMany({
    where: { state: "published" },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take,
    skip,
    select: ARTICLE_SUMMARY_SELECT,
  });
  return summarizeArticles(articles);
}

export const ARTICLE_SUMMARY_SELECT = { id: true, slug: true, title: true, outlet: true, byline: true, publishedAt: true } as const;

/**
 * The provenance summary of listed articles: verdict counts and statements. Counted for these articles only (Prisma's
 * relation _count would count every statement of every article first: 260 ms at 10,000 articles).
 */
export async function summarizeArticles(
  articles: { id: string; slug: string; title: string; outlet: string | null; byline: string | null; publishedAt: Date | null }[],
): Promise<PublishedArticleSummary[]> {
  const listed = { articleId: { in: articles.map((a) => a.id) } };
  const [counts, statementCounts] = await Promise.all([
    db.annotation.groupBy({ by: ["articleId", "approvedStatusSlug"], where: { ...listed, approvedSnapshot: { not: Prisma.DbNull } }, _count: { _all: true } }),
    db.statement.groupBy({ by: ["articleId"], where: listed, _count: { _all: true } }),
  ]);
  const statementsBy = new Map(statementCounts.map((c) => [c.articleId, c._count._all]));
  return articles.map((a) => {
    const statusCounts: Record<string, number> = {};
    let annotated = 0;
    for (const c of counts) {
      if (c.articleId !== a.id || !c.approvedStatusSlug) continue;
      statusCounts[c.approvedStatusSlug] = c._count._all;
      annotated += c._count._all;
    }
    return { slug: a.slug, title: a.title, outlet: a.outlet, byline: a.byline, publishedAt: a.publishedAt?.toISOString() ?? null, statusCounts, annotated, statements: statementsBy.get(a.id) ?? 0 };
  });
}

async function loadCountPublished(): Promise<number> {
  return db.article.count({ where: { state: "published" } });
}

/** Where readers see an approved annotation: its span as approved, or its statement's (approved before the span was recorded). */
function approvedSpan(r: { approvedStart: number | null; approvedEnd: number | null; statement: { start: number; end: number } | null }): TextRange {
  return r.approvedStart !== null && r.approvedEnd !== null ? { start: r.approvedStart, end: r.approvedEnd } : { start: r.statement!.start, end: r.statement!.end };
}

/** Approved content with the verdict's and claim type's label, colour, rating and retired flag from the current vocabulary. */
export function withCurrentLabels(content: AnnotationContentDTO, vocabulary: Vocabulary): AnnotationContentDTO {
  const status = vocabulary.statuses.find((s) => s.slug === content.status.slug);
  const type = vocabulary.claimTypes.find((t) => t.slug === content.claimType.slug);
  return {
    ...content,
    status: status ? { slug: status.slug, label: status.label, color: status.color, rating: status.rating, retired: status.retired } : content.status,
    claimType: type ? { slug: type.slug, label: type.label, shortLabel: type.shortLabel, color: type.color, retired: type.retired } : content.claimType,
  };
}

/**
 * The approved content of each annotation, with the verdict's and claim type's label, colour, rating and retired
 * flag taken from the current vocabulary (so a renamed status reads the same everywhere); a value deleted from the
 * vocabulary keeps what it was approved with.
 */
async function loadPublishedArticle(slug: string): Promise<PublishedArticleView | null> {
  const article = await db.article.findFirst({ where: { slug, state: "published" } });
  if (!article) return null;
  const [allRows, vocabulary, versions, removedRows] = await Promise.all([
    db.annotation.findMany({
      where: { articleId: article.id, approvedSnapshot: { not: Prisma.DbNull } },
      select: {
        id: true,
        anchorState: true,
        quoteExact: true,
        previousQuote: true,
        wordingChangedAt: true,
        statementId: true,
        statement: { select: { start: true, end: true } },
        approvedStart: true,
        approvedEnd: true,
        approvedSnapshot: true,
        approvedAt: true,
        createdAt: true,
        author: { select: { id: true, name: true } },
        approver: { select: { id: true, name: true } },
      },
      orderBy: { statement: { start: "asc" } },
    }),
    loadVocabulary(),
    db.articleVersion.findMany({ where: { articleId: article.id }, orderBy: { revision: "asc" }, select: { revision: true, createdAt: true, reason: true } }),
    db.annotation.findMany({
      where: { articleId: article.id, removedAt: { not: null } },
      orderBy: [{ removedAt: "desc" }, { id: "asc" }],
      select: { id: true, approvedQuote: true, previousQuote: true, quoteExact: true, approvedStatusSlug: true, approvedTypeSlug: true, approvedAt: true, removedAt: true, removalReason: true },
    }),
  ]);
  const orphanIds = allRows.filter((r) => r.anchorState === "orphaned").map((r) => r.id);
  const [approvals, lastRevisions] = await Promise.all([
    approvalsOf(db, allRows.map((r) => r.id)),
    orphanIds.length === 0
      ? []
      : db.annotationRevision.findMany({ where: { annotationId: { in: orphanIds } }, distinct: ["annotationId"], orderBy: [{ annotationId: "asc" }, { version: "desc" }], select: { annotationId: true, articleRevision: true } }),
  ]);
  const lastRevisionOf = new Map(lastRevisions.map((r) => [r.annotationId, r.articleRevision]));
  const articlePublishedAt = article.publishedAt?.toISOString() ?? null;
  // What readers saw before is judged by the first publication (a republication resets publishedAt).
  const firstPublishedAt = article.firstPublishedAt;
  const approvalsBy = new Map<string, { statusSlug: string; at: string }[]>();
  for (const a of approvals) {
    const list = approvalsBy.get(a.annotationId) ?? [];
    list.push({ statusSlug: a.statusSlug, at: a.createdAt.toISOString() });
    approvalsBy.set(a.annotationId, list);
  }
  const rows = allRows.filter((r) => r.anchorState !== "orphaned" && r.statementId !== null);
  const statuses = new Map(vocabulary.statuses.map((s) => [s.slug, s]));
  const types = new Map(vocabulary.claimTypes.map((t) => [t.slug, t]));
  const annotations: PublicAnnotationDTO[] = rows.map((r) => {
    // The span as approved: a split or merge since then is a pending revision readers do not see yet.
    const { start, end } = approvedSpan(r);
    const quote = buildTextQuoteSelector(article.text, start, end);
    const dates = verdictDates(approvalsBy.get(r.id) ?? [], firstPublishedAt?.toISOString() ?? null);
    return {
      ...withCurrentLabels(r.approvedSnapshot as unknown as AnnotationContentDTO, vocabulary),
      id: r.id,
      statementId: r.statementId!,
      start,
      end,
      quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      author: r.author,
      approver: r.approver,
      createdAt: r.createdAt.toISOString(),
      modifiedAt: (r.approvedAt ?? r.createdAt).toISOString(),
      approvedAt: r.approvedAt?.toISOString() ?? null,
      ...(r.wordingChangedAt && r.previousQuote !== null && (!r.approvedAt || r.approvedAt < r.wordingChangedAt)
        ? { wordingChange: { changedAt: r.wordingChangedAt.toISOString(), previousQuote: r.previousQuote, currentQuote: quote.exact } }
        : {}),
      ...(dates ? { verdictPublishedAt: dates.publishedAt, verdictChangedAt: dates.verdictChangedAt } : {}),
    };
  });
  const orphaned: OrphanedAnnotationDTO[] = allRows
    .filter((r) => r.anchorState === "orphaned")
    .map((r) => {
      const content = r.approvedSnapshot as unknown as AnnotationContentDTO;
      const status = statuses.get(content.status.slug) ?? content.status;
      const type = types.get(content.claimType.slug) ?? content.claimType;
      return {
        id: r.id,
        quote: r.previousQuote ?? r.quoteExact,
        status: { slug: status.slug, label: status.label, color: status.color },
        claimType: { slug: type.slug, label: type.label },
        removedAt: (r.wordingChangedAt ?? r.approvedAt ?? r.createdAt).toISOString(),
        approvedAt: r.approvedAt?.toISOString() ?? null,
        // An orphan's revision rows keep the span it last had, on the revision it had it.
        lastRevision: firstPublishedAt && r.wordingChangedAt && firstPublishedAt < r.wordingChangedAt ? (lastRevisionOf.get(r.id) ?? null) : null,
      };
    });
  const withdrawn: WithdrawnAnnotationDTO[] = removedRows.map((r) => {
    const status = r.approvedStatusSlug ? statuses.get(r.approvedStatusSlug) : undefined;
    const type = r.approvedTypeSlug ? types.get(r.approvedTypeSlug) : undefined;
    return {
      id: r.id,
      quote: r.approvedQuote ?? r.previousQuote ?? r.quoteExact,
      status: status ? { slug: status.slug, label: status.label, color: status.color } : { slug: r.approvedStatusSlug ?? "", label: r.approvedStatusSlug ?? "Unknown verdict", color: "#78716c" },
      claimType: type ? { slug: type.slug, label: type.label } : { slug: r.approvedTypeSlug ?? "", label: r.approvedTypeSlug ?? "Claim" },
      approvedAt: r.approvedAt?.toISOString() ?? null,
      removedAt: r.removedAt!.toISOString(),
      reason: r.removalReason ?? "",
    };
  });
  // Text order of the approved spans (the query orders by the working copy's statement, which may have moved).
  annotations.sort((x, y) => x.start - y.start || x.end - y.end);
  return {
    article: {
      ...articleMeta(article),
      text: article.text,
      emphasis: article.emphasis as unknown as TextRange[],
      contentHash: article.contentHash,
      revision: article.revision,
      revisionCreatedAt: (versions.find((v) => v.revision === article.revision)?.createdAt ?? article.createdAt).toISOString(),
      publishedAt: articlePublishedAt,
      updatedAt: article.updatedAt.toISOString(),
    },
    annotations,
    orphaned,
    withdrawn,
    corrections: versions
      .filter((v) => v.revision > 1)
      .map((v) => ({ revision: v.revision, correctedAt: v.createdAt.toISOString(), reason: v.reason, replacedPublicVersion: firstPublishedAt !== null && firstPublishedAt < v.createdAt })),
  };
}

/**
 * Only the verdicts as approved: who approved which verdict, when, and what it replaced. Reads the approved revision
 * rows (never the audit log) and returns nothing else from them (no comments, no drafts, no emails).
 */
async function loadVerdictHistory(slug: string): Promise<PublicVerdictHistory> {
  const view = await loadPublishedArticle(slug);
  if (!view) return {};
  // Withdrawn verdicts keep their history: when they were published (and changed) before the removal.
  const approvals = await approvalsOf(db, [...view.annotations.map((a) => a.id), ...view.withdrawn.map((w) => w.id)]);
  const current = new Map<string, VerdictRef>([...view.annotations, ...view.withdrawn].map((a) => [a.id, { slug: a.status.slug, label: a.status.label }]));
  const vocabulary = await loadVocabulary();
  const bySlug = new Map(vocabulary.statuses.map((s) => [s.slug, { slug: s.slug, label: s.label }]));
  const history = buildVerdictHistory(
    approvals.map((r) => ({ annotationId: r.annotationId, statusSlug: r.statusSlug, at: r.createdAt.toISOString(), approverName: r.approver?.name ?? null })),
    current,
    (key) => bySlug.get(key),
  );
  return Object.fromEntries(history);
}

async function loadAnnotationSlug(id: string): Promise<string | null> {
  const row = await db.annotation.findFirst({
    where: { id, approvedSnapshot: { not: Prisma.DbNull }, article: { state: "published" } },
    select: { article: { select: { slug: true } } },
  });
  return row?.article.slug ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Public, cached

/** Public: published articles, newest first, each with its provenance summary. */
export async function listPublishedArticles(actor: Actor, opts: { take?: number; skip?: number } = {}): Promise<PublishedArticleSummary[]> {
  authorize(actor, "read_published");
  const take = opts.take ?? 50;
  const skip = opts.skip ?? 0;
  return unstable_cache(loadPublishedArticles, ["reader:list"], { tags: [PUBLIC_ARTICLES_TAG, VOCABULARY_TAG] })(take, skip);
}

/** Public: how many articles are published. */
export async function countPublishedArticles(actor: Actor): Promise<number> {
  authorize(actor, "read_published");
  return unstable_cache(loadCountPublished, ["reader:count"], { tags: [PUBLIC_ARTICLES_TAG] })();
}

/** Public: a published article with its approved annotations only (the content as approved). Null if not published. */
export async function getPublishedArticle(actor: Actor, slug: string): Promise<PublishedArticleView | null> {
  authorize(actor, "read_published");
  if (!isPlausibleSlug(slug)) return null;
  return unstable_cache(loadPublishedArticle, ["reader:article", slug], { tags: [articleTag(slug), VOCABULARY_TAG] })(slug);
}

/** Public: the approved-verdict history of every annotation of a published article ({} when not published). */
export async function getPublicVerdictHistory(actor: Actor, slug: string): Promise<PublicVerdictHistory> {
  authorize(actor, "read_published");
  if (!isPlausibleSlug(slug)) return {};
  return unstable_cache(loadVerdictHistory, ["reader:history", slug], { tags: [articleTag(slug), VOCABULARY_TAG] })(slug);
}

/** Public: the published article and approved annotation with this id, or null. */
export async function getPublishedAnnotation(
  actor: Actor,
  id: string,
): Promise<{ view: PublishedArticleView; annotation: PublicAnnotationDTO } | null> {
  authorize(actor, "read_published");
  if (!isPlausibleId(id)) return null;
  // Which article an annotation belongs to never changes; whether it is public does, and that is checked again
  // against the article's own cached view below.
  const slug = await unstable_cache(loadAnnotationSlug, ["reader:annotation-slug", id], { tags: [PUBLIC_ARTICLES_TAG] })(id);
  if (!slug) return null;
  const view = await getPublishedArticle(actor, slug);
  const annotation = view?.annotations.find((a) => a.id === id);
  return view && annotation ? { view, annotation } : null;
}

/** Public: an approved annotation whose statement a correction removed from its published article, or null. */
export async function getOrphanedAnnotation(actor: Actor, id: string): Promise<{ view: PublishedArticleView; orphan: OrphanedAnnotationDTO } | null> {
  authorize(actor, "read_published");
  if (!isPlausibleId(id)) return null;
  const slug = await unstable_cache(loadAnnotationSlug, ["reader:annotation-slug", id], { tags: [PUBLIC_ARTICLES_TAG] })(id);
  if (!slug) return null;
  const view = await getPublishedArticle(actor, slug);
  const orphan = view?.orphaned.find((o) => o.id === id);
  return view && orphan ? { view, orphan } : null;
}

async function loadAnnotationArticleSlug(id: string): Promise<string | null> {
  const row = await db.annotation.findFirst({ where: { id, article: { state: "published" } }, select: { article: { select: { slug: true } } } });
  return row?.article.slug ?? null;
}

/** Public: an approved annotation of a published article whose verdict two reviewers withdrew, or null. */
export async function getWithdrawnAnnotation(actor: Actor, id: string): Promise<{ view: PublishedArticleView; withdrawn: WithdrawnAnnotationDTO } | null> {
  authorize(actor, "read_published");
  if (!isPlausibleId(id)) return null;
  const slug = await unstable_cache(loadAnnotationArticleSlug, ["reader:annotation-article", id], { tags: [PUBLIC_ARTICLES_TAG] })(id);
  if (!slug) return null;
  const view = await getPublishedArticle(actor, slug);
  const withdrawn = view?.withdrawn.find((w) => w.id === id);
  return view && withdrawn ? { view, withdrawn } : null;
}

/** Public: the vocabularies as readers see them (legend, methodology, filters). */
export async function getReaderVocabulary(actor: Actor): Promise<Vocabulary> {
  authorize(actor, "read_published");
  return unstable_cache(loadVocabulary, ["reader:vocabulary"], { tags: [VOCABULARY_TAG] })();
}

/** Where exports point (PUBLIC_BASE_URL) and who publishes them (PUBLISHER_NAME / PUBLISHER_URL). */
export function readerExportContext(): ExportContext {
  const e = env();
  return { baseUrl: e.PUBLIC_BASE_URL, publisher: { name: e.PUBLISHER_NAME, url: e.PUBLISHER_URL ?? e.PUBLIC_BASE_URL } };
}
