/**
 * Near-miss detection: two statements that read alike but may not make the same claim. A near-miss can still be
 * suggested to a reviewer (a different verdict on nearly the same words is exactly what they must see), but it is
 * never linked automatically.
 *
 * Reasons, each cheap and explainable to the reviewer:
 * - negation: one statement is negated and the other is not ("did not raise", "never", "no evidence");
 * - opposite: one says rose/won/admitted/open where the other says fell/lost/denied/closed, or a word and its
 *   "un-"/"in-"/"non-" form ("constitutional" / "unconstitutional");
 * - number / date: the numbers, years or months differ ("4,000" / "14,000", "2019" / "2024", "June" / "July");
 * - changed words: most content words are shared, and a few are swapped or added (a changed speaker, place,
 *   group or verb: "defence minister" / "finance minister", "signed" / "ratified", "Kyiv said …");
 * - word order: the same words in another order, which can swap who did what ("wages grew faster than prices");
 *   moving the attribution from the front to the end ("X said Y" / "Y, X said") is not counted.
 * The detector errs towards "near-miss": a false alarm only costs a click, a missed one would link two claims
 * with different truth conditions.
 */
import { contentWords } from "./similarity";
import { trigramWords } from "./trigram";

export type NearMissKind = "negation" | "opposite" | "number" | "date" | "changed-words" | "word-order";

export interface NearMissReason {
  kind: NearMissKind;
  /** For the reviewer: what differs, e.g. "4,000 → 14,000" or "fell → rose". */
  detail: string;
}

export interface NearMissResult {
  nearMiss: boolean;
  reasons: NearMissReason[];
}

const NEGATIONS = new Set(["not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "without", "cannot"]);

function negationCount(text: string): number {
  const contractions = text.match(/n['’]t\b/gi)?.length ?? 0;
  return contractions + trigramWords(text).filter((w) => NEGATIONS.has(w)).length;
}

/** Word groups with opposite meanings in news claims. */
const OPPOSITES: [string[], string[]][] = [
  [
    ["rose", "rise", "rises", "risen", "rising", "increase", "increased", "increases", "climbed", "climb", "grew", "grow", "higher", "up", "gained", "above", "highest"],
    ["fell", "fall", "falls", "fallen", "falling", "decrease", "decreased", "decreases", "dropped", "drop", "declined", "decline", "shrank", "shrink", "lower", "down", "below", "lowest"],
  ],
  [
    ["won", "win", "wins", "survived", "approved", "backed", "accepted", "passed", "cleared"],
    ["lost", "lose", "loses", "defeated", "rejected", "blocked", "vetoed"],
  ],
  [["admitted", "confirmed", "acknowledged"], ["denied", "denies", "deny"]],
  [["first"], ["last"]],
  [["open", "opened", "reopen", "reopens", "reopened"], ["closed", "close", "shut", "remain"]],
  [["largest", "biggest", "most"], ["smallest", "least"]],
  [["charged"], ["dropped", "acquitted"]],
  [["held"], ["broken", "collapsed"]],
];

const PREFIXES = ["un", "in", "il", "im", "ir", "non", "dis"];

function findOpposites(aOnly: Set<string>, bOnly: Set<string>): string[] {
  const found: string[] = [];
  for (const [left, right] of OPPOSITES) {
    const aL = left.find((w) => aOnly.has(w));
    const bR = right.find((w) => bOnly.has(w));
    const aR = right.find((w) => aOnly.has(w));
    const bL = left.find((w) => bOnly.has(w));
    if (aL && bR) found.push(`${aL} → ${bR}`);
    else if (aR && bL) found.push(`${aR} → ${bL}`);
  }
  for (const x of aOnly) {
    for (const y of bOnly) {
      if (Math.min(x.length, y.length) >= 4 && PREFIXES.some((p) => x === p + y || y === p + x)) found.push(`${x} → ${y}`);
    }
  }
  return found;
}

const UNITS: Record<string, number> = { thousand: 1e3, k: 1e3, million: 1e6, m: 1e6, mn: 1e6, billion: 1e9, bn: 1e9, trillion: 1e12 };
const SMALL: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const ORDINALS: Record<string, number> = { second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10 };
const FRACTIONS: Record<string, string> = { half: "1/2", halved: "1/2", quarter: "1/4", third: "1/3", tenth: "1/10" };
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

interface Quantities {
  numbers: string[];
  years: string[];
  months: string[];
}

function formatValue(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e6) / 1e6);
}

/** The numbers a statement states, normalised ("€1.2bn" → 1200000000, "Twenty-three" → 23), plus its years and months. */
export function quantities(text: string): Quantities {
  const numbers: string[] = [];
  const years: string[] = [];
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(/(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*(thousand|million|billion|trillion)\b|(bn|mn|m|k)\b)?/g)) {
    const value = Number(m[1].replace(/,/g, "") + (m[2] ? `.${m[2]}` : "")) * (UNITS[m[3] ?? m[4] ?? ""] ?? 1);
    const isYear = !m[2] && !m[3] && !m[4] && !m[1].includes(",") && value >= 1900 && value <= 2100;
    (isYear ? years : numbers).push(formatValue(value));
  }
  const words = trigramWords(lower);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    let value: number | null = null;
    if (w in TENS) {
      value = TENS[w];
      if (words[i + 1] in SMALL && SMALL[words[i + 1]] < 10) value += SMALL[words[++i]];
    } else if (w in SMALL) value = SMALL[w];
    else if ((w === "a" || w === "one") && words[i + 1] in UNITS && words[i + 1].length > 2) value = 1;
    else if (w in ORDINALS && !(w in FRACTIONS && (words[i - 1] === "a" || words[i - 1] === "one"))) value = ORDINALS[w];
    else if (w in FRACTIONS) {
      numbers.push(FRACTIONS[w]);
      continue;
    }
    if (value === null) continue;
    if (words[i + 1] in UNITS && words[i + 1].length > 2) value *= UNITS[words[++i]];
    numbers.push(formatValue(value));
  }
  const months = words.filter((w) => MONTHS.includes(w) && !(w === "may" && !/\bMay\b/.test(text)));
  return { numbers, years, months };
}

