import "server-only";
import { Prisma } from "../generated/prisma/client";

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
