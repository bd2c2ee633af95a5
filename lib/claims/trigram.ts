/**
 * PostgreSQL pg_trgm's `similarity(a, b)`, computed the same way in TypeScript, so thresholds tuned here hold for
 * the SQL the server runs (`similarity(quote, $1)`, `quote % $1`).
 *
 * pg_trgm (trgm.h: LPADDING 2, RPADDING 1, KEEPONLYALNUM, IGNORECASE, DIVUNION):
 * - the text is lowercased and split into words: maximal runs of letters and digits; everything else separates;
 * - each word is padded with two spaces in front and one behind ("  word "), and every 3-character window of the
 *   padded word is a trigram ("cat" → "  c", " ca", "cat", "at ");
 * - the trigrams of all words form a set (duplicates removed);
 * - similarity = shared / (|A| + |B| − shared), 0 when either set is empty.
 *
 * Letters and digits are Unicode letters and decimal digits, which is what pg_trgm uses under a UTF-8 database
 * locale (`iswalpha`/`iswdigit`). pg_trgm stores a trigram longer than 3 bytes as a CRC of it; collisions between
 * such hashes are the one way the two can differ, and they are rare enough to ignore.
 */

const WORD = /[\p{L}\p{Nd}]+/gu;

/** The words pg_trgm sees: lowercased runs of letters and digits. */
export function trigramWords(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/** pg_trgm's `show_trgm(text)` as a set. */
export function trigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of trigramWords(text)) {
    const chars = Array.from(`  ${word} `);
    for (let i = 0; i + 3 <= chars.length; i++) out.add(chars[i] + chars[i + 1] + chars[i + 2]);
  }
  return out;
}

/** pg_trgm's `similarity(a, b)` on precomputed trigram sets. */
export function trigramSetSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const t of small) if (large.has(t)) shared++;
  return shared / (a.size + b.size - shared);
}

/** pg_trgm's `similarity(a, b)`. */
export function trigramSimilarity(a: string, b: string): number {
  return trigramSetSimilarity(trigrams(a), trigrams(b));
}
