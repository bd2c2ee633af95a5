import type { TextRange } from "../domain/types";
import { splitParagraphs } from "./normalize";
import { trimRange } from "./ranges";

/** Caps that stop an unclosed quotation from swallowing the rest of the article. */
export const MAX_MERGED_SENTENCES = 6;
export const MAX_MERGED_PARAGRAPH_BREAKS = 1;

interface Sentence extends TextRange {
  paragraph: number;
}

/**
 * Proposes statement ranges for canonical text: ICU sentences per paragraph, trimmed, then merged so that a
 * quotation stays in one statement — (a) while a quotation is open at the end of a sentence, the next sentence
 * (possibly in the next paragraph) joins it; (b) a sentence starting lowercase right after one ending in a closing
 * quote ("‘Is it?’ he asked.") joins it, keeping the quote with its attribution. Merging stops at
 * MAX_MERGED_SENTENCES sentences or MAX_MERGED_PARAGRAPH_BREAKS paragraph breaks, and the quote state is then reset.
 * Ranges are sorted, non-empty and non-overlapping.
 */
export function proposeStatements(text: string, locale = "en"): TextRange[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: "sentence" });
  const sentences: Sentence[] = [];
  // One pass over all paragraphs: a segment() call has a fixed cost, which 500,000 one-word paragraphs would pay
  // 500,000 times. ICU always breaks after a line break, so a sentence never spans two paragraphs; the clipping
  // below only makes sure of it.
  const paragraphs = splitParagraphs(text);
  let p = 0;
  if (paragraphs.length > 0) {
    for (const [segStart, segEnd] of sentenceBounds(segmenter, text, paragraphs[0].start, paragraphs[paragraphs.length - 1].end)) {
      for (let from = segStart; from < segEnd; ) {
        while (p < paragraphs.length && paragraphs[p].end <= from) p++;
        if (p === paragraphs.length || paragraphs[p].start >= segEnd) break;
        const to = Math.min(segEnd, paragraphs[p].end);
        const range = trimRange(text, Math.max(from, paragraphs[p].start), to);
        if (range.end > range.start) sentences.push({ start: range.start, end: range.end, paragraph: p });
        from = to;
      }
    }
  }

  const statements: TextRange[] = [];
  const quotes = new QuoteTracker(text);
  let first: Sentence | null = null; // the group's first sentence
  let prev: Sentence | null = null; // and its last
  let size = 0;
  for (const sentence of sentences) {
    if (first && prev) {
      const withinCaps = size < MAX_MERGED_SENTENCES && sentence.paragraph - first.paragraph <= MAX_MERGED_PARAGRAPH_BREAKS;
      const attribution =
        sentence.paragraph === prev.paragraph && CLOSING_QUOTES.has(text[prev.end - 1]) && startsLowercase(text, sentence.start);
      if (withinCaps && (quotes.open > 0 || attribution)) {
        prev = sentence;
        size++;
        quotes.read(sentence);
        continue;
      }
      statements.push({ start: first.start, end: prev.end });
    }
    first = prev = sentence;
    size = 1;
    quotes.reset();
    quotes.read(sentence);
  }
  if (first && prev) statements.push({ start: first.start, end: prev.end });
  return statements;
}

const CLOSING_QUOTES = new Set(["’", "”", '"']);
const startsLowercase = (text: string, at: number) => /^\p{Ll}/u.test(String.fromCodePoint(text.codePointAt(at)!));

/**
 * V8's segment iterator costs time proportional to the whole string for every sentence it returns, so one long
 * paragraph of short sentences is quadratic. We segment a bounded window at a time instead: every boundary the window
 * reports is kept except the last segment and any ending within the margin before the window's cut (ICU may look
 * ahead there), and the next window starts at the last kept boundary. The window is sized to hold a few dozen of the
 * sentences just seen (between MIN_SEGMENT_WINDOW and `window`), since each one costs the window's length; a window
 * with no boundary is doubled, so a single long sentence stays linear too.
 */
export const SEGMENT_WINDOW = 2048;
const MIN_SEGMENT_WINDOW = 192;
const SEGMENT_WINDOW_MARGIN = 128;
const SENTENCES_PER_WINDOW = 48;

export function* sentenceBounds(
  segmenter: Intl.Segmenter,
  text: string,
  start: number,
  end: number,
  window = SEGMENT_WINDOW,
): Generator<[number, number]> {
  let from = start;
  let size = window;
  while (from < end) {
    const to = Math.min(end, from + size);
    const cut: [number, number][] = [];
    for (const seg of segmenter.segment(text.slice(from, to))) cut.push([from + seg.index, from + seg.index + seg.segment.length]);
    if (to === end) {
      yield* cut;
      return;
    }
    // Keep what is safely before the cut; the rest is segmented again in the next window.
    const safeEnd = to - Math.min(SEGMENT_WINDOW_MARGIN, size >> 2);
    let keep = 0;
    while (keep < cut.length - 1 && (keep === 0 || cut[keep][1] <= safeEnd)) keep++;
    if (keep === 0) {
      size *= 2;
      continue;
    }
    for (let i = 0; i < keep; i++) yield cut[i];
    const averageLength = (to - from) / cut.length;
    size = Math.max(MIN_SEGMENT_WINDOW, Math.min(window, Math.round(averageLength * SENTENCES_PER_WINDOW)));
    from = cut[keep - 1][1];
  }
}


const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);

/**
 * Returns the stack of quotation marks still open after `range`, starting from `open`.
 * ’ is ambiguous: between two letters (Russia’s) or with no ‘ open (the states’ decision) it is an apostrophe.
 * A plural possessive inside an open quotation ("‘the states’ plan …’") closes it early; we accept that.
 */
export function trackQuotes(text: string, range: TextRange, open: readonly string[] = []): string[] {
  const tracker = new QuoteTracker(text);
  for (const q of open) tracker.push(q);
  tracker.read(range);
  return tracker.stack;
}

/** The open quotation marks while reading sentences in order; counts make a closer with no opener O(1). */
class QuoteTracker {
  readonly stack: string[] = [];
  private readonly count: Record<string, number> = { "‘": 0, "“": 0, '"': 0 };
  constructor(private readonly text: string) {}

  get open(): number {
    return this.stack.length;
  }

  reset(): void {
    this.stack.length = 0;
    this.count["‘"] = this.count["“"] = this.count['"'] = 0;
  }

  push(opener: string): void {
    this.stack.push(opener);
    this.count[opener]++;
  }

  private closeTo(opener: string): void {
    if (this.count[opener] === 0) return;
    let popped: string;
    do {
      popped = this.stack.pop()!;
      this.count[popped]--;
    } while (popped !== opener);
  }

  read(range: TextRange): void {
    const text = this.text;
    for (let i = range.start; i < range.end; i++) {
      const ch = text[i];
      if (ch === "‘" || ch === "“") this.push(ch);
      else if (ch === "”") this.closeTo("“");
      else if (ch === "’" && !(isLetter(text[i - 1]) && isLetter(text[i + 1]))) this.closeTo("‘");
      else if (ch === '"') {
        if (this.count['"'] > 0) this.closeTo('"');
        else this.push('"');
      }
    }
  }
}
