import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "../db";
import type { Actor } from "../actors";
import { authorize } from "../authorize";
import { PUBLIC_ARTICLES_TAG, articleTag } from "../cache";
import { isPlausibleSlug } from "../reader";
import type { ClaimAppearanceArticle } from "@/lib/export/claim-review";

/** Where else a published claim appears: the other published articles of its claim cluster (what ClaimReview's `appearance` lists). */
export interface ClaimAppearance extends ClaimAppearanceArticle {
  annotationId: string;
}

/** Per annotation id of the article: the other published articles (one entry each) whose approved annotation is the same claim. */
export type ClaimAppearances = Record<string, ClaimAppearance[]>;

interface Row extends ClaimAppearanceArticle {
  seed: string;
  member: string;
}

/**
 * The clusters are the connected "same" links (ClaimLink); a recursive query walks them from each approved
 * annotation of the article (UNION stops at cycles). Only approved annotations of published articles count.
 */
async function loadAppearances(slug: string): Promise<ClaimAppearances> {
  const rows = await db.$queryRaw<Row[]>`
    WITH RECURSIVE
      seeds AS (
        SELECT a."id" FROM "Annotation" a JOIN "Article" ar ON ar."id" = a."articleId"
        WHERE ar."slug" = ${slug} AND ar."state" = 'published' AND a."approvedSnapshot" IS NOT NULL
      ),
      edges AS (
        SELECT "annotationAId" AS x, "annotationBId" AS y FROM "ClaimLink" WHERE "relation" = 'same'
        UNION ALL
        SELECT "annotationBId" AS x, "annotationAId" AS y FROM "ClaimLink" WHERE "relation" = 'same'
      ),
      cluster(seed, member) AS (
        SELECT "id", "id" FROM seeds
        UNION
        SELECT c.seed, e.y FROM cluster c JOIN edges e ON e.x = c.member
      )
    SELECT c.seed, c.member, ar."slug", ar."title", ar."outlet", ar."byline", ar."originalUrl", ar."publishedDate"
    FROM cluster c
    JOIN "Annotation" m ON m."id" = c.member
    JOIN "Article" ar ON ar."id" = m."articleId"
    WHERE c.member <> c.seed AND ar."state" = 'published' AND m."approvedSnapshot" IS NOT NULL AND ar."slug" <> ${slug}
    ORDER BY ar."slug", c.member`;
  const out: ClaimAppearances = {};
  for (const r of rows) {
    const list = (out[r.seed] ??= []);
    if (!list.some((x) => x.slug === r.slug)) list.push({ annotationId: r.member, slug: r.slug, title: r.title, outlet: r.outlet, byline: r.byline, originalUrl: r.originalUrl, publishedDate: r.publishedDate });
  }
  return out;
}

/** Public: for each approved annotation of a published article, the other published articles where the same claim was checked. */
export async function getClaimAppearances(actor: Actor, slug: string): Promise<ClaimAppearances> {
  authorize(actor, "read_published");
  if (!isPlausibleSlug(slug)) return {};
  // Linking invalidates both articles' tags; publishing or unpublishing another article invalidates the list tag.
  return unstable_cache(loadAppearances, ["claims:appearances", slug], { tags: [articleTag(slug), PUBLIC_ARTICLES_TAG] })(slug);
}
