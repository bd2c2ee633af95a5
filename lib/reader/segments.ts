import type { TextRange } from "@/lib/domain/types";

/** One run of text inside a paragraph, with the marks that apply to all of it. */
export interface TextRun {
  start: number;
  end: number;
  text: string;
  emphasis: boolean;
}

/** A highlighted annotation's piece inside one paragraph (an annotation can cross a paragraph break). */
export interface HighlightPiece<A> {
  kind: "highlight";
  annotation: A;
  /** False for the continuation of a highlight that started in an earlier paragraph. */
  first: boolean;
  runs: TextRun[];
}

export interface PlainPiece {
  kind: "plain";
  runs: TextRun[];
}

export type ParagraphPiece<A> = HighlightPiece<A> | PlainPiece;

export interface RenderParagraph<A> {
  start: number;
  end: number;
  pieces: ParagraphPiece<A>[];
}

/**
 * Cuts the canonical text into paragraphs of plain and highlighted pieces, each made of runs with or without
 * emphasis. Linear in text length + number of ranges (annotations must not overlap; overlapping ones after the
 * first are dropped rather than rendered wrongly).
 */
export function buildReaderParagraphs<A extends TextRange>(
  text: string,
  annotations: readonly A[],
  emphasis: readonly TextRange[] = [],
  /** Only the paragraphs that start in this range (one page of a long article). */
  range?: TextRange,
): RenderParagraph<A>[] {
  const sorted = [...annotations].sort((a, b) => a.start - b.start);
  const highlights: A[] = [];
  for (const a of sorted) {
    if (a.start < 0 || a.end > text.length || a.start >= a.end) continue;
    const prev = highlights[highlights.length - 1];
    if (prev && a.start < prev.end) continue;
    highlights.push(a);
  }
  const emph = [...emphasis].sort((a, b) => a.start - b.start);

  const paragraphs: RenderParagraph<A>[] = [];
  const paragraphRe = /\n{2,}/g;
  let pStart = 0;
  const bounds: TextRange[] = [];
  for (let m = paragraphRe.exec(text); m; m = paragraphRe.exec(text)) {
    bounds.push({ start: pStart, end: m.index });
    pStart = m.index + m[0].length;
  }
  bounds.push({ start: pStart, end: text.length });

  let h = 0;
  let e = 0;
  const started = new Set<A>();
  for (const p of bounds) {
    if (p.end <= p.start || (range && (p.start < range.start || p.start >= range.end))) continue;
    const pieces: ParagraphPiece<A>[] = [];
    let cursor = p.start;
    while (h < highlights.length && highlights[h].end <= p.start) h++;
    let hi = h;
    while (cursor < p.end) {
      const next = highlights[hi];
      if (next && next.start < p.end && next.start <= cursor && next.end > cursor) {
        const end = Math.min(next.end, p.end);
        pieces.push({ kind: "highlight", annotation: next, first: !started.has(next), runs: runsFor(cursor, end) });
        started.add(next);
        cursor = end;
        if (next.end <= p.end) hi++;
      } else {
        const end = next && next.start < p.end ? next.start : p.end;
        pieces.push({ kind: "plain", runs: runsFor(cursor, end) });
        cursor = end;
      }
    }
    h = hi;
    paragraphs.push({ start: p.start, end: p.end, pieces });
  }
  return paragraphs;

  function runsFor(start: number, end: number): TextRun[] {
    const runs: TextRun[] = [];
    while (e < emph.length && emph[e].end <= start) e++;
    let cursor = start;
    let k = e;
    while (cursor < end) {
      const r = emph[k];
      if (r && r.start <= cursor && r.end > cursor) {
        const stop = Math.min(r.end, end);
        runs.push({ start: cursor, end: stop, text: text.slice(cursor, stop), emphasis: true });
        cursor = stop;
        if (r.end <= end) k++;
      } else {
        const stop = r && r.start < end ? r.start : end;
        runs.push({ start: cursor, end: stop, text: text.slice(cursor, stop), emphasis: false });
        cursor = stop;
      }
    }
    return runs;
  }
}

/** Counts annotations per key (e.g. status slug), in the order of `order`, keeping only keys that occur. */
export function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
