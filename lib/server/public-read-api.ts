import "server-only";
import {
  annotationPermalink,
  CSV_CONTENT_TYPE,
  WEB_ANNOTATION_CONTENT_TYPE,
  annotationApiUrl,
  articleAnnotationsApiUrl,
  articleUrl,
  articleVersionUrl,
  toAnnotationCollection,
  toAnnotationPage,
  toAnnotationsCsv,
  toClaimReviews,
  toWebAnnotation,
  type ExportContext,
} from "@/lib/export";
import { PaginationQuerySchema } from "@/lib/validation/public-api";
import { articleMeta } from "@/lib/domain/types";
import { anonymousReader } from "./actors";
import {
  countPublishedArticles,
  getPublishedAnnotation,
  getOrphanedAnnotation,
  getWithdrawnAnnotation,
  getPublishedArticle,
  listPublishedArticles,
  readerExportContext,
  type PublishedArticleView,
} from "./reader";
import { getClaimAppearances } from "./claims/clusters";
import { ApiProblem, JSON_LD_CONTENT_TYPE, notFound, ok, parseQuery } from "./public-api";

/* The public read API v1: what each endpoint answers. Route handlers in app/api/v1 only call these. */

/** A caller's value quoted back in an error message: printable, and never longer than 80 characters. */
function quoted(value: string): string {
  // oxlint-disable-next-line no-control-regex -- control characters are exactly what this replaces
  const clean = Array.from(value.replace(/[\u0000-\u001f\u007f]/g, "\uFFFD"));
  return `“${clean.length > 80 ? `${clean.slice(0, 80).join("")}…` : clean.join("")}”`;
}

export const ARTICLES_PAGE_SIZE = 20;
export const ANNOTATIONS_PAGE_SIZE = 100;

const base = (ctx: ExportContext) => ctx.baseUrl.replace(/\/+$/, "");
export const articleApiUrl = (ctx: ExportContext, slug: string) => `${base(ctx)}/api/v1/articles/${encodeURIComponent(slug)}`;
export const claimReviewApiUrl = (ctx: ExportContext, slug: string) => `${articleApiUrl(ctx, slug)}/claimreview`;
export const annotationsCsvApiUrl = (ctx: ExportContext, slug: string) => `${articleApiUrl(ctx, slug)}/annotations.csv`;

async function publishedOr404(slug: string): Promise<PublishedArticleView> {
  const view = await getPublishedArticle(anonymousReader(), slug);
  if (!view) throw notFound(`No published article has the slug ${quoted(slug)}.`);
  return view;
}

/** GET /api/v1/articles?page=&pageSize= */
export async function listArticles(request: Request): Promise<Response> {
  const query = parseQuery(request, PaginationQuerySchema);
  const page = query.page ?? 0;
  const pageSize = query.pageSize ?? ARTICLES_PAGE_SIZE;
  const ctx = readerExportContext();
  const [total, items] = await Promise.all([countPublishedArticles(anonymousReader()), listPublishedArticles(anonymousReader(), { take: pageSize, skip: page * pageSize })]);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  if (page >= pageCount) throw notFound(`There is no page ${page}: pages run from 0 to ${pageCount - 1}.`);
  const listUrl = (p: number) => `${base(ctx)}/api/v1/articles?page=${p}${pageSize !== ARTICLES_PAGE_SIZE ? `&pageSize=${pageSize}` : ""}`;
  return ok(request, {
    total,
    page,
    pageSize,
    items: items.map((a) => ({
      slug: a.slug,
      title: a.title,
      outlet: a.outlet,
      byline: a.byline,
      publishedAt: a.publishedAt,
      statements: a.statements,
      annotations: a.annotated,
      statusCounts: a.statusCounts,
      url: articleUrl(ctx, a.slug),
      api: articleApiUrl(ctx, a.slug),
    })),
    links: {
      self: listUrl(page),
      first: listUrl(0),
      last: listUrl(pageCount - 1),
      ...(page + 1 < pageCount ? { next: listUrl(page + 1) } : {}),
      ...(page > 0 ? { prev: listUrl(page - 1) } : {}),
    },
  });
}

/** GET /api/v1/articles/<slug> */
export async function getArticle(request: Request, slug: string): Promise<Response> {
  const { article, annotations } = await publishedOr404(slug);
  const ctx = readerExportContext();
  const byStatus: Record<string, number> = {};
  const byType: Record<string, number> = {};
  for (const a of annotations) {
    byStatus[a.status.slug] = (byStatus[a.status.slug] ?? 0) + 1;
    byType[a.claimType.slug] = (byType[a.claimType.slug] ?? 0) + 1;
  }
  return ok(request, {
    ...articleMeta(article),
    id: articleApiUrl(ctx, article.slug),
    publishedAt: article.publishedAt,
    updatedAt: article.updatedAt,
    revision: article.revision,
    contentHash: article.contentHash,
    summary: { annotations: annotations.length, byStatus, byType },
    text: article.text,
    links: {
      html: articleUrl(ctx, article.slug),
      annotations: articleAnnotationsApiUrl(ctx, article.slug),
      claimReview: claimReviewApiUrl(ctx, article.slug),
      csv: annotationsCsvApiUrl(ctx, article.slug),
    },
  });
}

