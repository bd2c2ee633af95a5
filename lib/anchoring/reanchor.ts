/**
 * Re-anchoring: find an annotation's span again after the article text changed (a correction, a new revision).
 *
 * Order of attempts:
 *   1. position — the old offsets still hold exactly the quote;
 *   2. exact    — the quote occurs verbatim elsewhere; of several occurrences, the one whose prefix/suffix agree best
 *                 (then the one nearest the old position) wins;
 *   3. fuzzy    — the best approximate match (normalised Levenshtein on the quote) among a bounded set of candidate
 *                 windows: the old position plus places where short n-grams of the quote occur. Accepted only when
 *                 its similarity reaches `minScore` (default 0.85).
 * Anything else is reported as orphaned with the best score seen, never as a guess. A short quote (fewer than
 * SHORT_QUOTE_LENGTH code units) is too common to trust alone: away from its old position it re-anchors only where
 * its prefix or suffix still agrees.
 *
 * Cost: O(n · k) to seed (k ≤ 32 n-gram scans of the new text) plus O(q² · w) for w ≤ 13 windows of ≈ 2q (w ≤ 5 for
 * quotes over 1,000 units), where q is the quote's length — linear in the article's length, never quadratic in it.
 *
 * All offsets are UTF-16 code units (JavaScript string offsets).
 */
import { snapToCodePointBoundary } from "./codepoints";
import { alignInWindow, similarity } from "./similarity";

export interface AnchorQuote {
  exact: string;
  prefix: string;
  suffix: string;
  /** UTF-16 offset in the old text. */
  start: number;
  /** UTF-16 offset in the old text (exclusive). */
  end: number;
}

export type ReanchorMethod = "position" | "exact" | "fuzzy";

export type ReanchorResult =
  | { status: "anchored"; start: number; end: number; score: number; method: ReanchorMethod }
  /** `bestScore`: the best quote similarity seen, including a match rejected because its context disagreed. */
  | { status: "orphaned"; bestScore: number };

export interface ReanchorOptions {
  /** Minimum quote similarity (0–1) for a fuzzy match. Default 0.85. */
  minScore?: number;
}

export const DEFAULT_MIN_SCORE = 0.85;
/** Quotes shorter than this need agreeing context to move. */
export const SHORT_QUOTE_LENGTH = 32;
/** Minimum prefix-or-suffix similarity for a short quote that moved. */
const SHORT_QUOTE_MIN_CONTEXT = 0.5;
const MAX_EXACT_OCCURRENCES = 1000;
const MAX_SEED_GRAMS = 32;
const MAX_OCCURRENCES_PER_GRAM = 64;
const MAX_WINDOWS = 12;

interface Candidate {
  start: number;
  end: number;
  quoteScore: number;
  contextScore: number;
  proximity: number;
}

export function reanchorAnnotation(newText: string, anchor: AnchorQuote, opts: ReanchorOptions = {}): ReanchorResult {
  const minScore = opts.minScore ?? DEFAULT_MIN_SCORE;
  const { exact, start, end } = anchor;
  if (exact.length === 0) return { status: "orphaned", bestScore: 0 };

  if (start >= 0 && end <= newText.length && start <= end && newText.slice(start, end) === exact) {
    return { status: "anchored", start, end, score: 1, method: "position" };
  }

  const { match, bestSeen } = searchQuote(newText, anchor, minScore);
  if (match) {
    return { status: "anchored", start: match.start, end: match.end, score: match.score, method: match.exact ? "exact" : "fuzzy" };
  }
  // The best similarity seen anywhere, including matches rejected for lack of context.
  return { status: "orphaned", bestScore: bestSeen };
}

/** Where and how to look for a quote. */
export interface QuoteSearchScope {
  /** Look only at `[from, to)` of the text (default: all of it); context is still read from the whole text. */
  from?: number;
  to?: number;
  /** A veto on a candidate span, e.g. "this text belonged to another statement". */
  accept?: (start: number, end: number) => boolean;
}

