import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "./db";
import type { Actor } from "./actors";
import { authorize } from "./authorize";
import { PUBLIC_ARTICLES_TAG, VOCABULARY_TAG } from "./cache";
import type { Prisma } from "./generated/prisma/client";
import { ARTICLE_SUMMARY_SELECT, summarizeArticles, type PublishedArticleSummary } from "./reader";

/** The home page's orders. */
export const ARTICLE_SORTS = ["newest", "oldest", "title"] as const;
export type ArticleSort = (typeof ARTICLE_SORTS)[number];
export const HOME_PAGE_SIZE = 20;

export function parseArticleSort(value: string | undefined | null): ArticleSort {
  return (ARTICLE_SORTS as readonly string[]).includes(value ?? "") ? (value as ArticleSort) : "newest";
}

const ORDER: Record<ArticleSort, Prisma.ArticleOrderByWithRelationInput[]> = {
  newest: [{ publishedAt: "desc" }, { id: "asc" }],
  oldest: [{ publishedAt: "asc" }, { id: "asc" }],
  title: [{ title: "asc" }, { id: "asc" }],
};

async function loadPage(sort: ArticleSort, page: number, pageSize: number): Promise<{ total: number; items: PublishedArticleSummary[] }> {
  const [total, articles] = await Promise.all([
    db.article.count({ where: { state: "published" } }),
    db.article.findMany({ where: { state: "published" }, orderBy: ORDER[sort], take: pageSize, skip: page * pageSize, select: ARTICLE_SUMMARY_SELECT }),
  ]);
  return { total, items: await summarizeArticles(articles) };
}

/** Public: one page (0-based) of published articles in the chosen order, with how many there are in all. */
export async function listPublishedArticlesPage(
  actor: Actor,
  opts: { sort?: ArticleSort; page?: number; pageSize?: number } = {},
): Promise<{ total: number; page: number; pageCount: number; sort: ArticleSort; items: PublishedArticleSummary[] }> {
  authorize(actor, "read_published");
  const sort = opts.sort ?? "newest";
  const pageSize = Math.min(Math.max(opts.pageSize ?? HOME_PAGE_SIZE, 1), 100);
  const page = Number.isInteger(opts.page) && opts.page! >= 0 && opts.page! < 100_000 ? opts.page! : 0;
  const { total, items } = await unstable_cache(loadPage, ["reader:page"], { tags: [PUBLIC_ARTICLES_TAG, VOCABULARY_TAG] })(sort, page, pageSize);
  return { total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)), sort, items };
}
