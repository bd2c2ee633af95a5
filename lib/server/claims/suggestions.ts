import "server-only";
import { db, type Tx } from "../db";
import type { Actor } from "../actors";
import { authorize, authorizePerson } from "../authorize";
import { invalidateArticle } from "../cache";
import { DomainRuleError, NotFoundError } from "../errors";
import { writeAudit } from "../audit";
import { Prisma } from "../generated/prisma/client";
import { SUGGEST_THRESHOLD, prepareStatement, scorePrepared } from "@/lib/claims/similarity";
import { detectNearMiss } from "@/lib/claims/near-miss";
import { copyChainInto, undoChainCopy } from "./copy-chain";
import { normaliseName } from "@/lib/provenance/names";
import { SEARCH_DOCUMENT, SEARCH_WORD_STATISTICS, tsLexeme } from "./search-sql";
import { ClaimDecisionSchema, UndoClaimDecisionSchema, type ClaimDecisionInput, type ClaimLinkDTO, type ClaimSuggestionDTO } from "@/lib/contracts/claims";
import type { AnnotationContentDTO } from "@/lib/domain/types";

/*
 * "Checked before?": earlier approved annotations whose quote matches a statement's. A candidate filter in
 * PostgreSQL (on a large table, rows sharing the quote's rarest words, ranked by them; on a small one, the `%`
 * operator on the gin_trgm_ops index of approvedQuote with a low similarity threshold), then re-ranking in
 * TypeScript with the claim similarity score (lib/claims/similarity.ts), which is what the thresholds were tuned on. Pairs a reviewer called "different" are never suggested again.
 */

/** The candidate filter's pg_trgm similarity threshold: lower than the suggestion threshold, so rewordings get through. */
const CANDIDATE_TRIGRAM_THRESHOLD = 0.2;
/** This many candidates (the most alike first) are scored by the claim similarity score. */
const CANDIDATE_LIMIT = 50;
/** From this many annotations on (the planner's estimate), candidates are found by the quote's distinctive words. */
const WORD_PREFILTER_FROM = 20_000;
/** How many of the quote's rarest words find candidates (any two of them), and how many rank them. */
const FINDING_WORDS = 8;
const RANKING_WORDS = 16;
/** A word in more than this share of the annotations finds no candidates ("the", "said"); it still ranks them. */
const FINDING_WORD_MAX_FREQUENCY = 0.15;
/** Two words find candidates together where their shares multiplied (as if independent) are at most this. */
const PAIR_FREQUENCY = 0.0005;
/** The share assumed for a word the statistics do not list (rarer than every listed one). */
const UNLISTED_WORD_FREQUENCY = 0.0005;
/** At most this many rows sharing two words are ranked (a bound for pathological quotes, not a sample). */
const WORD_MATCH_LIMIT = 10_000;
export const MAX_SUGGESTIONS = 5;

/** A pair as stored: the smaller id first. */
export function orderedPair(x: string, y: string): { annotationAId: string; annotationBId: string } {
  return x < y ? { annotationAId: x, annotationBId: y } : { annotationAId: y, annotationBId: x };
}

interface CandidateRow {
  id: string;
  approvedQuote: string;
  approvedSnapshot: unknown;
  approvedAt: Date | null;
  articleId: string;
  slug: string;
  title: string;
  state: string;
}

function originOf(chain: readonly { position?: number; source: { name: string } }[] | undefined): string | null {
  if (!chain?.length) return null;
  return [...chain].sort((x, y) => (x.position ?? 0) - (y.position ?? 0))[0]!.source.name;
}

