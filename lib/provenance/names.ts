/**
 * How a free-text speaker is matched to a source record. Used by the chain checks.
 *
 * Two names are the same entity when either
 *  1. their normalised forms are equal (see `normaliseName`), or
 *  2. a reviewer has recorded an explicit "same as" link between them (`SameAsLink`), by source id or by name.
 *
 * Normalisation is deliberately conservative: it only removes differences that never change who is meant
 * (case, diacritics, punctuation, a leading "the", "&" for "and", a possessive "'s", and the word order of
 * "Ministry of X (Affairs)" ↔ "X Ministry"). It does not guess at surnames ("Podlesny" ↔ "Gennady Podlesny"),
 * demonyms ("Lithuanian" ↔ "of Lithuania") or abbreviations ("MFA"): a reviewer records those as "same as" links,
 * so a warning is never silenced by a guess.
 */

/** A reviewer's statement that a speaker, as written, is this source. */
export interface SameAsLink {
  /** The speaker as written in the annotation (compared after normalisation). */
  speakerName: string;
  /** The source it is the same as: by id when the source is stored, else by name (normalised). */
  sourceId?: string | null;
  sourceName?: string | null;
}

export interface NamedSource {
  id?: string | null;
  name: string;
}

/**
 * Lowercase, without diacritics, punctuation as spaces, single spaces, no leading "the".
 * "The Ministry of Foreign Affairs" → "foreign ministry"; "Kęstutis Budrys" → "kestutis budrys";
 * "Russia's defence ministry" → "russia defence ministry".
 */
export function normaliseName(name: string): string {
  let s = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’](s)?\b/g, "") // possessive and elided apostrophes: "Russia's" → "russia"
    .replace(/&/g, " and ")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the /, "");
  // "ministry of foreign affairs" → "foreign ministry", "ministry of defence" → "defence ministry".
  // Only a one-word remit, so "ministry of health and social affairs" is left alone.
  s = s.replace(/\bministry of (?:the )?(\p{L}+)(?: affairs)?(?= of |$)/gu, (_m, remit: string) => `${remit} ministry`);
  s = s.replace(/\b(\p{L}+) affairs ministry\b/gu, "$1 ministry");
  return s.replace(/\s+/g, " ").trim();
}

/** True when `speaker` (free text) names `source`, by normalised name or by an explicit link. */
export function speakerIsSource(speaker: string, source: NamedSource, links: readonly SameAsLink[] = []): boolean {
  const who = normaliseName(speaker);
  if (who === "") return false;
  if (who === normaliseName(source.name)) return true;
  return links.some(
    (link) =>
      normaliseName(link.speakerName) === who &&
      ((link.sourceId != null && source.id != null && link.sourceId === source.id) ||
        (link.sourceName != null && normaliseName(link.sourceName) === normaliseName(source.name))),
  );
}

/** True when the normalised `needle` occurs in the normalised `haystack` as whole words. */
export function namesContain(haystack: string, needle: string): boolean {
  const h = ` ${normaliseName(haystack)} `;
  const n = normaliseName(needle);
  return n !== "" && h.includes(` ${n} `);
}
