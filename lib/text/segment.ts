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
  splitParagraphs(text).forEach((para, paragraph) => {
    for (const seg of segmenter.segment(text.slice(para.start, para.end))) {
      const range = trimRange(text, para.start + seg.index, para.start + seg.index + seg.segment.length);
      if (range.end > range.start) sentences.push({ ...range, paragraph });
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


const isLetter = (c: string | undefined) => c !== undefined && /\p{L}/u.test(c);

/**
 * Returns the stack of quotation marks still open after `range`, starting from `open`.
 * ’ is ambiguous: between two letters (Russia’s) or with no ‘ open (the states’ decision) it is an apostrophe.
 * A plural possessive inside an open quotation ("‘the states’ plan …’") closes it early; we accept that.
 */
export function trackQuotes(text: string, range: TextRange, open: readonly string[] = []): string[] {
  const stack = [...open];
  const closeTo = (opener: string) => {
    const at = stack.lastIndexOf(opener);
    if (at !== -1) stack.length = at;
  };
  for (let i = range.start; i < range.end; i++) {
    const ch = text[i];
    if (ch === "‘" || ch === "“") stack.push(ch);
    else if (ch === "”") closeTo("“");
    else if (ch === "’" && !(isLetter(text[i - 1]) && isLetter(text[i + 1]))) closeTo("‘");
    else if (ch === '"') {
      if (stack.includes('"')) closeTo('"');
      else stack.push('"');
    }
  }
  return stack;
}
