/**
 * Re-anchoring every annotation of an article to a corrected version of its text, with one outcome each:
 *
 *   unchanged — the same text at the same offsets;
 *   moved     — the same text (verbatim) at new offsets;
 *   changed   — a close match (quote similarity ≥ minScore, default 0.85): the new span and a word diff of the quote;
 *   orphaned  — nothing close enough that is honestly this statement's text: no span.
 *
 * How: the two versions are diffed once (`diffText`). A span inside equal text moves with it (unchanged or moved, no
 * search). A span an edit touched is mapped through the diff and searched for near where it landed; if it is not
 * there, only text the revision inserted is searched, because a statement that was moved shows up as inserted text.
 *
 * Never attaching a quote to wrong text: every candidate span is checked against the diff, and rejected when more than
 * (1 − minScore) of it is text that, in the old version, stood outside this statement, that is, another statement's
 * words. So a deleted quote does not land on a surviving look-alike sentence, however similar; it is orphaned.
 *
 * All offsets are UTF-16 code units (JavaScript string offsets).
 */
import { DEFAULT_MIN_SCORE, reanchorAnnotation, searchQuote, type AnchorQuote, type QuoteMatch } from "./reanchor";
import { similarity } from "./similarity";
import {
  carriedFromElsewhere,
  diffText,
  diffWords,
  equalRunCovering,
  mapEndOffset,
  mapStartOffset,
  type TextDiff,
  type WordDiffPart,
} from "./text-diff";

export type RevisionOutcome =
  | { kind: "unchanged"; start: number; end: number }
  | { kind: "moved"; start: number; end: number }
  | {
      kind: "changed";
      start: number;
      end: number;
      /** Quote similarity of the new span, 0–1 (rounded to 3 decimals). */
      score: number;
      /** The new span's text. */
      quote: string;
      /** Word diff from the old quote to the new one. */
      diff: WordDiffPart[];
    }
  /** `bestScore`: the best quote similarity seen, including candidates rejected as another statement's text. */
  | { kind: "orphaned"; bestScore: number };

export type RevisionOutcomeKind = RevisionOutcome["kind"];

export interface RevisionOptions {
  /** Minimum quote similarity (0–1) for a "changed" outcome. Default 0.85. */
  minScore?: number;
}

/**
 * One outcome per anchor, in the anchors' order. `anchors` hold offsets into `oldText`. Cost: one diff of the two
 * texts (about linear for ordinary corrections), then O(log n) per untouched annotation; only touched ones are
 * searched, near their mapped place and in inserted text.
 */
export function reanchorToRevision(
  oldText: string,
  newText: string,
  anchors: readonly AnchorQuote[],
  opts: RevisionOptions = {},
): RevisionOutcome[] {
  const revision = prepareRevision(oldText, newText);
  return anchors.map((anchor) => reanchorThroughRevision(revision, anchor, opts));
}

/** A diff plus the stretches of inserted text, computed once per revision and shared by every annotation. */
export interface PreparedRevision {
  diff: TextDiff;
  /** New-text ranges that no equal run covers, in order. */
  inserted: Array<[number, number]>;
}

export function prepareRevision(oldText: string, newText: string): PreparedRevision {
  const diff = diffText(oldText, newText);
  const inserted: Array<[number, number]> = [];
  let position = 0;
  for (const run of diff.equal) {
    if (run.newStart > position) inserted.push([position, run.newStart]);
    position = run.newStart + run.length;
  }
  if (newText.length > position) inserted.push([position, newText.length]);
  return { diff, inserted };
}

