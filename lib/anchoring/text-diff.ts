/**
 * Diff between two versions of an article's text, computed once per revision.
 *
 * Two levels, as `git diff --word-diff` does: first sentences (cheap, and sentences are mostly unique, which suits
 * patience diff), then words inside each changed block of sentences. A block whose two sides share too few words is
 * left as a whole replacement rather than stitched together from stray "the"s and spaces.
 *
 * All offsets are UTF-16 code units (JavaScript string offsets).
 */
import { diffSequences, type CommonRun } from "./sequence-diff";

/** `length` characters equal in both versions: old `[oldStart, oldStart + length)` = new `[newStart, newStart + length)`. */
export interface EqualRun {
  oldStart: number;
  newStart: number;
  length: number;
}

/** A stretch of whole sentences that differs between the versions (either side may be empty). */
export interface ChangedBlock {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

export interface TextDiff {
  oldText: string;
  newText: string;
  /** Equal text, in order in both versions, never adjacent in both. Everything else was deleted or inserted. */
  equal: EqualRun[];
  /** Sentence-level changes; the word-level runs inside them are part of `equal`. */
  changedBlocks: ChangedBlock[];
}

/** Minimum share of the smaller side's non-space characters that a word-level match of a block must cover. */
const MIN_WORD_MATCH_SHARE = 0.5;

export function diffText(oldText: string, newText: string): TextDiff {
  const oldBounds = sentenceBoundaries(oldText);
  const newBounds = sentenceBoundaries(newText);
  const interner = new Map<string, number>();
  const oldIds = internPieces(oldText, oldBounds, interner);
  const newIds = internPieces(newText, newBounds, interner);

  const equal: EqualRun[] = [];
  const changedBlocks: ChangedBlock[] = [];
  let oldPos = 0;
  let newPos = 0;
  const closeGap = (oldEnd: number, newEnd: number) => {
    if (oldEnd > oldPos || newEnd > newPos) {
      const block = { oldStart: oldPos, oldEnd, newStart: newPos, newEnd };
      changedBlocks.push(block);
      if (oldEnd > oldPos && newEnd > newPos) equal.push(...diffWordsInBlock(oldText, newText, block));
    }
  };
  for (const run of diffSequences(oldIds, newIds)) {
    const oldStart = oldBounds[run.a];
    const newStart = newBounds[run.b];
    closeGap(oldStart, newStart);
    const length = oldBounds[run.a + run.length] - oldStart;
    equal.push({ oldStart, newStart, length });
    oldPos = oldStart + length;
    newPos = newStart + length;
  }
  closeGap(oldText.length, newText.length);
  return { oldText, newText, equal: mergeRuns(equal), changedBlocks };
}

/**
 * Start offsets of the text's sentence-like pieces, then its length. A sentence ends after sentence punctuation (and
 * any closing quotes or brackets) that is followed by white space, or at a line break; the white space between two
 * sentences is a piece of its own, so a sentence still matches when the break after it changes (" " → "\n\n").
 * Abbreviations split a sentence in two, which costs nothing here.
 */
export function sentenceBoundaries(text: string): number[] {
  const bounds = [0];
  const n = text.length;
  const mark = (offset: number) => {
    if (offset > bounds[bounds.length - 1]) bounds.push(offset);
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    let sentenceEnd = -1;
    if (c === 10 /* \n */) {
      sentenceEnd = i;
    } else if (isSentenceEnd(c)) {
      let j = i + 1;
      while (j < n && isSentenceEnd(text.charCodeAt(j))) j++;
      while (j < n && isClosing(text.charCodeAt(j))) j++;
      if (j < n && !isSpace(text.charCodeAt(j))) {
        i = j;
        continue;
      }
      sentenceEnd = j;
    }
    if (sentenceEnd < 0) {
      i++;
      continue;
    }
    mark(sentenceEnd);
    i = sentenceEnd;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    mark(i);
  }
  mark(n);
  return bounds;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x2028 || c === 0x2029;
}

function isSentenceEnd(c: number): boolean {
  return c === 46 /* . */ || c === 33 /* ! */ || c === 63 /* ? */ || c === 0x2026 /* … */;
}

function isClosing(c: number): boolean {
  return c === 34 || c === 39 || c === 41 || c === 93 || c === 0x201d || c === 0x2019 || c === 0xbb;
}

/** Words (letters, marks and digits, with inner apostrophes), runs of white space, and any other single character. */
const WORD_TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*|\s+|[^\p{L}\p{M}\p{N}\s]/gu;

/** Start offsets of the word tokens of `text.slice(from, to)` (absolute), then `to`. */
export function wordBoundaries(text: string, from = 0, to = text.length): number[] {
  const bounds: number[] = [];
  const piece = text.slice(from, to);
  for (const match of piece.matchAll(WORD_TOKEN)) bounds.push(from + match.index);
  bounds.push(to);
  return bounds;
}

function internPieces(text: string, bounds: number[], interner: Map<string, number>): Int32Array {
  const ids = new Int32Array(bounds.length - 1);
  for (let i = 0; i < ids.length; i++) {
    const piece = text.slice(bounds[i], bounds[i + 1]);
    let id = interner.get(piece);
    if (id === undefined) {
      id = interner.size;
      interner.set(piece, id);
    }
    ids[i] = id;
  }
  return ids;
}

function diffWordsInBlock(oldText: string, newText: string, block: ChangedBlock): EqualRun[] {
  const oldBounds = wordBoundaries(oldText, block.oldStart, block.oldEnd);
  const newBounds = wordBoundaries(newText, block.newStart, block.newEnd);
  const interner = new Map<string, number>();
  const oldIds = internPieces(oldText, oldBounds, interner);
  const newIds = internPieces(newText, newBounds, interner);
  const runs = diffSequences(oldIds, newIds).map((run: CommonRun) => ({
    oldStart: oldBounds[run.a],
    newStart: newBounds[run.b],
    length: oldBounds[run.a + run.length] - oldBounds[run.a],
  }));
  let matched = 0;
  for (const run of runs) matched += countNonSpace(oldText, run.oldStart, run.oldStart + run.length);
  const smaller = Math.min(
    countNonSpace(oldText, block.oldStart, block.oldEnd),
    countNonSpace(newText, block.newStart, block.newEnd),
  );
  return matched >= smaller * MIN_WORD_MATCH_SHARE && matched > 0 ? runs : [];
}

function countNonSpace(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) count++;
  return count;
}

