import "server-only";
import { db } from "../db";
import type { Actor } from "../actors";
import { authorize } from "../authorize";
import { DomainRuleError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { getReaderVocabulary } from "../reader";
import { SEARCH_DOCUMENT, likeContains } from "./search-sql";
import { SEARCH_PAGE_SIZE, SearchQuerySchema, type SearchHitDTO, type SearchQuery, type SearchQueryInput, type SearchResultDTO } from "@/lib/contracts/claims";
import type { AnnotationContentDTO } from "@/lib/domain/types";

/*
 * Search over published statements: only annotations of published articles, and only their approved content
 * (approvedQuote, approvedSnapshot, approvedStatusSlug/TypeSlug), so a pending edit never shows. Full text (the
 * expression index over quote + speaker + attribution) or, for misspelt terms, trigram word similarity on the quote
 * (the gin_trgm_ops index). Keyset pagination: (approvedAt, id) for the default most-recent order, (rank, id) for
 * relevance.
 */

/** How close a misspelt term must be to a word of the quote (pg_trgm word similarity, 0..1). */
const FUZZY_WORD_THRESHOLD = 0.5;

type Cursor = { k: "recent"; t: string; id: string } | { k: "relevance"; r: number; id: string };

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

export function decodeCursor(raw: string | undefined, order: SearchQuery["order"]): Cursor | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    if (c.k !== order || typeof c.id !== "string" || c.id.length > 64) throw new Error("kind");
    if (c.k === "recent" && (typeof c.t !== "string" || Number.isNaN(Date.parse(c.t)))) throw new Error("time");
    if (c.k === "relevance" && (typeof c.r !== "number" || !Number.isFinite(c.r))) throw new Error("rank");
    return c;
  } catch {
    throw new DomainRuleError("This results page link is not valid (its cursor is damaged or from another order). Start the search again.", "cursor");
  }
}

interface HitRow {
  id: string;
  approvedQuote: string;
  approvedSnapshot: unknown;
  approvedStatusSlug: string | null;
  approvedTypeSlug: string | null;
  approvedAt: Date;
  slug: string;
  title: string;
  outlet: string | null;
  publishedDate: string | null;
  language: string;
  rank: number | null;
}

