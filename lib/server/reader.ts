import "server-only";
import { db } from "./db";
import type { AnnotationContentDTO, PublicAnnotationDTO, PublicArticleDTO, TextRange } from "@/lib/domain/types";

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
  annotations: PublicAnnotationDTO[];
}

/** Public: published articles, newest first, each with its provenance summary. */
export async function listPublishedArticles(opts: { take?: number; skip?: number } = {}): Promise<PublishedArticleSummary[]> {
  const articles = await db.article.findMany({
    where: { state: "published" },
    orderBy: [{ publishedAt: "desc" }, { id: "asc" }],
    take: opts.take ?? 50,
    skip: opts.skip ?? 0,
    select: { id: true, slug: true, title: true, outlet: true, byline: true, publishedAt: true, _count: { select: { statements: true } } },
  });
  const counts = await db.annotation.groupBy({
    by: ["articleId", "approvedStatusSlug"],
    where: { articleId: { in: articles.map((a) => a.id) }, approvedSnapshot: { not: null } },
    _count: { _all: true },
  });
  return articles.map((a) => {
    const statusCounts: Record<string, number> = {};
    let annotated = 0;
    for (const c of counts) {
      if (c.articleId !== a.id || !c.approvedStatusSlug) continue;
      statusCounts[c.approvedStatusSlug] = c._count._all;
      annotated += c._count._all;
    }
    return {
      slug: a.slug,
      title: a.title,
      outlet: a.outlet,
      byline: a.byline,
      publishedAt: a.publishedAt?.toISOString() ?? null,
      statusCounts,
      annotated,
      statements: a._count.statements,
    };
  });
}

export async function countPublishedArticles(): Promise<number> {
  return db.article.count({ where: { state: "published" } });
}

/** Public: a published article with its approved annotations only (the content as approved). Null if not published. */
export async function getPublishedArticle(slug: string): Promise<PublishedArticleView | null> {
  const article = await db.article.findFirst({ where: { slug, state: "published" } });
  if (!article) return null;
  const rows = await db.annotation.findMany({
    where: { articleId: article.id, approvedSnapshot: { not: null } },
    select: {
      id: true,
      statementId: true,
      statement: { select: { start: true, end: true } },
      quoteExact: true,
      quotePrefix: true,
      quoteSuffix: true,
      approvedSnapshot: true,
      approvedAt: true,
      createdAt: true,
      author: { select: { id: true, name: true } },
      approver: { select: { id: true, name: true } },
    },
    orderBy: { statement: { start: "asc" } },
  });
  const annotations: PublicAnnotationDTO[] = rows.map((r) => {
    const content = JSON.parse(r.approvedSnapshot as string) as AnnotationContentDTO;
    const { start, end } = r.statement;
    return {
      ...content,
      id: r.id,
      statementId: r.statementId,
      start,
      end,
      quote: { exact: article.text.slice(start, end), prefix: r.quotePrefix, suffix: r.quoteSuffix },
      author: r.author,
      approver: r.approver,
      createdAt: r.createdAt.toISOString(),
      modifiedAt: (r.approvedAt ?? r.createdAt).toISOString(),
      approvedAt: r.approvedAt?.toISOString() ?? null,
    };
  });
  return {
    article: {
      id: article.id,
      slug: article.slug,
      title: article.title,
      outlet: article.outlet,
      byline: article.byline,
      originalUrl: article.originalUrl,
      publishedDate: article.publishedDate,
      language: article.language,
      text: article.text,
      emphasis: JSON.parse(article.emphasis) as TextRange[],
      contentHash: article.contentHash,
      revision: article.revision,
      publishedAt: article.publishedAt?.toISOString() ?? null,
      updatedAt: article.updatedAt.toISOString(),
    },
    annotations,
  };
}
