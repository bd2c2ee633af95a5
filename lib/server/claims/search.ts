import "server-only";
import { db, type Tx } from "../db";
import type { Actor } from "../actors";
import { authorize } from "../authorize";
import { DomainRuleError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { getReaderVocabulary } from "../reader";
import { SEARCH_DOCUMENT, SOURCE_KEYS, bitmapScansOnly, countWithSourceKeys, likeContains, newestWithSourceKeys, tsLexeme, wordFrequency } from "./search-sql";
import { SEARCH_PAGE_SIZE, SearchQuerySchema, type SearchHitDTO, type SearchQuery, type SearchQueryInput, type SearchResultDTO } from "@/lib/contracts/claims";
import type { AnnotationContentDTO } from "@/lib/domain/types";

/*
 * Search over published statements: only annotations of published articles, and only their approved content
 * (approvedQuote, approvedSnapshot, approvedStatusSlug/TypeSlug), so a pending edit never shows. Full text (the
 * expression index over quote + speaker + attribution), each word of three letters or more widened to the words of
 * the quotes that look like it (SearchWord, trigram word similarity), so a misspelt term still finds them. Keyset
 * pagination: (approvedAt, id) for the default most-recent order, (rank, id) for relevance, which ranks the
 * RANKED_MATCHES most recent matches.
 */

/** How close a known word must be to a search word to stand in for it (pg_trgm word similarity, 0..1). */
const FUZZY_WORD_THRESHOLD = 0.5;
/** At most this many known words stand in for one search word. */
const FUZZY_ALTERNATIVES = 5;
/**
 * Relevance ranks the most recent this many matches: ts_rank reads each match's document, which for a common term
 * at a million statements would be hundreds of thousands of documents per search.
 */
export const RANKED_MATCHES = 1000;
/** Up to this many matches, the default order sorts them all (see searchStatements). */
const FEW_MATCHES = 2_000;
/**
 * Unless the words are rare, how many of the newest statements are tested first: enough for a page when matches are
 * dense, ~20 ms to walk (the stored search document is read, not computed).
 */
export const PROBED_STATEMENTS = 5_000;
/**
 * A large source's or speaker's newest statements are merged from their keys and all read before the first is tested
 * (the walk of the whole table stops at the page): this many are tried before PROBED_STATEMENTS.
 */
const FIRST_PROBED_OF_FILTER = 250;
/**
 * Relevance walks at most this many statements newest first for its RANKED_MATCHES (~4 µs each, a bitmap heap scan
 * ~25 µs per match: walking wins above ~1.5 % matches).
 */
const WALKED_STATEMENTS = 70_000;
/** A word in less than this share of the statements is rare; in DENSE_WORD_FREQUENCY or more, very common (see searchStatements). */
export const COMMON_WORD_FREQUENCY = 0.01;
const DENSE_WORD_FREQUENCY = 0.05;
/** A speaker filter matching more approved speaker names than this is matched statement by statement (trigram index). */
const MAX_SPEAKER_NAMES = 50;

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

/**
 * The search text as a tsquery (websearch syntax), each word of three letters or more widened to up to
 * FUZZY_ALTERNATIVES words of the quotes like it (as `term <% quote` matched before, per word): "landmnes" becomes
 * 'landmnes' | 'landmines', "mines" also finds "landmines". The words of approved quotes only, unless `workingWords`
 * (the reviewers' drafts search): a draft's words never shape what readers get.
 */
export async function widenedQuery(tx: Pick<Tx, "$executeRaw" | "$queryRaw">, q: string, workingWords = false): Promise<{ tsQuery: Prisma.Sql; rarest: number }> {
  await tx.$executeRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(FUZZY_WORD_THRESHOLD)}, true)`;
  // frequency: of the word and the words standing in for it (any of them matches).
  const words = await tx.$queryRaw<{ word: string; alike: string[]; frequency: number }[]>`
    SELECT t.word, x.alike,
           (${wordFrequency(Prisma.sql`t.word`)} + coalesce((SELECT sum(${wordFrequency(Prisma.sql`o.word`)}) FROM unnest(x.alike) AS o(word)), 0))::float8 AS frequency
    FROM unnest(tsvector_to_array(to_tsvector('simple'::regconfig, ${q}))) AS t(word)
    CROSS JOIN LATERAL (SELECT CASE WHEN length(t.word) >= 3 THEN ARRAY(
      SELECT w."word" FROM "SearchWord" w WHERE t.word <% w."word" AND w."word" <> t.word ${workingWords ? Prisma.empty : Prisma.sql`AND w."approved"`}
      ORDER BY word_similarity(t.word, w."word") DESC, similarity(t.word, w."word") DESC, w."word" LIMIT ${FUZZY_ALTERNATIVES}
    ) ELSE '{}'::text[] END AS alike) x`;
  let tsQuery = Prisma.sql`websearch_to_tsquery('simple'::regconfig, ${q})`;
  for (const { word, alike } of words) {
    if (alike.length === 0) continue;
    tsQuery = Prisma.sql`ts_rewrite(${tsQuery}, ${tsLexeme(word)}::tsquery, ${[word, ...alike].map(tsLexeme).join(" | ")}::tsquery)`;
  }
  // The share of statements having the rarest word (by the planner's statistics), an upper bound of how dense the
  // matches are (for words ANDed, as websearch_to_tsquery joins them).
  return { tsQuery, rarest: words.length > 0 ? Math.min(...words.map((w) => w.frequency)) : 0 };
}

/**
 * The matches of the filters on "Annotation" alone (the article's are left to the page), at most `limit`, found
 * through the indexes alone (bitmap scans; see bitmapScansOnly): the planner would otherwise walk the newest-first
 * index under the LIMIT, testing nearly every statement for words it over-estimates.
 */
async function matchingIndexesOnly(
  tx: Pick<Tx, "$executeRaw" | "$queryRaw">,
  where: Prisma.Sql[],
  limit: number,
): Promise<{ id: string; approvedAt: Date }[]> {
  await bitmapScansOnly(tx, true);
  const annotationOnly = where.filter((w) => !w.sql.includes('ar."'));
  const found = await tx.$queryRaw<{ id: string; approvedAt: Date }[]>`
    SELECT a."id", a."approvedAt" FROM "Annotation" a WHERE ${Prisma.join(annotationOnly, " AND ")} LIMIT ${limit}`;
  await bitmapScansOnly(tx, false);
  return found;
}

/**
 * The 'speaker:' keys ("AnnotationSourceKey") of the approved speaker names the filter text matches (as the filter's
 * ILIKE does, through "SearchSpeaker"), or null when there are more than MAX_SPEAKER_NAMES of them.
 */
async function speakerKeysLike(tx: Pick<Tx, "$queryRaw">, speaker: string): Promise<string[] | null> {
  const names = await tx.$queryRaw<{ key: string }[]>`
    SELECT DISTINCT 'speaker:' || lower(s."name") AS "key" FROM "SearchSpeaker" s WHERE s."name" ILIKE ${likeContains(speaker)} LIMIT ${MAX_SPEAKER_NAMES + 1}`;
  return names.length > MAX_SPEAKER_NAMES ? null : names.map((n) => n.key);
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

  const rows = await db.$transaction(async (tx) => {
    const { tsQuery, rarest } = query.q ? await widenedQuery(tx, query.q) : { tsQuery: Prisma.sql`NULL::tsquery`, rarest: 0 };
    // Approved chains keep the source ids they were approved with: a source's statements include those of the
    // sources an admin merged into it.
    const sourceKeys = query.source
      ? (await tx.$queryRaw<{ key: string }[]>`SELECT 'id:' || s."id" AS "key" FROM "Source" s WHERE s."id" = ${query.source} OR s."mergedIntoId" = ${query.source}`).map((r) => r.key)
      : null;
    // A speaker filter (alone: with a source too, the source's keys lead): the approved speaker names it matches, as
    // keys of their statements; null when it matches too many names to read each one's statements.
    const speakerKeys = query.speaker && !sourceKeys ? await speakerKeysLike(tx, query.speaker) : null;
    // The statements a source or speaker filter allows, read newest first through "AnnotationSourceKey".
    const filterKeys = sourceKeys ?? speakerKeys;
    const where: Prisma.Sql[] = [
      Prisma.sql`ar."state" = 'published'`,
      Prisma.sql`a."approvedSnapshot" IS NOT NULL`,
      Prisma.sql`a."approvedQuote" IS NOT NULL`,
      Prisma.sql`a."approvedAt" IS NOT NULL`,
    ];
    const textMatch = Prisma.sql`${SEARCH_DOCUMENT} @@ ${tsQuery}`;
    if (query.q) where.push(textMatch);
    if (query.verdict) where.push(Prisma.sql`a."approvedStatusSlug" = ${query.verdict}`);
    if (query.type) where.push(Prisma.sql`a."approvedTypeSlug" = ${query.type}`);
    if (query.speaker) where.push(Prisma.sql`(a."approvedSnapshot"->>'speakerName') ILIKE ${likeContains(query.speaker)}`);
    if (sourceKeys) where.push(Prisma.sql`${SOURCE_KEYS} && ${sourceKeys}::text[]`);
    if (query.outlet) where.push(Prisma.sql`ar."outlet" ILIKE ${likeContains(query.outlet)}`);
    if (query.language) where.push(Prisma.sql`lower(ar."language") = lower(${query.language})`);
    if (query.from) where.push(Prisma.sql`a."approvedAt" >= ${new Date(`${query.from}T00:00:00Z`)}`);
    if (query.to) where.push(Prisma.sql`a."approvedAt" < ${new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000)}`);
    const columns = Prisma.sql`a."id", a."approvedQuote", a."approvedSnapshot", a."approvedStatusSlug", a."approvedTypeSlug", a."approvedAt",
             ar."slug", ar."title", ar."outlet", ar."publishedDate", ar."language"`;

    // The newest `statements` statements (past the cursor), walked newest first through the (approvedAt, id) index,
    // as "a": reading each one's stored search document is cheap, so where matches are dense this finds them sooner
    // than the indexes, which read every match wherever it is. With a source or speaker filter, its newest statements
    // ("AnnotationSourceKey"); a filter allowing no more than PROBED_STATEMENTS statements is then read whole, and what
    // matches among them is every match.
    const before = cursor?.k === "recent" ? { at: new Date(cursor.t), id: cursor.id } : null;
    const newest = (statements: number, keys: string[] | null = filterKeys) =>
      keys
        ? Prisma.sql`(
        SELECT a.* FROM (${newestWithSourceKeys(keys, statements, before)}) s
        ${
          // With a speaker filter, each by its id (OFFSET 0 keeps the filter out of the lookup: else the planner may
          // pick the speaker's trigram index for "Annotation" and hash the two lists, reading every statement of a
          // top speaker). Otherwise joined as the planner likes (a long walk by hashing).
          query.speaker
            ? Prisma.sql`CROSS JOIN LATERAL (SELECT * FROM "Annotation" x WHERE x."id" = s."annotationId" OFFSET 0) a`
            : Prisma.sql`JOIN "Annotation" a ON a."id" = s."annotationId"`
        }) a`
        : Prisma.sql`(
        SELECT a.* FROM "Annotation" a
        WHERE a."approvedAt" IS NOT NULL ${before ? Prisma.sql`AND (a."approvedAt", a."id") < (${before.at}, ${before.id})` : Prisma.empty}
        ORDER BY a."approvedAt" DESC, a."id" DESC LIMIT ${statements}) a`;
    const wholeFilter = filterKeys !== null && (await tx.$queryRaw<{ n: number }[]>`${countWithSourceKeys(filterKeys, PROBED_STATEMENTS + 1)}`)[0]!.n <= PROBED_STATEMENTS;
    // Rare words (by the statistics) are sparse: found through the indexes. Anything else may be dense or sparse
    // (the statistics multiply the shares of words as if unrelated: "vaccination rates" has 17 times the estimated
    // matches; a speaker, source or article filter has none): the newest PROBED_STATEMENTS statements tell.
    const sparseWords = !!query.q && rarest < COMMON_WORD_FREQUENCY;
    const indexedFilter = query.speaker !== undefined || query.source !== undefined;

    if (order === "recent") {
      if (before) where.push(Prisma.sql`(a."approvedAt", a."id") < (${before.at}, ${before.id})`);
      const page = (from: Prisma.Sql, restrict: Prisma.Sql) => tx.$queryRaw<HitRow[]>`
        SELECT ${columns}, NULL::float8 AS "rank"
        FROM ${from} JOIN "Article" ar ON ar."id" = a."articleId"
        WHERE ${Prisma.join(where, " AND ")} ${restrict}
        ORDER BY a."approvedAt" DESC, a."id" DESC
        LIMIT ${pageSize + 1}`;
      if (!sparseWords || wholeFilter) {
        // A full page among the newest statements is the page (as is what a filter read whole gives).
        for (const statements of filterKeys && !wholeFilter ? [FIRST_PROBED_OF_FILTER, PROBED_STATEMENTS] : [PROBED_STATEMENTS]) {
          const probed = await page(newest(statements), Prisma.empty);
          if (probed.length > pageSize || wholeFilter) return probed;
        }
      }
      // Sparse matches: first the matches through the indexes alone (bitmap scans), up to FEW_MATCHES; when that is
      // all of them, the page is sorted from those. Common words alone, or more matches than that, are found by
      // walking the statements newest first, which is then quick (they are dense) — and which the planner would
      // otherwise also pick for rare words (it over-estimates words it has no statistics for), testing nearly every
      // statement.
      if (sparseWords || indexedFilter) {
        const found = await matchingIndexesOnly(tx, where, FEW_MATCHES + 1);
        if (found.length <= FEW_MATCHES) {
          // The newest few first (every match as new as the last of them, ties included); all of them only when
          // the article filters leave that short of a page.
          const times = found.map((f) => f.approvedAt.getTime()).sort((x, y) => y - x);
          const since = times[Math.min(times.length, 4 * (pageSize + 1)) - 1] ?? 0;
          const first = found.filter((f) => f.approvedAt.getTime() >= since);
          const rows = await page(Prisma.sql`"Annotation" a`, Prisma.sql`AND a."id" = ANY(${first.map((f) => f.id)}::text[])`);
          if (rows.length > pageSize || first.length === found.length) return rows;
          return page(Prisma.sql`"Annotation" a`, Prisma.sql`AND a."id" = ANY(${found.map((f) => f.id)}::text[])`);
        }
      }
      return page(Prisma.sql`"Annotation" a`, Prisma.empty);
    }
    // Relevance: the most recent RANKED_MATCHES matches, ranked; the cursor pages within them (ts_rank over every
    // match of a common word reads each one: "figures", 166,502 matches, 1.6 s). Rare words are found through the
    // indexes alone (bitmap scans). Otherwise the share of matches among the newest PROBED_STATEMENTS decides: dense
    // enough that RANKED_MATCHES of them are met within WALKED_STATEMENTS, they are walked to; else the indexes.
    const newestMatches = (from: Prisma.Sql) => Prisma.sql`
        SELECT a."id" FROM ${from} JOIN "Article" ar ON ar."id" = a."articleId"
        WHERE ${Prisma.join(where, " AND ")}
        ORDER BY a."approvedAt" DESC, a."id" DESC
        LIMIT ${RANKED_MATCHES}`;
    let recentMatches = newestMatches(Prisma.sql`"Annotation" a`);
    let indexesOnly = sparseWords && !wholeFilter;
    // Walked along a source's statements (a large source is a few per cent of the table, its matches too sparse in
    // the newest statements), but along the newest statements for a speaker: a top speaker is an eighth of the table,
    // and reading statements by their keys costs ~14 µs each against ~4 µs in table order.
    const walkKeys = sourceKeys;
    if (wholeFilter) {
      recentMatches = newestMatches(newest(PROBED_STATEMENTS));
    } else if (!sparseWords) {
      const [probe] = await tx.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS "n" FROM ${newest(PROBED_STATEMENTS, walkKeys)} JOIN "Article" ar ON ar."id" = a."articleId" WHERE ${Prisma.join(where, " AND ")}`;
      const probedMatches = probe?.n ?? 0;
      const dense = probedMatches * (WALKED_STATEMENTS / PROBED_STATEMENTS) >= RANKED_MATCHES;
      // Sparse: the indexes, unless every word is very common and only an article filter narrows (the planner then).
      indexesOnly = !dense && (indexedFilter || rarest < DENSE_WORD_FREQUENCY);
      if (dense) {
        // A source's statements, merged from its keys, are all read before the first is tested (the walk of the
        // whole table stops at the last match it needs): as many as the share of matches among the probed says
        // RANKED_MATCHES takes, twice over.
        const walk = walkKeys ? Math.min(WALKED_STATEMENTS, Math.ceil((2 * RANKED_MATCHES * PROBED_STATEMENTS) / probedMatches)) : WALKED_STATEMENTS;
        const walked = await tx.$queryRaw<{ id: string }[]>`${newestMatches(newest(walk, walkKeys))}`;
        // Fewer than RANKED_MATCHES within the walk (the newest statements were denser than the rest): the indexes.
        if (walked.length === RANKED_MATCHES) recentMatches = Prisma.sql`SELECT unnest(${walked.map((w) => w.id)}::text[]) AS "id"`;
        else indexesOnly = true;
      }
    }
    if (indexesOnly) await bitmapScansOnly(tx, true);
    const rank = Prisma.sql`ts_rank(${SEARCH_DOCUMENT}, ${tsQuery})::float8`;
    // The cursor's rank goes as text (JavaScript's shortest exact form) and is read back by float8: a number parameter
    // arrives rounded to 16 digits, so a tie with the last row shown never compared equal and its rows were skipped.
    const rankAfter = cursor?.k === "relevance" ? String(cursor.r) : null;
    const after = rankAfter ? Prisma.sql`WHERE r."rank" < ${rankAfter}::float8 OR (r."rank" = ${rankAfter}::float8 AND r."id" < ${cursor!.id})` : Prisma.empty;
    return tx.$queryRaw<HitRow[]>`
      WITH recent_matches AS MATERIALIZED (${recentMatches}
      ), ranked AS (
        SELECT ${columns}, ${rank} AS "rank"
        FROM recent_matches m JOIN "Annotation" a ON a."id" = m."id" JOIN "Article" ar ON ar."id" = a."articleId"
      )
      SELECT * FROM ranked r ${after}
      ORDER BY r."rank" DESC, r."id" DESC
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
