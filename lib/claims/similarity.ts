/**
 * "Checked before?" scoring: how alike two statements are, and whether a close pair is a near-miss that must
 * never be linked automatically.
 *
 * score = TRIGRAM_WEIGHT × pg_trgm similarity + (1 − TRIGRAM_WEIGHT) × word overlap
 *
 * Both parts can be computed by PostgreSQL, so the server can rank candidates in SQL with the same numbers:
 * - `similarity(a, b)` from pg_trgm (see `trigram.ts`);
 * - word overlap is the Dice coefficient of the two sets of content words: pg_trgm's words (lowercased runs of
 *   letters and digits), minus the stop words below, with a plural "s" removed (`contentWords`). In SQL:
 *   `regexp_split_to_array(lower(t), '[^[:alnum:]]+')`, filtered and stemmed by the same rules, or a stored
 *   generated column of those words.
 *
 * Thresholds (`SUGGEST_THRESHOLD`, `AUTO_LINK_THRESHOLD`) were chosen on the tuning split of
 * bench/claim-match/pairs.jsonl only; `npx tsx bench/claim-match.ts` reports them on the held-out split.
 */
import { trigramSetSimilarity, trigrams, trigramWords } from "./trigram";

/** English function words that carry no claim: dropped before the word overlap (not before the trigrams). */
const STOP_WORDS = new Set(
  (
    // Not stop words, though common: before/after, over/under, up/down, above/below, more/less carry the claim,
    // and "us" is left in because lowercasing makes "US officials" "us officials".
    "a an the and or but if of in on at to for from by with as into onto about than then " +
    "that this these those it its it's is are was were be been being has have had having do does did will would " +
    "shall should can could may might must s t its their there they them he she his her him we our you your i " +
    "my me who whom whose which what when where why how also so such very just said says say saying told " +
    "according"
  ).split(/\s+/),
);

/** Removes a plural or third-person "s" ("countries" → "country", "votes" → "vote"); leaves "ss", "us", "is". */
export function stemWord(word: string): string {
  if (word.length > 4 && word.endsWith("ies")) return word.slice(0, -3) + "y";
  if (word.length > 3 && word.endsWith("s") && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The claim's content words: pg_trgm's words without stop words, stemmed. */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of trigramWords(text)) if (!STOP_WORDS.has(w)) out.add(stemWord(w));
  return out;
}

/** Dice coefficient of two word sets: 2 × shared / (|A| + |B|). */
export function wordOverlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}

export const TRIGRAM_WEIGHT = 0.5;
/** Show as "checked before?" at or above this score. */
export const SUGGEST_THRESHOLD = 0.34;
/** Link automatically at or above this score, unless the pair is a near-miss. */
export const AUTO_LINK_THRESHOLD = 0.875;

/** A statement prepared once for scoring against many others. */
export interface PreparedStatement {
  text: string;
  trigrams: Set<string>;
  words: Set<string>;
}

export function prepareStatement(text: string): PreparedStatement {
  return { text, trigrams: trigrams(text), words: contentWords(text) };
}

export function scorePrepared(a: PreparedStatement, b: PreparedStatement, trigramWeight = TRIGRAM_WEIGHT): number {
  return trigramWeight * trigramSetSimilarity(a.trigrams, b.trigrams) + (1 - trigramWeight) * wordOverlap(a.words, b.words);
}

/** The combined score of two statements, 0..1. */
export function claimSimilarity(a: string, b: string, trigramWeight = TRIGRAM_WEIGHT): number {
  return scorePrepared(prepareStatement(a), prepareStatement(b), trigramWeight);
}
