/**
 * W3C Web Annotation Protocol containers: an article's annotations as an AnnotationCollection whose first
 * AnnotationPage is embedded, and any page on its own. https://www.w3.org/TR/annotation-protocol/#container-representations
 *
 * Annotations are ordered by their position in the text (start, end, id). Embedded annotations leave out "@context";
 * the collection or page that contains them carries it.
 */
import type { PublicAnnotationDTO, PublicArticleDTO } from "@/lib/domain/types";
import { articleAnnotationsApiUrl, type ExportContext } from "./config";
import { toWebAnnotation, WEB_ANNOTATION_CONTEXT, type WebAnnotation, type WebAnnotationContext } from "./web-annotation";

export interface CollectionOptions {
  /** Annotations per page (≥ 1). */
  pageSize: number;
  /** IRI of the collection; defaults to `${baseUrl}/api/v1/articles/<slug>/annotations`. */
  id?: string;
}

export interface AnnotationPage {
  "@context"?: WebAnnotationContext;
  id: string;
  type: "AnnotationPage";
  partOf: string | { id: string; label: string; total: number };
  startIndex: number;
  items: WebAnnotation[];
  next?: string;
  prev?: string;
}

export interface AnnotationCollection {
  "@context": WebAnnotationContext;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  /** Absent when the collection is empty (the protocol requires `first` only when there are annotations). */
  first?: AnnotationPage;
  last?: string;
}

/** The collection with its first page embedded. */
export function toAnnotationCollection(
  ctx: ExportContext,
  article: PublicArticleDTO,
  annotations: readonly PublicAnnotationDTO[],
  opts: CollectionOptions,
): AnnotationCollection {
  const paging = pagingFor(ctx, article, annotations, opts);
  const collection: AnnotationCollection = {
    "@context": WEB_ANNOTATION_CONTEXT,
    id: paging.collectionId,
    type: "AnnotationCollection",
    label: paging.label,
    total: annotations.length,
  };
  if (annotations.length > 0) {
    collection.first = buildPage(ctx, article, paging, 0, paging.collectionId, false);
    collection.last = pageUrl(paging.collectionId, paging.pageCount - 1);
  }
  return collection;
}

/**
 * Page `page` (0-based) on its own, with "@context" and `partOf` describing the collection. Returns null for a page
 * past the end.
 */
export function toAnnotationPage(
  ctx: ExportContext,
  article: PublicArticleDTO,
  annotations: readonly PublicAnnotationDTO[],
  opts: CollectionOptions & { page: number },
): AnnotationPage | null {
  const paging = pagingFor(ctx, article, annotations, opts);
  if (!Number.isInteger(opts.page) || opts.page < 0 || opts.page >= paging.pageCount) return null;
  return buildPage(ctx, article, paging, opts.page, {
    id: paging.collectionId,
    label: paging.label,
    total: annotations.length,
  }, true);
}

interface Paging {
  collectionId: string;
  label: string;
  pageSize: number;
  pageCount: number;
  sorted: PublicAnnotationDTO[];
}

function pagingFor(
  ctx: ExportContext,
  article: PublicArticleDTO,
  annotations: readonly PublicAnnotationDTO[],
  opts: CollectionOptions,
): Paging {
  if (!Number.isInteger(opts.pageSize) || opts.pageSize < 1) {
    throw new RangeError(`pageSize must be a positive integer, got ${opts.pageSize}`);
  }
  const sorted = [...annotations].sort((x, y) => x.start - y.start || x.end - y.end || x.id.localeCompare(y.id));
  return {
    collectionId: opts.id ?? articleAnnotationsApiUrl(ctx, article.slug),
    label: `Annotations on “${article.title}”`,
    pageSize: opts.pageSize,
    pageCount: Math.max(1, Math.ceil(sorted.length / opts.pageSize)),
    sorted,
  };
}

function buildPage(
  ctx: ExportContext,
  article: PublicArticleDTO,
  paging: Paging,
  page: number,
  partOf: AnnotationPage["partOf"],
  withContext: boolean,
): AnnotationPage {
  const startIndex = page * paging.pageSize;
  const items = paging.sorted
    .slice(startIndex, startIndex + paging.pageSize)
    .map((a) => toWebAnnotation(ctx, article, a, { embedded: true }));
  return {
    ...(withContext ? { "@context": WEB_ANNOTATION_CONTEXT } : {}),
    id: pageUrl(paging.collectionId, page),
    type: "AnnotationPage",
    partOf,
    startIndex,
    items,
    ...(page + 1 < paging.pageCount ? { next: pageUrl(paging.collectionId, page + 1) } : {}),
    ...(page > 0 ? { prev: pageUrl(paging.collectionId, page - 1) } : {}),
  };
}

/** `${collectionId}?page=N` (or `&page=N` when the IRI already has a query). */
export function pageUrl(collectionId: string, page: number): string {
  return `${collectionId}${collectionId.includes("?") ? "&" : "?"}page=${page}`;
}