export interface QuoteMatch {
  start: number;
  end: number;
  /** Quote similarity, rounded to 3 decimals; 1 for a verbatim match. */
  score: number;
  /** True when the span holds the quote verbatim. */
  exact: boolean;
}

/**
 * The best place for the quote in `text` (within the scope): a verbatim occurrence whose context agrees best, else
 * the closest fuzzy match reaching `minScore`, else null. Short quotes need agreeing context (see the file comment).
 * `bestSeen` is the best quote similarity seen, including candidates rejected for their context or by `accept`.
 */
export function searchQuote(
  text: string,
  anchor: AnchorQuote,
  minScore: number = DEFAULT_MIN_SCORE,
  scope: QuoteSearchScope = {},
): { match: QuoteMatch | null; bestSeen: number } {
  const exact = anchor.exact;
  const from = Math.max(0, scope.from ?? 0);
  const to = Math.min(text.length, scope.to ?? text.length);
  if (exact.length === 0 || to - from < 1) return { match: null, bestSeen: 0 };
  const accept = scope.accept ?? (() => true);

  const exactHit = bestExactOccurrence(text, anchor, from, to, accept);
  if (exactHit && trustworthy(exactHit, exact)) {
    return { match: { start: exactHit.start, end: exactHit.end, score: 1, exact: true }, bestSeen: 1 };
  }
  const fuzzy = bestFuzzyMatch(text, anchor, from, to, accept);
  const bestSeen = round(Math.max(fuzzy.bestSeen, exactHit ? 1 : 0));
  if (fuzzy.best && fuzzy.best.quoteScore >= minScore) {
    const match = { start: fuzzy.best.start, end: fuzzy.best.end, score: round(fuzzy.best.quoteScore), exact: false };
    return { match, bestSeen };
  }
  return { match: null, bestSeen };
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}

function trustworthy(candidate: Candidate, exact: string): boolean {
  return exact.length >= SHORT_QUOTE_LENGTH || candidate.contextScore >= SHORT_QUOTE_MIN_CONTEXT;
}

function evaluate(text: string, anchor: AnchorQuote, start: number, end: number, quoteScore: number): Candidate {
  const prefixScore = anchor.prefix
    ? similarity(anchor.prefix, text.slice(Math.max(0, start - anchor.prefix.length), start))
    : start === 0
      ? 1
      : 0;
  const suffixScore = anchor.suffix
    ? similarity(anchor.suffix, text.slice(end, end + anchor.suffix.length))
    : end === text.length
      ? 1
      : 0;
  const span = Math.max(text.length, 1);
  return {
    start,
    end,
    quoteScore,
    contextScore: Math.max(prefixScore, suffixScore) * 0.5 + ((prefixScore + suffixScore) / 2) * 0.5,
    proximity: 1 - Math.min(Math.abs(start - anchor.start) / span, 1),
  };
}

/** Context first, then distance from the old position. */
function rankExact(c: Candidate): number {
  return c.contextScore * 0.9 + c.proximity * 0.1;
}

/** `text.slice(from, to)`, without copying when that is the whole text. */
function haystack(text: string, from: number, to: number): string {
  return from === 0 && to === text.length ? text : text.slice(from, to);
}

function bestExactOccurrence(
  text: string,
  anchor: AnchorQuote,
  from: number,
  to: number,
  accept: (start: number, end: number) => boolean,
): Candidate | null {
  const hay = haystack(text, from, to);
  let best: Candidate | null = null;
  let next = 0;
  for (let n = 0; n < MAX_EXACT_OCCURRENCES; n++) {
    const found = hay.indexOf(anchor.exact, next);
    if (found < 0) break;
    next = found + 1;
    const at = from + found;
    if (!accept(at, at + anchor.exact.length)) continue;
    const candidate = evaluate(text, anchor, at, at + anchor.exact.length, 1);
    if (!best || rankExact(candidate) > rankExact(best)) best = candidate;
  }
  return best;
}