/** Public: published statements matching the query and filters, one page (the actor reads published content only). */
export async function searchStatements(actor: Actor, input: SearchQueryInput, opts: { pageSize?: number } = {}): Promise<SearchResultDTO> {
  authorize(actor, "read_published");
  const parsed = SearchQuerySchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainRuleError(issue.message, String(issue.path[0] ?? "q"));
  }
  const query = parsed.data;
  const pageSize = Math.min(Math.max(opts.pageSize ?? SEARCH_PAGE_SIZE, 1), 100);
  // Relevance needs words to rank by; without them the order is the default.
  const order = query.order === "relevance" && query.q ? "relevance" : "recent";
  const cursor = decodeCursor(query.cursor, order);

  const tsQuery = Prisma.sql`websearch_to_tsquery('simple'::regconfig, ${query.q})`;
  const where: Prisma.Sql[] = [
    Prisma.sql`ar."state" = 'published'`,
    Prisma.sql`a."approvedSnapshot" IS NOT NULL`,
    Prisma.sql`a."approvedQuote" IS NOT NULL`,
    Prisma.sql`a."approvedAt" IS NOT NULL`,
  ];
  if (query.q) {
    // A term of three letters or more may also match a misspelt word of the quote (trigram word similarity).
    where.push(query.q.length >= 3 ? Prisma.sql`(${SEARCH_DOCUMENT} @@ ${tsQuery} OR ${query.q} <% a."approvedQuote")` : Prisma.sql`${SEARCH_DOCUMENT} @@ ${tsQuery}`);
  }
  if (query.verdict) where.push(Prisma.sql`a."approvedStatusSlug" = ${query.verdict}`);
  if (query.type) where.push(Prisma.sql`a."approvedTypeSlug" = ${query.type}`);
  if (query.speaker) where.push(Prisma.sql`(a."approvedSnapshot"->>'speakerName') ILIKE ${likeContains(query.speaker)}`);
  if (query.source) {
    // Approved chains keep the source ids they were approved with: a source's statements include those of the sources merged into it.
    where.push(Prisma.sql`EXISTS (
      SELECT 1 FROM "Source" s WHERE (s."id" = ${query.source} OR s."mergedIntoId" = ${query.source})
        AND (a."approvedSnapshot"->'chain') @> jsonb_build_array(jsonb_build_object('source', jsonb_build_object('id', s."id"))))`);
  }
  if (query.outlet) where.push(Prisma.sql`ar."outlet" ILIKE ${likeContains(query.outlet)}`);
  if (query.language) where.push(Prisma.sql`lower(ar."language") = lower(${query.language})`);
  if (query.from) where.push(Prisma.sql`a."approvedAt" >= ${new Date(`${query.from}T00:00:00Z`)}`);
  if (query.to) where.push(Prisma.sql`a."approvedAt" < ${new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000)}`);

  const rank = Prisma.sql`ts_rank(${SEARCH_DOCUMENT}, ${tsQuery})::float8`;
  let orderBy: Prisma.Sql;
  if (order === "relevance") {
    if (cursor?.k === "relevance") where.push(Prisma.sql`(${rank} < ${cursor.r} OR (${rank} = ${cursor.r} AND a."id" < ${cursor.id}))`);
    orderBy = Prisma.sql`ORDER BY ${rank} DESC, a."id" DESC`;
  } else {
    if (cursor?.k === "recent") where.push(Prisma.sql`(a."approvedAt", a."id") < (${new Date(cursor.t)}, ${cursor.id})`);
    orderBy = Prisma.sql`ORDER BY a."approvedAt" DESC, a."id" DESC`;
  }

  const rows = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(FUZZY_WORD_THRESHOLD)}, true)`;
    return tx.$queryRaw<HitRow[]>`
      SELECT a."id", a."approvedQuote", a."approvedSnapshot", a."approvedStatusSlug", a."approvedTypeSlug", a."approvedAt",
             ar."slug", ar."title", ar."outlet", ar."publishedDate", ar."language",
             ${order === "relevance" ? rank : Prisma.sql`NULL::float8`} AS "rank"
      FROM "Annotation" a JOIN "Article" ar ON ar."id" = a."articleId"
      WHERE ${Prisma.join(where, " AND ")}
      ${orderBy}
      LIMIT ${pageSize + 1}`;
  });

  const vocabulary = await getReaderVocabulary(actor);
  const statuses = new Map(vocabulary.statuses.map((s) => [s.slug, s]));
  const types = new Map(vocabulary.claimTypes.map((t) => [t.slug, t]));
  const page = rows.slice(0, pageSize);
  const hits: SearchHitDTO[] = page.map((r) => {
    const content = r.approvedSnapshot as AnnotationContentDTO;
    const status = statuses.get(content.status.slug) ?? content.status;
    const type = types.get(content.claimType.slug) ?? content.claimType;
    return {
      annotationId: r.id,
      quote: r.approvedQuote,
      verdict: { slug: status.slug, label: status.label, color: status.color },
      claimType: { slug: type.slug, label: type.label, shortLabel: type.shortLabel, color: type.color },
      speakerName: content.speakerName,
      attributionText: content.attributionText,
      claimDate: content.claimDate,
      article: { slug: r.slug, title: r.title, outlet: r.outlet, publishedDate: r.publishedDate, language: r.language },
      approvedAt: r.approvedAt.toISOString(),
      permalink: `/articles/${encodeURIComponent(r.slug)}?annotation=${encodeURIComponent(r.id)}`,
      ...(r.rank !== null ? { rank: r.rank } : {}),
    };
  });
  const last = page.at(-1);
  const nextCursor =
    rows.length > pageSize && last
      ? encodeCursor(order === "relevance" ? { k: "relevance", r: last.rank ?? 0, id: last.id } : { k: "recent", t: last.approvedAt.toISOString(), id: last.id })
      : null;
  return { query: { ...query, order }, hits, nextCursor };
}
