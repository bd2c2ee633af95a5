import type { TextRange } from "../domain/types";
import { PARAGRAPH_BREAK, stripEmphasis } from "./normalize";

/** Start offsets of every occurrence of `needle` in `text`, overlapping ones included; [] for an empty needle. */
export function findAllOccurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === "") return found;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/**
 * Resolves a quote from column 2 of a fact-checker's key ("start of it … end of it") to a range of canonical text:
 * strip the outer straight double quotes, turn a literal `\n\n` into a paragraph break, drop emphasis markers, split on
 * "…", trim; the span runs from the (unique) first part to the first occurrence of the last part after it.
 * Throws if the first part is missing or ambiguous, or the last part does not follow it.
 */
export function resolveKeySpan(text: string, keyQuote: string): TextRange {
  let quote = keyQuote.trim();
  if (quote.length >= 2 && quote.startsWith('"') && quote.endsWith('"')) quote = quote.slice(1, -1);
  quote = quote.split("\\n\\n").map((part) => stripEmphasis(part).text).join(PARAGRAPH_BREAK);
  const parts = quote
    .split("…")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  if (parts.length === 0) throw new Error(`Key quote ${JSON.stringify(keyQuote)} is empty`);

  const first = parts[0];
  const last = parts[parts.length - 1];
  const starts = findAllOccurrences(text, first);
  if (starts.length === 0) {
    throw new Error(`Key quote not found: the text does not contain ${JSON.stringify(first)}`);
  }
  if (starts.length > 1) {
    throw new Error(
      `Key quote is ambiguous: ${JSON.stringify(first)} occurs ${starts.length} times (at offsets ${starts.join(", ")})`,
    );
  }
  const start = starts[0];
  if (parts.length === 1) return { start, end: start + first.length };
  const lastAt = text.indexOf(last, start + first.length);
  if (lastAt === -1) {
    throw new Error(
      `Key quote end not found: ${JSON.stringify(last)} does not occur after ${JSON.stringify(first)} (offset ${start})`,
    );
  }
  return { start, end: lastAt + last.length };
}
