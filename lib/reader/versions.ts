/**
 * "As checked on DATE": where each annotation stood on an earlier version of an article's text, read from its stored
 * revision rows (never re-anchored on the fly).
 *
 * The verdict is the last approval made while that version (or an earlier one) was current. Its span is the approved
 * span, carried forward by the rows a correction wrote on a newer revision ("moved" rows: moved, changed, orphaned).
 * A correction writes no row for an "unchanged" statement: the same text at the same offsets. So a span recorded on
 * an earlier revision still holds on this one exactly when the same text stands at the same offsets; when it does not,
 * a correction removed the statement before this version.
 */

/** One AnnotationRevision row, as far as versions are concerned. */
export interface RevisionRowInput {
  version: number;
  event: string;
  start: number;
  end: number;
  /** The article revision the span is an offset into. */
  articleRevision: number;
  /** ISO timestamp. */
  createdAt: string;
}

/** One ArticleVersion. */
export interface ArticleVersionInput {
  revision: number;
  text: string;
  /** ISO timestamps: when this version became current, and when a correction replaced it (null: current). */
  createdAt: string;
  replacedAt: string | null;
}

export type StandingOnVersion<R extends RevisionRowInput> =
  | {
      kind: "shown";
      /** The approved revision row whose verdict stood. */
      approval: R;
      start: number;
      end: number;
      /** Set when a correction changed the wording after that approval, and no approval followed on this version. */
      wordingChange: { changedAt: string; previousQuote: string; currentQuote: string } | null;
    }
  | {
      kind: "removed";
      approval: R;
      /** The statement as it was last approved. */
      quote: string;
      /** When the correction that removed it was made (the next version's start), and the last version it was in. */
      removedAt: string;
      lastRevision: number;
    };

/**
 * Where one annotation stood on version `revision`: null when no approval had been made by the time that version was
 * replaced (nothing was published), or when a version its span points into is missing.
 */
export function standingOnVersion<R extends RevisionRowInput>(rows: readonly R[], versions: readonly ArticleVersionInput[], revision: number): StandingOnVersion<R> | null {
  const byRevision = new Map(versions.map((v) => [v.revision, v]));
  const version = byRevision.get(revision);
  if (!version) return null;
  const cutoff = version.replacedAt === null ? Number.POSITIVE_INFINITY : Date.parse(version.replacedAt);
  const relevant = rows
    .filter((r) => r.articleRevision <= revision && Date.parse(r.createdAt) <= cutoff)
    .sort((x, y) => x.version - y.version);
  const approvalIndex = relevant.findLastIndex((r) => r.event === "approved");
  if (approvalIndex < 0) return null;
  const approval = relevant[approvalIndex];
  const approvedText = byRevision.get(approval.articleRevision)?.text;
  if (approvedText === undefined) return null;
  const approvedQuote = approvedText.slice(approval.start, approval.end);

  let span = { start: approval.start, end: approval.end, revision: approval.articleRevision, at: approval.createdAt };
  for (const row of relevant.slice(approvalIndex + 1)) {
    if (row.articleRevision > span.revision) span = { start: row.start, end: row.end, revision: row.articleRevision, at: row.createdAt };
  }
  const spanText = byRevision.get(span.revision)?.text;
  if (spanText === undefined) return null;
  const spanQuote = spanText.slice(span.start, span.end);

  // Unchanged since span.revision? Then the same text stands at the same offsets in every later version up to this one.
  for (let k = span.revision + 1; k <= revision; k++) {
    const later = byRevision.get(k);
    if (!later) return null;
    if (later.text.slice(span.start, span.end) !== spanQuote) {
      return { kind: "removed", approval, quote: approvedQuote, removedAt: later.createdAt, lastRevision: k - 1 };
    }
  }
  const wordingChange = spanQuote !== approvedQuote ? { changedAt: span.at, previousQuote: approvedQuote, currentQuote: spanQuote } : null;
  return { kind: "shown", approval, start: span.start, end: span.end, wordingChange };
}