/** Reviewer: up to 5 earlier approved annotations (other articles, or this article's other statements) whose claim matches this statement's. */
export async function getClaimSuggestions(actor: Actor, statementId: string): Promise<ClaimSuggestionDTO[]> {
  authorize(actor, "edit");
  const statement = await db.statement.findUnique({
    where: { id: statementId },
    select: {
      start: true,
      end: true,
      articleId: true,
      article: { select: { text: true } },
      annotation: { select: { id: true, chain: { select: { position: true, source: { select: { name: true } } } } } },
    },
  });
  if (!statement) throw new NotFoundError("Statement");
  const quote = statement.article.text.slice(statement.start, statement.end).trim();
  if (quote.length < 3) return [];
  const self = statement.annotation?.id ?? null;

  const candidates = await db.$transaction(async (tx) => {
    const words = await distinctiveWords(tx, quote);
    if (words) {
      // Rows sharing any two of the quote's rarest words (the full-text index), ranked by the words they share,
      // each weighted by its rarity (log 1/frequency): a rewording keeps the names, places and figures, and those
      // together outweigh the template words a statement of the same kind shares. Reading the stored search document
      // per row is cheap; the claim score then decides among the best CANDIDATE_LIMIT.
      const shared = Prisma.join(
        words.ranking.map((w) => Prisma.sql`(CASE WHEN m."searchDocument" @@ ${w.lexeme}::tsquery THEN ${w.weight}::float8 ELSE 0 END)`),
        " + ",
      );
      return tx.$queryRaw<CandidateRow[]>`
        WITH word_match AS MATERIALIZED (
          SELECT a."id", a."searchDocument" FROM "Annotation" a
          WHERE ${SEARCH_DOCUMENT} @@ ${words.finding}::tsquery AND a."approvedSnapshot" IS NOT NULL AND a."statementId" <> ${statementId}
          LIMIT ${WORD_MATCH_LIMIT}
        ), best AS (
          SELECT m."id", ${shared} AS "shared" FROM word_match m ORDER BY "shared" DESC, m."id" LIMIT ${CANDIDATE_LIMIT}
        )
        SELECT a."id", a."approvedQuote", a."approvedSnapshot", a."approvedAt", a."articleId", ar."slug", ar."title", ar."state"
        FROM best b JOIN "Annotation" a ON a."id" = b."id" JOIN "Article" ar ON ar."id" = a."articleId"
        ORDER BY b."shared" DESC, a."id"`;
    }
    // A small table: the trigram index of the quotes answers fast.
    await tx.$executeRaw`SELECT set_config('pg_trgm.similarity_threshold', ${String(CANDIDATE_TRIGRAM_THRESHOLD)}, true)`;
    return tx.$queryRaw<CandidateRow[]>`
      SELECT a."id", a."approvedQuote", a."approvedSnapshot", a."approvedAt", a."articleId", ar."slug", ar."title", ar."state"
      FROM "Annotation" a JOIN "Article" ar ON ar."id" = a."articleId"
      WHERE a."approvedQuote" % ${quote}
        AND a."approvedSnapshot" IS NOT NULL
        AND a."statementId" <> ${statementId}
      ORDER BY similarity(a."approvedQuote", ${quote}) DESC, a."id"
      LIMIT ${CANDIDATE_LIMIT}`;
  });
  if (candidates.length === 0) return [];

  const decisions = self ? await decisionsAbout(db, self, candidates.map((c) => c.id)) : new Map<string, string>();
  const mine = prepareStatement(quote);
  const myOrigin = originOf(statement.annotation?.chain);
  return candidates
    .filter((c) => decisions.get(c.id) !== "different")
    .map((c) => ({ c, score: scorePrepared(mine, prepareStatement(c.approvedQuote)) }))
    .filter(({ score }) => score >= SUGGEST_THRESHOLD)
    .sort((x, y) => y.score - x.score || x.c.id.localeCompare(y.c.id))
    .slice(0, MAX_SUGGESTIONS)
    .map(({ c, score }) => {
      const content = c.approvedSnapshot as AnnotationContentDTO;
      const origin = originOf(content.chain);
      return {
        annotationId: c.id,
        quote: c.approvedQuote,
        score: Math.round(score * 1000) / 1000,
        verdict: { slug: content.status.slug, label: content.status.label, color: content.status.color },
        approvedAt: c.approvedAt?.toISOString() ?? null,
        speakerName: content.speakerName,
        article: { id: c.articleId, slug: c.slug, title: c.title, published: c.state === "published" },
        sameArticle: c.articleId === statement.articleId,
        sameOrigin: origin && myOrigin ? normaliseName(origin) === normaliseName(myOrigin) : null,
        origin,
        nearMiss: detectNearMiss(quote, c.approvedQuote).reasons.map((r) => ({ kind: r.kind, detail: r.detail })),
        linked: decisions.get(c.id) === "same",
      };
    });
}

/**
 * For a large table, the quote's distinctive words: `finding`, a tsquery matching rows that share a pair of its
 * FINDING_WORDS rarest words rare enough together (PAIR_FREQUENCY), and `ranking`, its RANKING_WORDS rarest with
 * their weights (log 1/share); null below WORD_PREFILTER_FROM rows. A trigram filter alone cannot be fast on a million quotes:
 * every quote shares common trigrams ("the", "per cent") with most others. Rarity comes from the planner's statistics
 * of the search document (pg_stats.most_common_elems: a word not listed is rarer than every listed one). Only words
 * some approved quote has count (SearchWord): the rewording's own words are the rarest of all, and would match nothing.
 */
