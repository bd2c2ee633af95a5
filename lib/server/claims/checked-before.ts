import "server-only";
import { db } from "../db";
import { SUGGEST_THRESHOLD, prepareStatement, scorePrepared } from "@/lib/claims/similarity";
import type { CheckedBeforeMatchDTO, ImportCheckedBeforeDTO } from "@/lib/contracts/claims";
import type { AnnotationContentDTO } from "@/lib/domain/types";

/*
 * "An import preview shows per article how many of its statements were checked before, with the list." The
 * suggestion matcher of the workspace (trigram candidates from the gin_trgm_ops index on approvedQuote, re-ranked by
 * the claim similarity score) over the proposed statements, in ONE query (unnest … CROSS JOIN LATERAL), bounded so
 * that a 2 MB import stays fast: at most MAX_MATCHED_STATEMENTS statements, each cut to MAX_MATCHED_CHARACTERS, and
 * a few candidates each.
 */

export const MAX_MATCHED_STATEMENTS = 200;
const MAX_MATCHED_CHARACTERS = 600;
/** Shorter statements ("He said so.") match too much to mean anything. */
const MIN_MATCHED_CHARACTERS = 20;
const CANDIDATE_TRIGRAM_THRESHOLD = 0.2;
const CANDIDATES_PER_STATEMENT = 3;

interface Row {
  idx: bigint | number;
  id: string;
  approvedQuote: string;
  approvedSnapshot: unknown;
  articleId: string;
  slug: string;
  title: string;
  state: string;
}

function excerpt(text: string, max = 160): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** For proposed statements (in order), the ones whose claim was checked before, each with its best earlier match. */
export async function findCheckedBefore(statements: readonly string[]): Promise<ImportCheckedBeforeDTO> {
  const examined = Math.min(statements.length, MAX_MATCHED_STATEMENTS);
  const batch: { index: number; quote: string }[] = [];
  for (let i = 0; i < examined; i++) {
    const quote = statements[i]!.trim().slice(0, MAX_MATCHED_CHARACTERS);
    if (quote.length >= MIN_MATCHED_CHARACTERS) batch.push({ index: i, quote });
  }
  if (batch.length === 0) return { matches: [], examined, total: statements.length };

  const rows = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT set_config('pg_trgm.similarity_threshold', ${String(CANDIDATE_TRIGRAM_THRESHOLD)}, true)`;
    return tx.$queryRaw<Row[]>`
      SELECT q.idx, c.*
      FROM unnest(${batch.map((b) => b.quote)}::text[]) WITH ORDINALITY AS q(quote, idx)
      CROSS JOIN LATERAL (
        SELECT a."id", a."approvedQuote", a."approvedSnapshot", a."articleId", ar."slug", ar."title", ar."state"
        FROM "Annotation" a JOIN "Article" ar ON ar."id" = a."articleId"
        WHERE a."approvedQuote" % q.quote AND a."approvedSnapshot" IS NOT NULL
        ORDER BY similarity(a."approvedQuote", q.quote) DESC, a."id"
        LIMIT ${CANDIDATES_PER_STATEMENT}
      ) c`;
  });

  const best = new Map<number, { row: Row; score: number }>();
  const prepared = new Map<number, ReturnType<typeof prepareStatement>>();
  for (const row of rows) {
    const position = Number(row.idx) - 1;
    const statement = batch[position]!;
    const mine = prepared.get(position) ?? prepareStatement(statement.quote);
    prepared.set(position, mine);
    const score = scorePrepared(mine, prepareStatement(row.approvedQuote));
    const current = best.get(position);
    if (score >= SUGGEST_THRESHOLD && (!current || score > current.score)) best.set(position, { row, score });
  }

  const matches: CheckedBeforeMatchDTO[] = [...best.entries()]
    .sort(([x], [y]) => x - y)
    .map(([position, { row, score }]) => {
      const content = row.approvedSnapshot as AnnotationContentDTO;
      const published = row.state === "published";
      return {
        statementIndex: batch[position]!.index,
        statementExcerpt: excerpt(batch[position]!.quote),
        score: Math.round(score * 1000) / 1000,
        earlier: {
          annotationId: row.id,
          quote: row.approvedQuote,
          verdict: { slug: content.status.slug, label: content.status.label, color: content.status.color },
          article: { id: row.articleId, slug: row.slug, title: row.title, published },
          href: published ? `/articles/${encodeURIComponent(row.slug)}?annotation=${encodeURIComponent(row.id)}` : `/review/articles/${encodeURIComponent(row.articleId)}`,
        },
      };
    });
  return { matches, examined, total: statements.length };
}