export function reanchorThroughRevision(revision: PreparedRevision, anchor: AnchorQuote, opts: RevisionOptions = {}): RevisionOutcome {
  const minScore = opts.minScore ?? DEFAULT_MIN_SCORE;
  const { diff } = revision;
  const { oldText, newText } = diff;
  const quote = anchor.exact;
  if (quote.length === 0) return { kind: "orphaned", bestScore: 0 };

  let { start, end } = anchor;
  if (oldText.slice(start, end) !== quote) {
    // Stored offsets that do not hold the quote: find it verbatim in the old text first.
    const located = reanchorAnnotation(oldText, anchor, { minScore: 1 });
    if (located.status !== "anchored") return withoutDiff(newText, anchor, minScore);
    ({ start, end } = located);
  }

  const run = equalRunCovering(diff, start, end);
  if (run) {
    const newStart = run.newStart + start - run.oldStart;
    return newStart === start ? { kind: "unchanged", start, end } : { kind: "moved", start: newStart, end: newStart + quote.length };
  }

  const allowance = Math.floor(quote.length * (1 - minScore));
  const accept = (from: number, to: number) => carriedFromElsewhere(diff, from, to, start, end) <= allowance;
  const mappedStart = mapStartOffset(diff, start);
  const mappedEnd = Math.max(mappedStart, mapEndOffset(diff, end));
  const here: AnchorQuote = { ...anchor, start: mappedStart, end: mappedEnd };
  const slack = Math.ceil(quote.length * 0.25) + 4;
  let bestScore = 0;
  let best: QuoteMatch | null = null;
  const consider = (match: QuoteMatch | null) => {
    if (match && (!best || match.score > best.score)) best = match;
  };

  // 1. Where the diff puts it: the mapped span itself, and the best match around it.
  const mappedLength = mappedEnd - mappedStart;
  if (mappedLength > 0 && mappedLength * minScore <= quote.length && quote.length * minScore <= mappedLength && accept(mappedStart, mappedEnd)) {
    const score = similarity(quote, newText.slice(mappedStart, mappedEnd));
    bestScore = Math.max(bestScore, score);
    if (score >= minScore) consider({ start: mappedStart, end: mappedEnd, score, exact: score === 1 });
  }
  // A match is at least minScore · |quote| long, and at most `allowance` of it may be other statements' text: skip the
  // search when the window cannot hold that much new or own text (a deleted quote amid untouched sentences).
  const nearFrom = Math.max(0, mappedStart - quote.length - slack);
  const nearTo = Math.min(newText.length, mappedEnd + quote.length + slack);
  const usable = nearTo - nearFrom - carriedFromElsewhere(diff, nearFrom, nearTo, start, end);
  if (usable >= quote.length * minScore - allowance) {
    const near = searchQuote(newText, here, minScore, { from: nearFrom, to: nearTo, accept });
    bestScore = Math.max(bestScore, near.bestSeen);
    consider(near.match);
  }

  // 2. Not there: it may have moved, so look in inserted text, where enough of it is new to hold most of the quote.
  //    Inserted text that also stands, word for word, in old text the diff lost track of may be that text moved,
  //    not this statement: too ambiguous to use.
  if (!best) {
    const acceptMoved = (from: number, to: number) => accept(from, to) && !displacedCopyElsewhere(diff, newText.slice(from, to), start);
    for (const [from, to] of insertedClusters(revision, slack, Math.ceil(quote.length * 0.5))) {
      const found = searchQuote(newText, here, minScore, { from: from - quote.length - slack, to: to + quote.length + slack, accept: acceptMoved });
      bestScore = Math.max(bestScore, found.bestSeen);
      consider(found.match);
      if (best && (best as QuoteMatch).exact) break;
    }
  }

  const match = best as QuoteMatch | null;
  if (!match) return { kind: "orphaned", bestScore: round(bestScore) };
  if (match.exact) {
    return match.start === start && match.end === end
      ? { kind: "unchanged", start, end }
      : { kind: "moved", start: match.start, end: match.end };
  }
  return changed(quote, newText, snapToWords(oldText, start, end, newText, match, quote, minScore, accept));
}