async function distinctiveWords(tx: Pick<Tx, "$queryRaw">, quote: string): Promise<{ finding: string; ranking: { lexeme: string; weight: number }[] } | null> {
  const [size] = await tx.$queryRaw<{ rows: number }[]>`SELECT reltuples::float8 AS "rows" FROM pg_class WHERE oid = '"Annotation"'::regclass`;
  if (!size || size.rows < WORD_PREFILTER_FROM) return null;
  const ranked = await tx.$queryRaw<{ lexeme: string; frequency: number }[]>`
    SELECT w.lexeme, coalesce(common.frequency, ${UNLISTED_WORD_FREQUENCY})::float8 AS frequency
    FROM unnest(to_tsvector('simple'::regconfig, ${quote})) w
    LEFT JOIN ${SEARCH_WORD_STATISTICS} common ON common.word = w.lexeme
    WHERE EXISTS (SELECT 1 FROM "SearchWord" k WHERE k."word" = w.lexeme AND k."approved")
    ORDER BY coalesce(common.frequency, 0), length(w.lexeme) DESC, w.lexeme
    LIMIT ${RANKING_WORDS}`;
  if (ranked.length === 0) return null;
  const finding = ranked.filter((w) => w.frequency <= FINDING_WORD_MAX_FREQUENCY).slice(0, FINDING_WORDS);
  const pairs: string[] = [];
  for (let i = 0; i < finding.length; i++) {
    for (let j = i + 1; j < finding.length; j++) {
      if (finding[i]!.frequency * finding[j]!.frequency <= PAIR_FREQUENCY) pairs.push(`(${tsLexeme(finding[i]!.lexeme)} & ${tsLexeme(finding[j]!.lexeme)})`);
    }
  }
  // No pair rare enough: the two rarest words (or the one word).
  if (pairs.length === 0) pairs.push(ranked.slice(0, 2).map((w) => tsLexeme(w.lexeme)).join(" & "));
  return {
    finding: pairs.join(" | "),
    ranking: ranked.map((w) => ({ lexeme: tsLexeme(w.lexeme), weight: Math.log(1 / Math.max(w.frequency, 1e-6)) })),
  };
}

/** The stored decisions between `annotationId` and each of `others`: other id → "same" | "different". */
async function decisionsAbout(tx: Pick<Tx, "claimLink">, annotationId: string, others: string[]): Promise<Map<string, string>> {
  const rows = await tx.claimLink.findMany({
    where: {
      OR: [
        { annotationAId: annotationId, annotationBId: { in: others } },
        { annotationBId: annotationId, annotationAId: { in: others } },
      ],
    },
    select: { annotationAId: true, annotationBId: true, relation: true },
  });
  return new Map(rows.map((r) => [r.annotationAId === annotationId ? r.annotationBId : r.annotationAId, r.relation]));
}

/** Reviewer: every decision recorded about this annotation, for the workspace (undo lives there). */
export async function getClaimLinks(actor: Actor, annotationId: string): Promise<ClaimLinkDTO[]> {
  authorize(actor, "edit");
  const rows = await db.claimLink.findMany({
    where: { OR: [{ annotationAId: annotationId }, { annotationBId: annotationId }] },
    orderBy: { createdAt: "asc" },
    select: {
      relation: true,
      annotationA: { select: { id: true, quoteExact: true, approvedQuote: true, approvedSnapshot: true, article: { select: { id: true, slug: true, title: true } } } },
      annotationB: { select: { id: true, quoteExact: true, approvedQuote: true, approvedSnapshot: true, article: { select: { id: true, slug: true, title: true } } } },
    },
  });
  return rows.map((r) => {
    const other = r.annotationA.id === annotationId ? r.annotationB : r.annotationA;
    const content = other.approvedSnapshot as AnnotationContentDTO | null;
    return {
      annotationId: other.id,
      relation: r.relation as "same" | "different",
      quote: other.approvedQuote ?? other.quoteExact,
      article: other.article,
      verdictLabel: content?.status.label ?? null,
    };
  });
}