function mergeRuns(runs: EqualRun[]): EqualRun[] {
  const merged: EqualRun[] = [];
  for (const run of runs) {
    if (run.length === 0) continue;
    const last = merged[merged.length - 1];
    if (last && last.oldStart + last.length === run.oldStart && last.newStart + last.length === run.newStart) {
      last.length += run.length;
    } else {
      merged.push({ ...run });
    }
  }
  return merged;
}

// ——— Mapping old offsets through the diff ———

/** Index of the last run whose `key` start is ≤ x (or < x when `strict`), or -1. */
function lastRunBefore(runs: EqualRun[], x: number, key: "oldStart" | "newStart", strict: boolean): number {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const start = runs[mid][key];
    if (strict ? start < x : start <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The equal run holding all of old `[start, end)`, or null when an edit touches it. */
export function equalRunCovering(diff: TextDiff, start: number, end: number): EqualRun | null {
  const i = lastRunBefore(diff.equal, start, "oldStart", false);
  if (i < 0) return null;
  const run = diff.equal[i];
  return end <= run.oldStart + run.length ? run : null;
}

/**
 * Where an old start offset lands in the new text. Inside equal text it moves with it; inside deleted or replaced
 * text it goes to the start of the replacement (so a span starting there includes the new wording). Text inserted
 * right before it stays outside.
 */
export function mapStartOffset(diff: TextDiff, offset: number): number {
  const i = lastRunBefore(diff.equal, offset, "oldStart", false);
  if (i < 0) return 0;
  const run = diff.equal[i];
  return offset < run.oldStart + run.length ? run.newStart + offset - run.oldStart : run.newStart + run.length;
}

/** Where an old end offset lands: the mirror image of `mapStartOffset` (the end of a replacement; insertions after stay outside). */
export function mapEndOffset(diff: TextDiff, offset: number): number {
  const i = lastRunBefore(diff.equal, offset, "oldStart", true);
  const run = diff.equal[i];
  if (run && offset <= run.oldStart + run.length) return run.newStart + offset - run.oldStart;
  const next = diff.equal[i + 1];
  return next ? next.newStart : diff.newText.length;
}

/**
 * How many characters of new `[newStart, newEnd)` are equal text carried over from old text outside old
 * `[oldStart, oldEnd)`: text that, in the old version, belonged somewhere else.
 */
export function carriedFromElsewhere(diff: TextDiff, newStart: number, newEnd: number, oldStart: number, oldEnd: number): number {
  let total = 0;
  for (let i = Math.max(0, lastRunBefore(diff.equal, newStart, "newStart", false)); i < diff.equal.length; i++) {
    const run = diff.equal[i];
    if (run.newStart >= newEnd) break;
    const from = Math.max(newStart, run.newStart);
    const to = Math.min(newEnd, run.newStart + run.length);
    if (to <= from) continue;
    const originFrom = run.oldStart + from - run.newStart;
    const originTo = originFrom + (to - from);
    const inside = Math.max(0, Math.min(originTo, oldEnd) - Math.max(originFrom, oldStart));
    total += to - from - inside;
  }
  return total;
}

// ——— Word diff for people ———

export type WordDiffOp = "equal" | "delete" | "insert";

export interface WordDiffPart {
  op: WordDiffOp;
  text: string;
}

/**
 * Word-level diff from `oldText` to `newText`, for showing readers and reviewers what changed. Concatenating the
 * "equal" and "delete" parts gives `oldText`; the "equal" and "insert" parts give `newText`. White space alone between
 * two changes is folded into them, so a reworded phrase reads as one deletion and one insertion.
 */
export function diffWords(oldText: string, newText: string): WordDiffPart[] {
  return wordDiffFrom(diffText(oldText, newText));
}

/** The word diff of an already computed text diff. */
export function wordDiffFrom(diff: TextDiff): WordDiffPart[] {
  const { oldText, newText } = diff;
  type Segment = { equal: string } | { deleted: string; inserted: string };
  const segments: Segment[] = [];
  let oldPos = 0;
  let newPos = 0;
  const change = (oldEnd: number, newEnd: number) => {
    if (oldEnd > oldPos || newEnd > newPos) {
      segments.push({ deleted: oldText.slice(oldPos, oldEnd), inserted: newText.slice(newPos, newEnd) });
    }
  };
  for (const run of diff.equal) {
    change(run.oldStart, run.newStart);
    segments.push({ equal: oldText.slice(run.oldStart, run.oldStart + run.length) });
    oldPos = run.oldStart + run.length;
    newPos = run.newStart + run.length;
  }
  change(oldText.length, newText.length);

  // Fold white space that only separates two changes into them.
  const folded: Segment[] = [];
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    const previous = folded[folded.length - 1];
    const next = segments[i + 1];
    if ("equal" in segment && previous && !("equal" in previous) && next && !("equal" in next) && /^\s+$/.test(segment.equal)) {
      previous.deleted += segment.equal + next.deleted;
      previous.inserted += segment.equal + next.inserted;
      i++;
    } else if (!("equal" in segment) && previous && !("equal" in previous)) {
      previous.deleted += segment.deleted;
      previous.inserted += segment.inserted;
    } else {
      folded.push({ ...segment });
    }
  }

  const parts: WordDiffPart[] = [];
  for (const segment of folded) {
    if ("equal" in segment) parts.push({ op: "equal", text: segment.equal });
    else {
      if (segment.deleted) parts.push({ op: "delete", text: segment.deleted });
      if (segment.inserted) parts.push({ op: "insert", text: segment.inserted });
    }
  }
  return parts;
}
