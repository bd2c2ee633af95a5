import "server-only";
import { db } from "../db";
import type { Actor } from "../actors";
import { authorize } from "../authorize";
import { DomainRuleError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { bitmapScansOnly, likeContains } from "./search-sql";
import { COMMON_WORD_FREQUENCY, PROBED_STATEMENTS, decodeCursor, encodeCursor, widenedQuery } from "./search";
import { SEARCH_PAGE_SIZE, SearchQuerySchema, type DraftSearchHitDTO, type DraftSearchResultDTO, type SearchQueryInput } from "@/lib/contracts/claims";

/*
 * Reviewers' "Including drafts" tab: the WORKING content of every annotation (drafts, in review, pending revisions,
 * unpublished articles), newest change first. Never shown to readers: the data layer asks for the "edit" permission,
 * and every hit links to the workspace, not to a public permalink. As the published search: the stored document of
 * the working content ("workingSearchDocument", GIN-indexed), each word widened to the known words like it (of
 * working quotes too), the newest PROBED_STATEMENTS changes tested first unless the words are rare, else the matches
 * through the indexes alone.
 */

interface Row {
  id: string;
  quoteExact: string;
  statementId: string | null;
  speakerName: string | null;
  workflowState: string;
  hasApproved: boolean;
  updatedAt: Date;
  articleId: string;
  title: string;
  outlet: string | null;
  state: string;
  statusSlug: string;
  statusLabel: string;
  statusColor: string;
  typeSlug: string;
  typeLabel: string;
}

export async function searchWorkingStatements(actor: Actor, input: SearchQueryInput, opts: { pageSize?: number } = {}): Promise<DraftSearchResultDTO> {
  authorize(actor, "edit");
  const parsed = SearchQuerySchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DomainRuleError(issue.message, String(issue.path[0] ?? "q"));
  }
  // Working content changes all the time: newest change first is the only order here.
  const query = { ...parsed.data, order: "recent" as const };
  const pageSize = Math.min(Math.max(opts.pageSize ?? SEARCH_PAGE_SIZE, 1), 100);
  const cursor = decodeCursor(query.cursor, "recent");

  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (query.verdict) where.push(Prisma.sql`s."slug" = ${query.verdict}`);
  if (query.type) where.push(Prisma.sql`t."slug" = ${query.type}`);
  if (query.speaker) where.push(Prisma.sql`a."speakerName" ILIKE ${likeContains(query.speaker)}`);
  if (query.source) where.push(Prisma.sql`EXISTS (SELECT 1 FROM "ProvenanceHop" h WHERE h."annotationId" = a."id" AND h."sourceId" = ${query.source})`);
  if (query.outlet) where.push(Prisma.sql`ar."outlet" ILIKE ${likeContains(query.outlet)}`);
  if (query.language) where.push(Prisma.sql`lower(ar."language") = lower(${query.language})`);
  if (query.from) where.push(Prisma.sql`a."updatedAt" >= ${new Date(`${query.from}T00:00:00Z`)}`);
  if (query.to) where.push(Prisma.sql`a."updatedAt" < ${new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000)}`);
  const after = cursor?.k === "recent" ? Prisma.sql`(a."updatedAt", a."id") < (${new Date(cursor.t)}, ${cursor.id})` : null;
  if (after) where.push(after);

  const rows = await db.$transaction(async (tx) => {
    const widened = query.q ? await widenedQuery(tx, query.q, true) : null;
    if (widened) where.push(Prisma.sql`a."workingSearchDocument" @@ ${widened.tsQuery}`);
    const page = (from: Prisma.Sql) => tx.$queryRaw<Row[]>`
      SELECT a."id", a."quoteExact", a."statementId", a."speakerName", a."workflowState", (a."approvedSnapshot" IS NOT NULL) AS "hasApproved", a."updatedAt",
             ar."id" AS "articleId", ar."title", ar."outlet", ar."state",
             s."slug" AS "statusSlug", s."label" AS "statusLabel", s."color" AS "statusColor", t."slug" AS "typeSlug", t."label" AS "typeLabel"
      FROM ${from}
      JOIN "Article" ar ON ar."id" = a."articleId"
      JOIN "VerificationStatus" s ON s."id" = a."statusId"
      JOIN "ClaimType" t ON t."id" = a."claimTypeId"
      WHERE ${Prisma.join(where, " AND ")}
      ORDER BY a."updatedAt" DESC, a."id" DESC
      LIMIT ${pageSize + 1}`;
    // Without words or a speaker, the planner's walk of the newest changes (the other filters have no index).
    if (!widened && !query.speaker) return page(Prisma.sql`"Annotation" a`);
    // Rare words (by the published search's statistics; working content is mostly the approved one) are found through
    // the index; other words, and a speaker, are looked for among the newest changes first, where a full page is the page.
    if (!widened || widened.rarest >= COMMON_WORD_FREQUENCY) {
      const probed = await page(Prisma.sql`(
        SELECT a.* FROM "Annotation" a ${after ? Prisma.sql`WHERE ${after}` : Prisma.empty}
        ORDER BY a."updatedAt" DESC, a."id" DESC LIMIT ${PROBED_STATEMENTS}) a`);
      if (probed.length > pageSize) return probed;
    }
    // Through the indexes (words: the document; speaker: its trigrams): the planner over-estimates words it has no
    // statistics for, and would walk the newest changes testing each.
    await bitmapScansOnly(tx, true);
    return page(Prisma.sql`"Annotation" a`);
  });
  const page = rows.slice(0, pageSize);
  const hits: DraftSearchHitDTO[] = page.map((r) => ({
    annotationId: r.id,
    quote: r.quoteExact,
    verdict: { slug: r.statusSlug, label: r.statusLabel, color: r.statusColor },
    claimType: { slug: r.typeSlug, label: r.typeLabel },
    speakerName: r.speakerName,
    workflowState: r.workflowState as DraftSearchHitDTO["workflowState"],
    hasApprovedVersion: r.hasApproved,
    article: { id: r.articleId, title: r.title, outlet: r.outlet, published: r.state === "published" },
    updatedAt: r.updatedAt.toISOString(),
    workspaceHref: `/review/articles/${encodeURIComponent(r.articleId)}${r.statementId ? `?s=${encodeURIComponent(r.statementId)}` : ""}`,
  }));
  const last = page.at(-1);
  return { query, hits, nextCursor: rows.length > pageSize && last ? encodeCursor({ k: "recent", t: last.updatedAt.toISOString(), id: last.id }) : null };
}