/** GET /api/v1/articles/<slug>/annotations[?page=N][&pageSize=M]: the AnnotationCollection, or one AnnotationPage. */
export async function getArticleAnnotations(request: Request, slug: string): Promise<Response> {
  const query = parseQuery(request, PaginationQuerySchema);
  const { article, annotations } = await publishedOr404(slug);
  const ctx = readerExportContext();
  const pageSize = query.pageSize ?? ANNOTATIONS_PAGE_SIZE;
  const collectionId =
    pageSize === ANNOTATIONS_PAGE_SIZE ? articleAnnotationsApiUrl(ctx, slug) : `${articleAnnotationsApiUrl(ctx, slug)}?pageSize=${pageSize}`;
  const headers = { Link: '<http://www.w3.org/ns/ldp#BasicContainer>; rel="type"' };
  if (query.page === undefined) {
    const collection = toAnnotationCollection(ctx, article, annotations, { pageSize, id: collectionId });
    return ok(request, collection, { contentType: WEB_ANNOTATION_CONTENT_TYPE, headers });
  }
  const page = toAnnotationPage(ctx, article, annotations, { pageSize, id: collectionId, page: query.page });
  if (!page) throw notFound(`There is no annotation page ${query.page} for ${quoted(slug)}.`);
  return ok(request, page, { contentType: WEB_ANNOTATION_CONTENT_TYPE });
}

/** GET /api/v1/annotations/<id>: one W3C Web Annotation. */
export async function getAnnotation(request: Request, id: string): Promise<Response> {
  const found = await getPublishedAnnotation(anonymousReader(), id);
  if (!found) {
    const gone = await getOrphanedAnnotation(anonymousReader(), id);
    if (gone) {
      const ctx = readerExportContext();
      throw new ApiProblem(
        410,
        `The statement annotation ${quoted(id)} was about is no longer in the article: a correction on ${gone.orphan.removedAt.slice(0, 10)} removed it. The verdict given was “${gone.orphan.status.label}” on the wording “${gone.orphan.quote}”. See ${annotationPermalink(ctx, gone.view.article.slug, id)}${gone.orphan.lastRevision !== null ? `, and the article as last checked with the statement in it: ${articleVersionUrl(ctx, gone.view.article.slug, gone.orphan.lastRevision)}` : ""}.`,
      );
    }
    const withdrawn = await getWithdrawnAnnotation(anonymousReader(), id);
    if (withdrawn) {
      const ctx = readerExportContext();
      throw new ApiProblem(
        410,
        `This verdict was removed on ${withdrawn.withdrawn.removedAt.slice(0, 10)}: ${withdrawn.withdrawn.reason} (It was “${withdrawn.withdrawn.status.label}” on the wording “${withdrawn.withdrawn.quote}”.) See ${annotationPermalink(ctx, withdrawn.view.article.slug, id)}.`,
      );
    }
    throw notFound(`No published annotation has the id ${quoted(id)}.`);
  }
  const ctx = readerExportContext();
  const annotation = toWebAnnotation(ctx, found.view.article, found.annotation);
  return ok(request, annotation, {
    contentType: WEB_ANNOTATION_CONTENT_TYPE,
    headers: { Link: `<${annotationApiUrl(ctx, id)}>; rel="canonical"` },
  });
}

/** GET /api/v1/articles/<slug>/claimreview: the same ClaimReview objects the reader page embeds. */
export async function getArticleClaimReviews(request: Request, slug: string): Promise<Response> {
  const { article, annotations } = await publishedOr404(slug);
  const appearances = await getClaimAppearances(anonymousReader(), article.slug);
  return ok(request, toClaimReviews(readerExportContext(), article, annotations, { appearances }), { contentType: JSON_LD_CONTENT_TYPE });
}

/** GET /api/v1/articles/<slug>/annotations.csv */
export async function getArticleAnnotationsCsv(request: Request, slug: string): Promise<Response> {
  const { article, annotations } = await publishedOr404(slug);
  const csv = toAnnotationsCsv(article, annotations, readerExportContext());
  const filename = `${article.slug.replace(/[^A-Za-z0-9._-]/g, "_")}-annotations.csv`;
  return ok(request, csv, { contentType: CSV_CONTENT_TYPE, headers: { "Content-Disposition": `attachment; filename="${filename}"` } });
}

/** Any other path under /api/v1. */
export async function unknownEndpoint(request: Request): Promise<Response> {
  throw new ApiProblem(404, `There is no endpoint at ${new URL(request.url).pathname}. See /api/v1/articles.`);
}