function changed(quote: string, newText: string, match: QuoteMatch): RevisionOutcome {
  const newQuote = newText.slice(match.start, match.end);
  return { kind: "changed", start: match.start, end: match.end, score: round(match.score), quote: newQuote, diff: diffWords(quote, newQuote) };
}

/**
 * Stretches of inserted text, gaps under `gap` merged, that hold at least `minLength` inserted characters. Too little
 * new text cannot hold a moved quote: the rest of the span would be another statement's words.
 */
function insertedClusters(revision: PreparedRevision, gap: number, minLength: number): Array<[number, number]> {
  const clusters: Array<[number, number]> = [];
  let current: [number, number] | null = null;
  let amount = 0;
  const flush = () => {
    if (current && amount >= minLength) clusters.push(current);
  };
  for (const [from, to] of revision.inserted) {
    if (current && from - current[1] <= gap) {
      current[1] = to;
      amount += to - from;
    } else {
      flush();
      current = [from, to];
      amount = to - from;
    }
  }
  flush();
  return clusters;
}

/** True when `text` occurs in the old version somewhere other than at `ownStart`, outside equal text. */
function displacedCopyElsewhere(diff: TextDiff, text: string, ownStart: number): boolean {
  const { oldText } = diff;
  for (let at = oldText.indexOf(text), n = 0; at >= 0 && n < 1000; at = oldText.indexOf(text, at + 1), n++) {
    if (at !== ownStart && !equalRunCovering(diff, at, at + text.length)) return true;
  }
  return false;
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

function isWordBoundary(text: string, offset: number): boolean {
  return offset <= 0 || offset >= text.length || !WORD_CHAR.test(text[offset - 1]) || !WORD_CHAR.test(text[offset]);
}

/**
 * A fuzzy match can start or end inside a word. When the old span started (ended) on a word boundary, move the new
 * one to the nearest boundary, outward or inward, whichever keeps the quote most similar; keep the raw match only if
 * no whole-word span reaches the threshold.
 */
function snapToWords(
  oldText: string,
  oldStart: number,
  oldEnd: number,
  newText: string,
  match: QuoteMatch,
  quote: string,
  minScore: number,
  accept: (from: number, to: number) => boolean,
): QuoteMatch {
  const starts = isWordBoundary(oldText, oldStart) && !isWordBoundary(newText, match.start) ? boundariesAround(newText, match.start) : [match.start];
  const ends = isWordBoundary(oldText, oldEnd) && !isWordBoundary(newText, match.end) ? boundariesAround(newText, match.end) : [match.end];
  if (starts.length === 1 && ends.length === 1) return match;
  let best: QuoteMatch | null = null;
  for (const s of starts) {
    for (const e of ends) {
      if (e <= s || !accept(s, e)) continue;
      const score = similarity(quote, newText.slice(s, e));
      if (score >= minScore && (!best || score > best.score)) best = { start: s, end: e, score, exact: false };
    }
  }
  return best ?? match;
}

function boundariesAround(text: string, offset: number): number[] {
  let back = offset;
  while (back > 0 && !isWordBoundary(text, back)) back--;
  let forward = offset;
  while (forward < text.length && !isWordBoundary(text, forward)) forward++;
  return [back, forward];
}

/** The stored offsets do not hold the quote in the old text either: fall back to searching the new text for it. */
function withoutDiff(newText: string, anchor: AnchorQuote, minScore: number): RevisionOutcome {
  const found = reanchorAnnotation(newText, anchor, { minScore });
  if (found.status === "orphaned") return { kind: "orphaned", bestScore: found.bestScore };
  if (found.score === 1 && newText.slice(found.start, found.end) === anchor.exact) {
    return found.start === anchor.start && found.end === anchor.end
      ? { kind: "unchanged", start: found.start, end: found.end }
      : { kind: "moved", start: found.start, end: found.end };
  }
  return changed(anchor.exact, newText, { start: found.start, end: found.end, score: found.score, exact: false });
}

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