async function slugsOf(tx: Pick<Tx, "annotation">, ids: string[]): Promise<string[]> {
  const rows = await tx.annotation.findMany({ where: { id: { in: ids } }, select: { article: { select: { slug: true, state: true } } } });
  return rows.filter((r) => r.article.state === "published").map((r) => r.article.slug);
}

/**
 * Reviewer: "Same claim" (the two join a claim cluster) or "Different claim" (the pair is never suggested again).
 * One decision per pair: undo it before changing it. Audited in the same transaction.
 */
export async function decideClaimLink(actor: Actor, input: ClaimDecisionInput): Promise<{ relation: "same" | "different"; copied: { version: number } | null }> {
  const user = authorizePerson(actor, "edit");
  const data = ClaimDecisionSchema.parse(input);
  if (data.annotationId === data.otherAnnotationId) throw new DomainRuleError("An annotation cannot be linked to itself.");
  if (data.copyChain && data.relation !== "same") throw new DomainRuleError("Only “Same claim” can copy the earlier chain and evidence.");
  const pair = orderedPair(data.annotationId, data.otherAnnotationId);
  const { slugs, copied } = await db.$transaction(async (tx) => {
    const found = await tx.annotation.count({ where: { id: { in: [pair.annotationAId, pair.annotationBId] } } });
    if (found !== 2) throw new NotFoundError("Annotation");
    const existing = await tx.claimLink.findUnique({ where: { annotationAId_annotationBId: pair }, select: { relation: true } });
    if (existing) {
      throw new DomainRuleError(
        existing.relation === data.relation
          ? `These two are already marked as ${existing.relation === "same" ? "the same claim" : "different claims"}.`
          : `These two are marked as ${existing.relation === "same" ? "the same claim" : "different claims"}: undo that first.`,
      );
    }
    try {
      await tx.claimLink.create({ data: { ...pair, relation: data.relation, createdById: user.id } });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new DomainRuleError("Someone else decided about these two in the meantime. Reload to see their decision.");
      throw error;
    }
    await writeAudit(tx, user, { action: "claim_link.create", entityId: `${pair.annotationAId}:${pair.annotationBId}`, data: { after: { ...pair, relation: data.relation } } });
    // The copy goes into the open annotation (annotationId), from the earlier one; only its working copy changes.
    const copy = data.copyChain ? await copyChainInto(tx, user, data.annotationId, data.otherAnnotationId, data.version) : null;
    return { slugs: data.relation === "same" ? await slugsOf(tx, [pair.annotationAId, pair.annotationBId]) : [], copied: copy ? { version: copy.version } : null };
  });
  // Readers see "Also checked in N articles" on both sides.
  for (const slug of new Set(slugs)) invalidateArticle(slug);
  return { relation: data.relation, copied };
}

/**
 * Reviewer: undoes a "same" or "different" decision (audited with what it was). A chain and evidence copied with the
 * "same" link are taken out again (the version before the copy is restored) while that annotation is unchanged since
 * the copy; once someone edited it, the copy stays as their working copy (`copy: "kept"`).
 */
export async function undoClaimLink(actor: Actor, input: { annotationId: string; otherAnnotationId: string }): Promise<{ copy: "restored" | "kept" | "none" }> {
  const user = authorizePerson(actor, "edit");
  const data = UndoClaimDecisionSchema.parse(input);
  const pair = orderedPair(data.annotationId, data.otherAnnotationId);
  const result = await db.$transaction(async (tx) => {
    const existing = await tx.claimLink.findUnique({ where: { annotationAId_annotationBId: pair }, select: { id: true, relation: true } });
    if (!existing) throw new DomainRuleError("There is no decision about these two to undo (someone may have undone it already).");
    await tx.claimLink.delete({ where: { id: existing.id } });
    const relation = existing.relation as "same" | "different";
    await writeAudit(tx, user, { action: "claim_link.delete", entityId: `${pair.annotationAId}:${pair.annotationBId}`, data: { before: { ...pair, relation } } });
    let copy: "restored" | "kept" | "none" = "none";
    if (relation === "same") {
      for (const [into, from] of [[pair.annotationAId, pair.annotationBId], [pair.annotationBId, pair.annotationAId]] as const) {
        const outcome = await undoChainCopy(tx, user, into, from);
        if (outcome !== "none") copy = outcome;
      }
    }
    return { slugs: relation === "same" ? await slugsOf(tx, [pair.annotationAId, pair.annotationBId]) : [], copy };
  });
  for (const slug of new Set(result.slugs)) invalidateArticle(slug);
  return { copy: result.copy };
}
