import type { TextRange } from "../domain/types";

/** Narrows [start, end) to exclude leading and trailing whitespace; an all-blank range comes back empty (start === end). */
export function trimRange(text: string, start: number, end: number): TextRange {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s])) s++;
  while (e > s && /\s/u.test(text[e - 1])) e--;
  return { start: s, end: e };
}