/** Quote similarity first; context and proximity only separate near-equal matches. */
function rankFuzzy(c: Candidate): number {
  return c.quoteScore + c.contextScore * 0.05 + c.proximity * 0.01;
}

function bestFuzzyMatch(
  text: string,
  anchor: AnchorQuote,
  from: number,
  to: number,
  accept: (start: number, end: number) => boolean,
): { best: Candidate | null; bestSeen: number } {
  let best: Candidate | null = null;
  let bestSeen = 0;
  if (to <= from) return { best, bestSeen };
  const quote = anchor.exact;
  const slack = Math.ceil(quote.length * 0.25) + 4;
  for (const [lo, hi] of candidateWindows(text, anchor, slack, from, to)) {
    const aligned = alignInWindow(quote, text, lo, hi);
    const start = snapToCodePointBoundary(text, aligned.start, "backward");
    const end = snapToCodePointBoundary(text, aligned.end, "forward");
    if (end <= start) continue;
    const candidate = evaluate(text, anchor, start, end, similarity(quote, text.slice(start, end)));
    bestSeen = Math.max(bestSeen, candidate.quoteScore);
    if (!trustworthy(candidate, quote) || !accept(start, end)) continue;
    if (!best || rankFuzzy(candidate) > rankFuzzy(best)) best = candidate;
  }
  return { best, bestSeen };
}

/**
 * Windows of the new text worth aligning the quote against: around the old position, and around the places that
 * the most n-grams of the quote point to (each occurrence of an n-gram "votes" for where the quote would start).
 */
function candidateWindows(text: string, anchor: AnchorQuote, slack: number, from: number, to: number): Array<[number, number]> {
  const hay = haystack(text, from, to);
  const quote = anchor.exact;
  const length = quote.length;
  const gram = Math.min(length, Math.max(3, Math.min(12, Math.round(length / 8))));
  const bucketSize = Math.max(8, Math.ceil(length / 4));
  const votes = new Map<number, number>();

  const lastOffset = length - gram;
  const samples = Math.min(MAX_SEED_GRAMS, lastOffset + 1);
  for (let s = 0; s < samples; s++) {
    const offset = samples === 1 ? 0 : Math.round((s * lastOffset) / (samples - 1));
    const needle = quote.slice(offset, offset + gram);
    const hits: number[] = [];
    for (let at = hay.indexOf(needle); at >= 0; at = hay.indexOf(needle, at + 1)) {
      hits.push(from + at);
      if (hits.length > MAX_OCCURRENCES_PER_GRAM) break;
    }
    if (hits.length > MAX_OCCURRENCES_PER_GRAM) continue; // too common to say anything
    for (const at of hits) {
      const bucket = Math.floor((at - offset) / bucketSize);
      votes.set(bucket, (votes.get(bucket) ?? 0) + 1);
    }
  }

  const maxWindows = length > 1000 ? 4 : MAX_WINDOWS;
  const buckets = [...votes.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, maxWindows)
    .map(([bucket]) => bucket);

  const windows: Array<[number, number]> = [];
  // The old position, when it is in (or, for the whole text, clamped into) the scope.
  const wholeText = from === 0 && to === text.length;
  if (wholeText || (anchor.start >= from && anchor.start < to)) {
    const oldStart = Math.min(Math.max(anchor.start, from), to);
    windows.push([oldStart - slack, oldStart + length + slack]);
  }
  for (const bucket of buckets) {
    const lo = bucket * bucketSize;
    windows.push([lo - slack, lo + bucketSize + length + slack]);
  }
  return windows
    .map(([lo, hi]) => [Math.max(from, lo), Math.min(to, hi)] as [number, number])
    .filter(([lo, hi]) => hi > lo);
}
