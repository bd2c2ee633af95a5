/**
 * schema.org ClaimReview JSON-LD: one per annotation whose verification status carries a rating.
 * https://schema.org/ClaimReview — statuses with `rating: null` (unverified, in progress, …) produce nothing.
 */
import type { PublicAnnotationDTO, PublicArticleDTO } from "@/lib/domain/types";
import { CLAIM_REVIEW_BEST_RATING, CLAIM_REVIEW_WORST_RATING } from "@/lib/vocabulary/defaults";
import { annotationPermalink, type ExportContext } from "./config";
import { isPartialIsoDate, normalizeHttpUrl, orderedChain, text, toIsoDate } from "./values";

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
  publisher?: SchemaAgent;
}

export interface ClaimReview {
  "@context": "https://schema.org";
  "@type": "ClaimReview";
  url: string;
  claimReviewed: string;
  datePublished: string;
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
    appearance?: CreativeWork;
    firstAppearance?: CreativeWork;
  };
}

export function toClaimReviews(
  ctx: ExportContext,
  article: PublicArticleDTO,
  annotations: readonly PublicAnnotationDTO[],
): ClaimReview[] {
  return annotations.flatMap((a) => {
    const review = toClaimReview(ctx, article, a);
    return review ? [review] : [];
  });
}

/** The ClaimReview for one annotation, or null when its status is not rated. */
export function toClaimReview(ctx: ExportContext, article: PublicArticleDTO, a: PublicAnnotationDTO): ClaimReview | null {
  const rating = a.status.rating;
  if (rating === null || !Number.isFinite(rating)) return null;
  const claimDate = text(a.claimDate);
  const appearance = appearanceOf(article);
  const firstAppearance = firstAppearanceOf(a);
  return {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    url: annotationPermalink(ctx, article.slug, a.id),
    claimReviewed: a.quote.exact,
    datePublished: toIsoDate(a.approvedAt ?? a.modifiedAt),
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
