/**
 * Markdown → the importer's plain text. Markup that is not article text goes: heading markers (`#`, setext
 * underlines), link and image syntax (a link keeps its text, an image is dropped), strong markers, inline code
 * backticks, blockquote markers and inline HTML tags. Single `*emphasis*` / `_emphasis_` is kept: the import
 * pipeline turns it into emphasis ranges. Paragraph breaks are kept.
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
    let t = line
      .replace(/^\s{0,3}#{1,6}\s+/, "")
      .replace(/\s+#+\s*$/, "")
      .replace(/^\s{0,3}(>\s?)+/, "");
    t = t
      .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
      .replace(/\[([^\]]+)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1")
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
