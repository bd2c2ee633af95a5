/**
 * Markdown → the importer's plain text. Markup that is not article text goes: heading markers (`#`, setext
 * underlines), link and image syntax (a link keeps its text, an image is dropped), strong markers, inline code
 * backticks, blockquote markers and inline HTML tags. Single `*emphasis*` / `_emphasis_` is kept: the import
 * pipeline turns it into emphasis ranges. Paragraph breaks are kept.
 *
 * Every pass is linear in the line's length: the link and image passes look up the next `]` / `)` from a cursor
 * that only moves forward, where a regular expression would rescan the rest of the line from every `[`.
 */
export function markdownToText(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, "\n").split("\n");
  const out: string[] = [];
  for (const line of lines) {
    // A setext underline (=== or ---) under a heading line, or a horizontal rule: not text.
    if (/^\s{0,3}(=+|-{3,}|\*{3,}|_{3,})\s*$/.test(line)) {
      out.push("");
      continue;
    }
    let t = stripClosingHashes(line.replace(/^\s{0,3}#{1,6}\s+/, "")).replace(/^\s{0,3}(>\s?)+/, "");
    t = replaceImages(t);
    t = replaceLinks(t, "(", ")");
    t = replaceLinks(t, "[", "]");
    t = t
      .replace(/\*\*([^*\n]+)\*\*/g, "$1")
      .replace(/__([^_\n]+)__/g, "$1")
      .replace(/`([^`\n]+)`/g, "$1")
      .replace(/<\/?[a-zA-Z][^<>]*>/g, "");
    out.push(t.trimEnd());
  }
  // Reference-style link definitions ("[1]: https://…") are not text either.
  return out
    .filter((l) => !/^\s{0,3}\[[^\]]+\]:\s+\S+/.test(l))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

const isWhitespace = (c: string) => /\s/.test(c);

/** Same as `.replace(/\s+#+\s*$/, "")` (an ATX heading's closing hashes), without its quadratic backtracking. */
export function stripClosingHashes(line: string): string {
  let end = line.length;
  while (end > 0 && isWhitespace(line[end - 1])) end--;
  let hashes = end;
  while (hashes > 0 && line[hashes - 1] === "#") hashes--;
  if (hashes === end) return line;
  let start = hashes;
  while (start > 0 && isWhitespace(line[start - 1])) start--;
  return start === hashes ? line : line.slice(0, start);
}

/** `line.indexOf(ch, from)` for calls whose `from` never decreases: each search resumes where the last one ended. */
function forwardFinder(line: string, ch: string): (from: number) => number {
  let found = -2; // -2: not searched yet; -1: no more occurrences
  return (from) => {
    if (found === -1) return -1;
    if (found < from) found = line.indexOf(ch, from);
    return found;
  };
}

/** Same as `.replace(/!\[[^\]]*\]\([^)]*\)/g, "")`: drops images. */
export function replaceImages(line: string): string {
  const nextBracket = forwardFinder(line, "]");
  const nextParen = forwardFinder(line, ")");
  let out = "";
  let copied = 0;
  for (let i = line.indexOf("!["); i !== -1; i = line.indexOf("![", i + 1)) {
    const close = nextBracket(i + 2);
    if (close === -1) break;
    if (line[close + 1] !== "(") continue;
    const end = nextParen(close + 2);
    if (end === -1) break;
    out += line.slice(copied, i);
    copied = end + 1;
    i = end;
  }
  return copied === 0 ? line : out + line.slice(copied);
}

/**
 * Same as `.replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")` (with "(" ")") and `.replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")`
 * (with "[" "]"): a link keeps its text.
 */
export function replaceLinks(line: string, open: "(" | "[", close: ")" | "]"): string {
  const nextBracket = forwardFinder(line, "]");
  const nextClose = open === "[" ? nextBracket : forwardFinder(line, close);
  let out = "";
  let copied = 0;
  for (let i = line.indexOf("["); i !== -1; i = line.indexOf("[", i + 1)) {
    const textEnd = nextBracket(i + 1);
    if (textEnd === -1) break;
    if (textEnd === i + 1 || line[textEnd + 1] !== open) continue;
    const end = nextClose(textEnd + 2);
    if (end === -1) break;
    out += line.slice(copied, i) + line.slice(i + 1, textEnd);
    copied = end + 1;
    i = end;
  }
  return copied === 0 ? line : out + line.slice(copied);
}