function sameMultiset(a: string[], b: string[]): boolean {
  return a.length === b.length && [...a].sort().join("|") === [...b].sort().join("|");
}

function difference(a: string[], b: string[]): string {
  const onlyA = a.filter((x) => !b.includes(x));
  const onlyB = b.filter((x) => !a.includes(x));
  return `${onlyA.join(", ") || "—"} → ${onlyB.join(", ") || "—"}`;
}

const isNumberWord = (w: string) => /^\d/.test(w) || w in SMALL || w in TENS || w in UNITS;

/** Content words with their counts (see `contentWords`), numbers left out: they are compared as quantities. */
function countWords(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of trigramWords(text)) {
    if (isNumberWord(w) || !contentWords(w).size) continue;
    const stem = [...contentWords(w)][0];
    counts.set(stem, (counts.get(stem) ?? 0) + 1);
  }
  return counts;
}

/** The words of `a` (with repeats) that `b` does not have as many times. */
function unmatched(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [w, n] of a) for (let i = b.get(w) ?? 0; i < n; i++) out.push(w);
  return out;
}

/**
 * True when one sequence is the other with a block moved from the end to the front ("X said Y" / "Y, X said"),
 * the usual way an attribution is reworded, which does not change who did what.
 */
function isRotation(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const doubled = ` ${[...a, ...a].join(" ")} `;
  return doubled.includes(` ${b.join(" ")} `);
}

/** Words swapped between two otherwise alike statements: at most this many on each side. */
const MAX_SWAPPED = 3;
/** …and at least this many content words shared. */
const MIN_SHARED = 2;

export function detectNearMiss(a: string, b: string): NearMissResult {
  const reasons: NearMissReason[] = [];

  if (negationCount(a) % 2 !== negationCount(b) % 2) {
    reasons.push({ kind: "negation", detail: negationCount(a) % 2 ? "negated → not negated" : "not negated → negated" });
  }

  const wordsA = new Set(trigramWords(a));
  const wordsB = new Set(trigramWords(b));
  const onlyA = new Set([...wordsA].filter((w) => !wordsB.has(w)));
  const onlyB = new Set([...wordsB].filter((w) => !wordsA.has(w)));
  for (const detail of findOpposites(onlyA, onlyB)) reasons.push({ kind: "opposite", detail });

  const qa = quantities(a);
  const qb = quantities(b);
  if (!sameMultiset(qa.years, qb.years)) reasons.push({ kind: "date", detail: difference(qa.years, qb.years) });
  if (!sameMultiset(qa.months, qb.months)) reasons.push({ kind: "date", detail: difference(qa.months, qb.months) });
  if (!sameMultiset(qa.numbers, qb.numbers)) reasons.push({ kind: "number", detail: difference(qa.numbers, qb.numbers) });

  // Counted, not as sets: "defence minister … on defence" / "finance minister … on defence" swaps one "defence".
  const contentA = countWords(a);
  const contentB = countWords(b);
  const swappedA = unmatched(contentA, contentB);
  const swappedB = unmatched(contentB, contentA);
  const shared = [...contentA.values()].reduce((n, c) => n + c, 0) - swappedA.length;
  if (
    reasons.length === 0 &&
    shared >= MIN_SHARED &&
    swappedA.length + swappedB.length >= 1 &&
    swappedA.length <= MAX_SWAPPED &&
    swappedB.length <= MAX_SWAPPED
  ) {
    reasons.push({ kind: "changed-words", detail: `${swappedA.join(" ") || "—"} → ${swappedB.join(" ") || "—"}` });
  }
  if (reasons.length === 0 && swappedA.length === 0 && swappedB.length === 0) {
    // The same words in another order can swap who did what: "wages grew faster than prices" / "prices … wages".
    const order = (t: string) => trigramWords(t).filter((w) => contentWords(w).size > 0 && !isNumberWord(w)).map((w) => [...contentWords(w)][0]);
    const seqA = order(a);
    const seqB = order(b);
    if (seqA.join(" ") !== seqB.join(" ") && !isRotation(seqA, seqB)) {
      reasons.push({ kind: "word-order", detail: "the same words in another order" });
    }
  }

  return { nearMiss: reasons.length > 0, reasons };
}
