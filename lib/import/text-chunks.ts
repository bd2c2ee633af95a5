/**
 * Cuts a text into pieces of at most `size` UTF-16 code units, never between the two halves of a surrogate pair
 * (each piece is encoded to UTF-8 on its own, where a lone half would become U+FFFD). Joined, the pieces are the text.
 */
export function textChunks(text: string, size: number): string[] {
  if (!(size >= 2)) throw new RangeError("A chunk holds at least 2 code units.");
  const chunks: string[] = [];
  for (let start = 0; start < text.length; ) {
    let end = Math.min(start + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}
