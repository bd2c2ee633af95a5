import "server-only";
import { Prisma } from "../generated/prisma/client";
import type { Tx } from "../db";

/*
 * The full-text document of an annotation, exactly as the expression index "Annotation_search_document_idx" of the
 * claim_memory migration writes it (PostgreSQL uses the index only for an identical expression): the approved quote
 * (weight A), the approved speaker (B) and attribution wording (C), in the 'simple' configuration.
 */
export const SEARCH_DOCUMENT = Prisma.sql`(
    setweight(to_tsvector('simple'::regconfig, coalesce(a."approvedQuote", '')), 'A') ||
    setweight(to_tsvector('simple'::regconfig, coalesce(a."approvedSnapshot"->>'speakerName', '')), 'B') ||
    setweight(to_tsvector('simple'::regconfig, coalesce(a."approvedSnapshot"->>'attributionText', '')), 'C')
)`;

/** `%` and `_` are wildcards in LIKE: a caller's text is matched literally. */
export function likeContains(value: string): string {
  return `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * Who an approved annotation is about, as keys ('id:<source id>', 'name:<lowercased source name>' for each hop of the
 * approved chain, 'speaker:<lowercased speaker>'): the expression of the GIN index "Annotation_approved_source_keys_idx"
 * (migration claim_memory_at_scale), written identically so that PostgreSQL uses it.
 */
export const SOURCE_KEYS = Prisma.sql`provenance_source_keys(a."approvedSnapshot")`;

/**
 * For the rest of the transaction (until switched back): only bitmap scans of indexes, or else a sequential scan.
 * The planner's row estimate for full-text words it has no statistics for (rare words, widened words) is far too
 * high, so under a LIMIT it walks the newest-first index and computes the search document of every statement it
 * passes: seconds at a million statements.
 */
export async function bitmapScansOnly(tx: Pick<Tx, "$executeRaw">, on: boolean): Promise<void> {
  const value = on ? "off" : "on";
  await tx.$executeRaw`SELECT set_config('enable_indexscan', ${value}, true), set_config('enable_indexonlyscan', ${value}, true), set_config('enable_seqscan', ${value}, true)`;
}

/**
 * The share of statements whose search document has `word` (an SQL text expression), by the planner's statistics of
 * the full-text index (pg_stats.most_common_elems); 0 for a word not listed there, which is rarer than every listed
 * one (or the table was never analysed).
 */
export function wordFrequency(word: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`coalesce((
    SELECT m.frequency FROM pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS m(word, frequency)
    WHERE s.schemaname = current_schema() AND s.tablename = 'Annotation_search_document_idx' AND m.word = ${word}
    LIMIT 1), 0)`;
}
