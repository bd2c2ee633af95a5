import type { TextRange } from "../domain/types";

export interface NormalizedArticle {
  title: string;
  text: string;
  emphasis: TextRange[];
  paragraphs: TextRange[];
}

export const PARAGRAPH_BREAK = "\n\n";

/**
 * Turns a pasted or imported article into its canonical text: NFC, LF line ends, one "\n\n" between paragraphs
 * (every run of newlines is a paragraph break), no title line, and markdown-style emphasis markers removed but
 * remembered as `emphasis` ranges. All ranges are UTF-16 offsets into `text`.
 * Paragraphs are trimmed on both sides, so leading indentation is dropped too.
 */
export function normalizeArticleText(raw: string, opts: { title?: string } = {}): NormalizedArticle {
  const lines = raw
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .trim()
    .split("\n")
    .map((line) => line.trim());

  let title: string;
  let body: string[];
  if (opts.title !== undefined) {
    title = collapseWhitespace(opts.title.normalize("NFC"));
    body = lines;
  } else {
    const first = lines.findIndex((line) => line !== "");
    title = first === -1 ? "" : collapseWhitespace(stripEmphasis(lines[first]).text);
    body = first === -1 ? [] : lines.slice(first + 1);
  }

  // Scraped pages often repeat the headline (e.g. <title> and <h1>); drop those copies from the top of the body.
  let bodyStart = 0;
  while (
    bodyStart < body.length &&
    (body[bodyStart] === "" || (title !== "" && collapseWhitespace(stripEmphasis(body[bodyStart]).text) === title))
  ) {
    bodyStart++;
  }

  let text = "";
  const emphasis: TextRange[] = [];
  const paragraphs: TextRange[] = [];
  for (const line of body.slice(bodyStart)) {
    if (line === "") continue;
    if (text !== "") text += PARAGRAPH_BREAK;
    const stripped = stripEmphasis(line);
    const offset = text.length;
    text += stripped.text;
    paragraphs.push({ start: offset, end: text.length });
    for (const r of stripped.emphasis) emphasis.push({ start: r.start + offset, end: r.end + offset });
  }
  emphasis.sort((a, b) => a.start - b.start || a.end - b.end);
  return { title, text, emphasis, paragraphs };
}

/** Paragraph ranges in `text`, excluding the newlines between them (any run of newlines separates paragraphs). */
export function splitParagraphs(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = m.index + m[0].trimEnd().length;
    if (end > start) ranges.push({ start, end });
  }
  return ranges;
}

export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/gu, " ").trim();
}

/**
 * Removes `*em*`, `_em_`, `**strong**` and `__strong__` markers from one line, returning the emphasised ranges in the
 * stripped line. Delimiters follow CommonMark's flanking rules (simplified), so a lone `*` — a footnote mark,
 * "5 * 3", "rose*, and 10%*" — is left alone; an opener and its closer must be on the same line, use the same
 * character and run length, and hug non-space text.
 */
export function stripEmphasis(line: string): { text: string; emphasis: TextRange[] } {
  if (!line.includes("*") && !line.includes("_")) return { text: line, emphasis: [] };
  const closers = indexClosers(line);
  let text = "";
  const emphasis: TextRange[] = [];
  let copied = 0;
  let i = 0;
  while (i < line.length) {
    const run = delimiterRunAt(line, i);
    if (run === 0) {
      i++;
      continue;
    }
    // Runs of three or more ("***", "----"-like rules) are not treated as emphasis.
    const close = run <= 2 && canOpen(line, i, run) ? findCloser(closers, line, i, run) : -1;
    if (close === -1) {
      i += run;
      continue;
    }
    text += line.slice(copied, i);
    // Nested emphasis, e.g. "*a **b** c*". A closer is the first of its kind, so the same kind cannot nest inside
    // it: the recursion is at most four deep and each level reads only its own slice.
    const inner = stripEmphasis(line.slice(i + run, close));
    const start = text.length;
    for (const r of inner.emphasis) emphasis.push({ start: r.start + start, end: r.end + start });
    text += inner.text;
    emphasis.push({ start, end: text.length });
    i = copied = close + run;
  }
  text += line.slice(copied);
  return { text, emphasis };
}

/** Length of the run of `*` or `_` starting at `i` (0 if none, or if `i` is inside a run). */
function delimiterRunAt(line: string, i: number): number {
  const ch = line[i];
  if ((ch !== "*" && ch !== "_") || line[i - 1] === ch) return 0;
  let end = i;
  while (line[end] === ch) end++;
  return end - i;
}

type CloserIndex = Record<string, number[]>;

/** The start of every run of one or two `*` / `_` that can close, by character and run length, in order. */
function indexClosers(line: string): CloserIndex {
  const closers: CloserIndex = { "*1": [], "*2": [], _1: [], _2: [] };
  for (let i = 0; i < line.length; ) {
    const run = delimiterRunAt(line, i);
    if (run === 0) {
      i++;
      continue;
    }
    if (run <= 2 && canClose(line, i, run)) closers[line[i] + run].push(i);
    i += run;
  }
  return closers;
}

/** The first run after the opener with the same character and length that can close it, or -1 (a binary search). */
function findCloser(closers: CloserIndex, line: string, open: number, run: number): number {
  const starts = closers[line[open] + run];
  const from = open + run;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < starts.length ? starts[lo] : -1;
}

// ASCII is answered without a Unicode regular expression (the common case, and several calls per delimiter).
const isAsciiAlnum = (code: number) => (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isSpace = (c: string | undefined) => {
  if (c === undefined) return true;
  const code = c.charCodeAt(0);
  return code < 128 ? code === 32 || (code >= 9 && code <= 13) : /\s/u.test(c);
};
const isPunct = (c: string | undefined) => {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return code < 128 ? code > 32 && code < 127 && !isAsciiAlnum(code) : /[\p{P}\p{S}]/u.test(c);
};
const isAlnum = (c: string | undefined) => {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return code < 128 ? isAsciiAlnum(code) : /[\p{L}\p{N}]/u.test(c);
};

function canOpen(line: string, i: number, run: number): boolean {
  const prev = line[i - 1];
  const next = line[i + run];
  const leftFlanking = !isSpace(next) && (!isPunct(next) || isSpace(prev) || isPunct(prev));
  return leftFlanking && !(line[i] === "_" && isAlnum(prev)); // snake_case is not emphasis
}

function canClose(line: string, i: number, run: number): boolean {
  const prev = line[i - 1];
  const next = line[i + run];
  const rightFlanking = !isSpace(prev) && (!isPunct(prev) || isSpace(next) || isPunct(next));
  return rightFlanking && !(line[i] === "_" && isAlnum(next));
}
