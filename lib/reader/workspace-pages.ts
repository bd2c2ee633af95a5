import type { TextRange } from "@/lib/domain/types";

/** Statements per page of the review workspace: a long article is shown a window at a time, a short one whole. */
export const WORKSPACE_PAGE_STATEMENTS = 300;

/** One page: the text range it shows and which statements (by index, `last` exclusive) start in it. */
export interface WorkspacePage extends TextRange {
  first: number;
  last: number;
}

/**
 * Cuts an article into pages of about `size` statements each. Pages break only at a paragraph boundary that no
 * statement crosses, so every paragraph and statement is shown whole on exactly one page, and the pages cover the
 * text. A page can hold more than `size` statements when a paragraph does. Linear in text length + statements;
 * `statements` must be sorted by start and must not overlap.
 */
export function workspacePages(text: string, statements: readonly TextRange[], size = WORKSPACE_PAGE_STATEMENTS): WorkspacePage[] {
  const pages: WorkspacePage[] = [];
  let pageStart = 0;
  let first = 0;
  let i = 0;
  if (statements.length > size) {
    const paragraphBreak = /\n{2,}/g;
    for (let m = paragraphBreak.exec(text); m; m = paragraphBreak.exec(text)) {
      const at = m.index + m[0].length;
      while (i < statements.length && statements[i].start < at) i++;
      if (i > 0 && statements[i - 1].end > at) continue; // a statement crosses this break
      if (i - first >= size && statements.length - i > 0) {
        pages.push({ start: pageStart, end: at, first, last: i });
        pageStart = at;
        first = i;
      }
    }
  }
  pages.push({ start: pageStart, end: text.length, first, last: statements.length });
  return pages;
}

/** The index of the page showing the statement that starts at `start`. */
export function pageOfStatement(pages: readonly WorkspacePage[], start: number): number {
  let lo = 0;
  let hi = pages.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pages[mid].start <= start) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
