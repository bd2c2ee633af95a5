import { contentHash, normalizeArticleText, proposeStatements, slugify } from "@/lib/text";
import type { TextRange } from "@/lib/domain/types";

export interface PreparedArticle {
  title: string;
  text: string;
  emphasis: TextRange[];
  contentHash: string;
  slugBase: string;
  statements: TextRange[];
}

/** The import pipeline: normalise the raw text once, hash it, and propose statements. */
export function prepareArticle(raw: string, opts: { title?: string; language?: string } = {}): PreparedArticle {
  const normalized = normalizeArticleText(raw, { title: opts.title });
  return {
    title: normalized.title,
    text: normalized.text,
    emphasis: normalized.emphasis,
    contentHash: contentHash(normalized.text),
    slugBase: slugify(normalized.title),
    statements: proposeStatements(normalized.text, opts.language ?? "en"),
  };
}

/** Keeps the proposals that do not overlap any of the given (hand-selected) ranges, and merges both, sorted. */
export function mergeStatementRanges(selected: TextRange[], proposed: TextRange[]): TextRange[] {
  const sortedSelected = [...selected].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sortedSelected.length; i++) {
    if (sortedSelected[i].start < sortedSelected[i - 1].end) {
      throw new Error(`Selected statements overlap at offsets ${sortedSelected[i - 1].start} and ${sortedSelected[i].start}`);
    }
  }
  const overlapsSelected = (r: TextRange) => sortedSelected.some((s) => r.start < s.end && s.start < r.end);
  return [...sortedSelected, ...proposed.filter((r) => !overlapsSelected(r))].sort((a, b) => a.start - b.start);
}
