import type { TextRange } from "../domain/types";
import { splitParagraphs } from "./normalize";

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
  splitParagraphs(text).forEach((para, paragraph) => {
    for (const [start, end] of sentenceBounds(segmenter, text, para.start, para.end)) {
      const range = trimRange(text, start, end);
      if (range) sentences.push({ ...range, paragraph });
    }
  });

  const statements: TextRange[] = [];
  let group: Sentence[] = [];
  let quotes: string[] = [];
  for (const sentence of sentences) {
    if (group.length > 0) {
      const prev = group[group.length - 1];
      const withinCaps =
        group.length < MAX_MERGED_SENTENCES && sentence.paragraph - group[0].paragraph <= MAX_MERGED_PARAGRAPH_BREAKS;
      const attribution =
        sentence.paragraph === prev.paragraph &&
        /[’”"]$/u.test(text.slice(prev.start, prev.end)) &&
        /^\p{Ll}/u.test(text.slice(sentence.start, sentence.end));
      if (withinCaps && (quotes.length > 0 || attribution)) {
        group.push(sentence);
        quotes = trackQuotes(text, sentence, quotes);
        continue;
      }
      statements.push({ start: group[0].start, end: prev.end });
    }
    group = [sentence];
    quotes = trackQuotes(text, sentence, []);
  }
  if (group.length > 0) statements.push({ start: group[0].start, end: group[group.length - 1].end });
  return statements;
}

/**
 * V8's segment iterator costs time proportional to the whole string for every sentence it returns, so one long
 * paragraph of short sentences is quadratic. We segment a bounded window at a time instead: every boundary the window
 * reports is kept except the last segment and any ending within SEGMENT_WINDOW_MARGIN of the window's cut (ICU may
 * look ahead there), and the next window starts at the last kept boundary. A window with no boundary is doubled, so a
 * single long sentence stays linear too.
 */
export const SEGMENT_WINDOW = 2048;
const SEGMENT_WINDOW_MARGIN = 256;

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
    let keep = 0;
    while (keep < cut.length - 1 && (keep === 0 || cut[keep][1] <= to - SEGMENT_WINDOW_MARGIN)) keep++;
    if (keep === 0) {
      size *= 2;
      continue;
    }
    for (let i = 0; i < keep; i++) yield cut[i];
    from = cut[keep - 1][1];
    size = window;
  }
}

function trimRange(text: string, start: number, end: number): TextRange | null {
  while (start < end && /\s/u.test(text[start])) start++;
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);

/**
 * Returns the stack of quotation marks still open after `range`, starting from `open`.
 * ’ is ambiguous: between two letters (Russia’s) or with no ‘ open (the states’ decision) it is an apostrophe.
 * A plural possessive inside an open quotation ("‘the states’ plan …’") closes it early; we accept that.
 */
export function trackQuotes(text: string, range: TextRange, open: readonly string[] = []): string[] {
  const stack = [...open];
  // How many of each mark are open, so a closer with no opener costs O(1) instead of a scan of the stack.
  const count = new Map<string, number>();
  for (const q of stack) count.set(q, (count.get(q) ?? 0) + 1);
  const push = (opener: string) => {
    stack.push(opener);
    count.set(opener, (count.get(opener) ?? 0) + 1);
  };
  const closeTo = (opener: string) => {
    if (!count.get(opener)) return;
    let popped: string | undefined;
    do {
      popped = stack.pop()!;
      count.set(popped, count.get(popped)! - 1);
    } while (popped !== opener);
  };
  for (let i = range.start; i < range.end; i++) {
    const ch = text[i];
    if (ch === "‘" || ch === "“") push(ch);
    else if (ch === "”") closeTo("“");
    else if (ch === "’" && !(isLetter(text[i - 1]) && isLetter(text[i + 1]))) closeTo("‘");
    else if (ch === '"') {
      if (count.get('"')) closeTo('"');
      else push('"');
    }
  }
  return stack;
}
