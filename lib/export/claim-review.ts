/**
 * schema.org ClaimReview JSON-LD: one per annotation whose verification status carries a rating.
 * https://schema.org/ClaimReview — statuses with `rating: null` (unverified, in progress, …) produce nothing.
 */
import type { ArticleMetaDTO, PublicAnnotationDTO, PublicArticleDTO } from "@/lib/domain/types";
import { CLAIM_REVIEW_BEST_RATING, CLAIM_REVIEW_WORST_RATING } from "@/lib/vocabulary/defaults";
import { annotationPermalink, articleUrl, type ExportContext } from "./config";
import { isPartialIsoDate, normalizeHttpUrl, orderedChain, text, toXsdDateTime } from "./values";

export interface SchemaAgent {
  "@type": "Person" | "Organization";
  name: string;
  url?: string;
}

export interface CreativeWork {
  "@type": "CreativeWork";
  url: string;
  name?: string;
  headline?: string;
  datePublished?: string;
  author?: SchemaAgent;
  publisher?: SchemaAgent;
}

/** Another published article where the same claim appears (an approved annotation of the same claim cluster). */
export type ClaimAppearanceArticle = Pick<ArticleMetaDTO, "slug" | "title" | "outlet" | "byline" | "originalUrl" | "publishedDate">;

export interface ClaimReviewOptions {
  /** Per annotation id: the other published articles of its claim cluster. */
  appearances?: Readonly<Record<string, readonly ClaimAppearanceArticle[]>>;
}

export interface ClaimReview {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  /** The verdict's first publication. */
  datePublished: string;
  /** The latest approval that changed the verdict (edits that keep the verdict do not count). */
  dateModified: string;
  author: SchemaAgent;
  reviewRating: {
    "@type": "Rating";
    ratingValue: number;
    bestRating: number;
    worstRating: number;
    alternateName: string;
  };
  itemReviewed: {
    "@type": "Claim";
    author: SchemaAgent;
    datePublished?: string;
    /** One work, or every published article of the claim's cluster. */
    appearance?: CreativeWork | CreativeWork[];
    firstAppearance?: CreativeWork;
  };
}

export function toClaimReviews(
  ctx: ExportContext,
  article: PublicArticleDTO,
  annotations: readonly PublicAnnotationDTO[],
  opts: ClaimReviewOptions = {},
): ClaimReview[] {
  return annotations.flatMap((a) => {
    const review = toClaimReview(ctx, article, a, opts);
    return review ? [review] : [];
  });
}

/** The ClaimReview for one annotation, or null when its status is not rated. */
export function toClaimReview(ctx: ExportContext, article: PublicArticleDTO, a: PublicAnnotationDTO, opts: ClaimReviewOptions = {}): ClaimReview | null {
  const rating = a.status.rating;
  if (rating === null || !Number.isFinite(rating)) return null;
  const claimDate = text(a.claimDate);
  const elsewhere = opts.appearances?.[a.id] ?? [];
  const appearance = elsewhere.length > 0 ? [article, ...elsewhere].map((w) => clusterAppearance(ctx, w)) : appearanceOf(article);
  const published = a.verdictPublishedAt ?? a.approvedAt ?? a.modifiedAt;
  const firstAppearance = firstAppearanceOf(a);
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: annotationPermalink(ctx, article.slug, a.id),
    claimReviewed: a.quote.exact,
    datePublished: toXsdDateTime(published),
    dateModified: toXsdDateTime(a.verdictChangedAt ?? published),
    author: { "@type": "Organization", name: ctx.publisher.name, url: ctx.publisher.url },
    reviewRating: {
      "@type": "Rating",
      ratingValue: rating,
      bestRating: CLAIM_REVIEW_BEST_RATING,
      worstRating: CLAIM_REVIEW_WORST_RATING,
      alternateName: a.status.label,
    },
    itemReviewed: {
      "@type": "Claim",
      author: claimAuthor(article, a),
      ...(isPartialIsoDate(claimDate) ? { datePublished: claimDate } : {}),
      ...(appearance ? { appearance } : {}),
      ...(firstAppearance ? { firstAppearance } : {}),
    },
  };
}

/**
 * Who the text credits with the claim: the named speaker; else, for a claim the article attributes without naming
 * anyone, the speaker's role as the reviewer recorded it ("Russian military analyst (unnamed)"), then the text's own
 * wording ("a spokesperson for the Estonian foreign ministry"); else — the article's own assertion, or no attribution
 * at all — the outlet, then the byline (as a Person), then "Unknown". Type: Person when speakerKind is "person",
 * otherwise Organization.
 */
export function claimAuthor(article: PublicArticleDTO, a: PublicAnnotationDTO): SchemaAgent {
  const ownVoice = a.claimType.slug === "author-assertion";
  const credited = ownVoice ? null : (text(a.speakerName) ?? text(a.speakerRole) ?? text(a.attributionText));
  if (credited) return { "@type": a.speakerKind === "person" ? "Person" : "Organization", name: credited };
  const outlet = text(article.outlet);
  if (outlet) return { "@type": "Organization", name: outlet };
  const byline = text(article.byline?.replace(/^\s*by\s+/i, ""));
  if (byline) return { "@type": "Person", name: byline };
  return { "@type": "Organization", name: "Unknown" };
}

function appearanceOf(article: PublicArticleDTO): CreativeWork | null {
  const url = normalizeHttpUrl(article.originalUrl);
  if (!url) return null;
  const outlet = text(article.outlet);
  return {
    "@type": "CreativeWork",
    url,
    headline: article.title,
    ...(isPartialIsoDate(article.publishedDate) ? { datePublished: article.publishedDate } : {}),
    ...(outlet ? { publisher: { "@type": "Organization", name: outlet } } : {}),
  };
}

/** One article of the claim's cluster: the original if recorded, else our checked copy. */
function clusterAppearance(ctx: ExportContext, w: ClaimAppearanceArticle): CreativeWork {
  const outlet = text(w.outlet);
  const byline = text(w.byline?.replace(/^\s*by\s+/i, ""));
  return {
    "@type": "CreativeWork",
    url: normalizeHttpUrl(w.originalUrl) ?? articleUrl(ctx, w.slug),
    headline: w.title,
    ...(isPartialIsoDate(w.publishedDate) ? { datePublished: w.publishedDate } : {}),
    ...(byline ? { author: { "@type": "Person", name: byline } } : {}),
    ...(outlet ? { publisher: { "@type": "Organization", name: outlet } } : {}),
  };
}

function firstAppearanceOf(a: PublicAnnotationDTO): CreativeWork | null {
  const first = orderedChain(a.chain)[0];
  const url = normalizeHttpUrl(first?.source.url);
  if (!first || !url) return null;
  const date = text(first.source.date);
  return {
    "@type": "CreativeWork",
    url,
    name: first.source.name,
    ...(isPartialIsoDate(date) ? { datePublished: date } : {}),
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element: "<", ">" and "&" are escaped as \u003c etc. so the text
 * can never close the script element or open a comment.
 */
export function toJsonLdScriptContent(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
