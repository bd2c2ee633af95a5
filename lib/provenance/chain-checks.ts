/**
 * Chain checks: warnings about an annotation's attribution and provenance chain that a fact-checker should look
 * at before approving. Each check is a pure function of the annotation's fields (and the article's outlet and
 * date); none of them decides anything, they only point at a field.
 *
 * The chain is the list of hops *before* the article, origin first; the article itself is the implicit last step
 * (the reader shows "… → this article").
 */
import type { SourceKind, SpeakerKind } from "../domain/types";
import { namesContain, normaliseName, speakerIsSource, type SameAsLink } from "./names";

export type ChainCheckCode =
  | "origin-not-speaker"
  | "outlet-missing-from-chain"
  | "hop-dates-out-of-order"
  | "hop-after-article"
  | "anonymous-without-origin"
  | "chain-ends-elsewhere";

export interface ChainWarning {
  code: ChainCheckCode;
  /** Written for the fact-checker: what is wrong, and what to check. */
  message: string;
  /** The form field it is about: "speakerName", "attributionText", "chain", or "chain.<index>" / "chain.<index>.date". */
  field: string;
  /** The 0-based index of the hop it is about, when it is about one hop. */
  hop?: number;
}

export interface CheckedHop {
  source: { id?: string | null; name: string; kind: SourceKind; date: string | null };
}

export interface CheckedAnnotation {
  attributionText: string | null;
  speakerName: string | null;
  speakerKind?: SpeakerKind | null;
  /** Origin first; sort by `position` before calling. */
  chain: readonly CheckedHop[];
}

export interface ArticleFacts {
  outlet: string | null;
  /** Partial ISO date ("2025", "2025-06", "2025-06-27") or null when not recorded. */
  publishedDate: string | null;
}

export interface ChainCheckOptions {
  /** Reviewer-set "speaker X is source Y" links (see `names.ts`). */
  sameAs?: readonly SameAsLink[];
}

const KIND_WORDS: Record<SourceKind, string> = {
  government: "a government body",
  news_outlet: "a news outlet",
  wire_agency: "a news agency",
  person: "a person",
  organisation: "an organisation",
  ngo: "an NGO",
  document: "a document",
  social_post: "a social media post",
};

const quoted = (s: string) => `“${s}”`;

// ---------------------------------------------------------------------------------------------------------------
// (a) The origin is not the speaker

/** The speaker the article credits should be where the chain starts, unless a reviewer linked them as the same. */
export function checkOriginIsSpeaker(a: CheckedAnnotation, opts: ChainCheckOptions = {}): ChainWarning[] {
  const origin = a.chain[0];
  if (!a.speakerName || !origin) return [];
  if (speakerIsSource(a.speakerName, origin.source, opts.sameAs)) return [];
  return [
    {
      code: "origin-not-speaker",
      field: "chain.0",
      hop: 0,
      message:
        `The speaker is ${quoted(a.speakerName)}, but the chain starts at ${quoted(origin.source.name)} ` +
        `(${KIND_WORDS[origin.source.kind]}). Either the words come from someone other than the one credited ` +
        `(consider “misattributed”), or the chain is missing its first hop. If they are the same, link them as “same as”.`,
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// (b) The attribution names an outlet that is missing from the chain

/** News outlets and agencies often named in attributions; a name after an outlet cue is taken as an outlet too. */
const KNOWN_OUTLETS = [
  "AFP", "Agence France-Presse", "AP", "Associated Press", "Reuters", "Interfax", "TASS", "RIA Novosti", "Ukrinform",
  "BBC", "CNN", "LRT", "ERR", "LSM", "Delfi", "Postimees", "Xinhua", "Al Jazeera", "Bloomberg", "Politico",
  "The Telegraph", "The Guardian", "The Times", "Financial Times", "The New York Times", "The Washington Post",
  "The Wall Street Journal", "Der Spiegel", "Le Monde", "Deutsche Welle", "DW", "Euronews", "RFE/RL",
  "Radio Free Europe", "Sky News", "Kommersant", "Izvestia", "RT", "Sputnik", "IANS", "PAP", "ANSA", "EFE", "dpa",
];

/**
 * A capitalised name: words starting with a capital or digit, joined by spaces, "-", "/", "&", "of"; a list
 * ("Reuters and AFP", "Reuters, AFP") is captured whole and split afterwards.
 */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}\p{N}.'’-]*|\d[\p{L}\p{N}]*)`;
const NAME = String.raw`(?:[Tt]he\s+)?${NAME_WORD}(?:(?:\s+|\s*[/&-]\s*|\s+(?:of|de|du)\s+|,?\s+and\s+(?:the\s+)?|,\s+(?:the\s+)?)${NAME_WORD})*`;

/** Wordings that put an outlet in the attribution: "told LRT", "according to Interfax", "reports by Interfax". */
const OUTLET_CUES: { re: RegExp; outletOnly: boolean }[] = [
  { re: new RegExp(String.raw`\b(?:told|telling|speaking to|in an interview with|interviewed by|quoted by|cited by|reported by|reports? (?:by|from|in)|news|newspaper|broadcaster|agency|outlet|channel|radio|television|magazine|daily|tabloid|website)\s+(${NAME})`, "gu"), outletOnly: true },
  { re: new RegExp(String.raw`\b(?:according to|citing|via|per)\s+(${NAME})`, "gu"), outletOnly: false },
  { re: new RegExp(String.raw`(${NAME})\s+(?:reported|reports|wrote|writes|cited|quoted|published)\b`, "gu"), outletOnly: false },
];

/** Outlets the attribution text names, as written ("LRT", "Interfax", "The Telegraph"). */
export function outletsNamedIn(attributionText: string): string[] {
  const found: string[] = [];
  for (const { re, outletOnly } of OUTLET_CUES) {
    for (const m of attributionText.matchAll(re)) {
      for (const part of m[1].split(/,?\s+and\s+|,\s+/)) {
        const name = part.replace(/[.'’-]+$/, "").trim();
        const known = KNOWN_OUTLETS.some((o) => normaliseName(o) === normaliseName(name) || namesContain(name, o));
        if (!known && !outletOnly) continue;
        // "told Lithuanian broadcaster LRT": a lone demonym is a description, not the outlet.
        if (!known && /^\p{Lu}\p{Ll}+(?:ian|ean|ese|ish|ic)$/u.test(name)) continue;
        if (/^(?:the\s+)?(?:article|report|reports|statement|newspaper|ministry|government)$/i.test(name)) continue;
        if (!found.some((f) => normaliseName(f) === normaliseName(name))) found.push(name);
      }
    }
  }
  return found;
}

export function checkAttributedOutletsInChain(a: CheckedAnnotation, opts: ChainCheckOptions = {}): ChainWarning[] {
  if (!a.attributionText) return [];
  const warnings: ChainWarning[] = [];
  for (const outlet of outletsNamedIn(a.attributionText)) {
    const inChain = a.chain.some(
      (h) =>
        namesContain(h.source.name, outlet) ||
        namesContain(outlet, h.source.name) ||
        speakerIsSource(outlet, h.source, opts.sameAs),
    );
    if (inChain) continue;
    warnings.push({
      code: "outlet-missing-from-chain",
      field: "chain",
      message:
        `The attribution names ${quoted(outlet)} (${quoted(a.attributionText)}), but ${quoted(outlet)} is not in the chain. ` +
        `Add it as the hop the article took the words from, or note why it is left out.`,
    });
  }
  return warnings;
}

// ---------------------------------------------------------------------------------------------------------------
// (c) Hop dates out of order, or after the article's date

/** The first and last day a partial ISO date can mean, as "YYYY-MM-DD" strings (which compare in date order). */
export function dateBounds(date: string): { first: string; last: string } | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return null;
  const [, y, mo, d] = m;
  if (d) return { first: date, last: date };
  if (mo) {
    const days = new Date(Date.UTC(Number(y), Number(mo), 0)).getUTCDate();
    return { first: `${y}-${mo}-01`, last: `${y}-${mo}-${String(days).padStart(2, "0")}` };
  }
  return { first: `${y}-01-01`, last: `${y}-12-31` };
}

/** True only when `later` is certainly before `earlier` (partial dates overlap rather than conflict). */
function certainlyBefore(later: string, earlier: string): boolean {
  const l = dateBounds(later);
  const e = dateBounds(earlier);
  return l !== null && e !== null && l.last < e.first;
}

export function checkHopDates(a: CheckedAnnotation, article: ArticleFacts): ChainWarning[] {
  const warnings: ChainWarning[] = [];
  let previous: { index: number; date: string; name: string } | null = null;
  a.chain.forEach((hop, index) => {
    const date = hop.source.date;
    if (!date) return;
    if (previous && certainlyBefore(date, previous.date)) {
      warnings.push({
        code: "hop-dates-out-of-order",
        field: `chain.${index}.date`,
        hop: index,
        message:
          `${quoted(hop.source.name)} is dated ${date}, before ${quoted(previous.name)} (${previous.date}), ` +
          `which comes earlier in the chain. A source cannot relay words before they were said: check the dates or the order of the hops.`,
      });
    }
    if (article.publishedDate && certainlyBefore(article.publishedDate, date)) {
      warnings.push({
        code: "hop-after-article",
        field: `chain.${index}.date`,
        hop: index,
        message:
          `${quoted(hop.source.name)} is dated ${date}, after the article itself (${article.publishedDate}). ` +
          `The article cannot have taken the words from it: check the date, or whether this is evidence rather than a hop.`,
      });
    }
    previous = { index, date, name: hop.source.name };
  });
  return warnings;
}

// ---------------------------------------------------------------------------------------------------------------
// (d) An anonymous attribution without an origin

const ANONYMOUS_PATTERNS: RegExp[] = [
  /\b(?:reportedly|allegedly|purportedly|unnamed|anonymous|unidentified)\b/i,
  /\b(?:a|an|one|some|several|two|three|many|other|certain)\s+(?:[\p{L}-]+\s+){0,3}(?:analysts?|experts?|sources?|officials?|observers?|insiders?|diplomats?|commentators?|critics?|witnesses?|people|insider|person)\b/iu,
  /\b(?:sources|officials|analysts|experts|diplomats|observers|insiders|people familiar with|those familiar with|it is (?:said|claimed|reported|believed)|it was (?:said|claimed|reported))\b/i,
];

/**
 * True when the wording credits someone the article does not name ("one analyst", "a source", "reportedly",
 * "US officials"). When the speaker's name is in the wording ("Gennady Podlesny, a Russian political commentator"),
 * the description is an apposition, not anonymity.
 */
export function isAnonymousAttribution(text: string | null, speakerName: string | null = null): boolean {
  if (text === null || !ANONYMOUS_PATTERNS.some((re) => re.test(text))) return false;
  return !(speakerName && !/^(?:unnamed|anonymous|unidentified)\b/i.test(speakerName) && namesContain(text, speakerName));
}

/** Kinds of source that can be the origin of an anonymous claim: someone, or a body, that says things. */
const SPEAKING_KINDS: ReadonlySet<SourceKind> = new Set(["person", "organisation", "government", "ngo"]);

export function checkAnonymousHasOrigin(a: CheckedAnnotation): ChainWarning[] {
  const wording = a.attributionText ?? "";
  if (!isAnonymousAttribution(wording, a.speakerName) && !/^(?:unnamed|anonymous|unidentified)\b/i.test(a.speakerName ?? "")) return [];
  const origin = a.chain[0];
  if (!origin) {
    return [
      {
        code: "anonymous-without-origin",
        field: "chain",
        message:
          `The attribution is anonymous (${quoted(wording || (a.speakerName ?? ""))}) and the chain is empty, ` +
          `so nothing shows where the words first appeared. Add the earliest source you found, or say in the rationale that none was found.`,
      },
    ];
  }
  if (SPEAKING_KINDS.has(origin.source.kind)) return [];
  return [
    {
      code: "anonymous-without-origin",
      field: "chain.0",
      hop: 0,
      message:
        `The attribution is anonymous (${quoted(wording || (a.speakerName ?? ""))}) and the chain starts at ` +
        `${quoted(origin.source.name)}, ${KIND_WORDS[origin.source.kind]}, not at a person or organisation. ` +
        `Nothing shows the unnamed speaker exists: check whether ${quoted(origin.source.name)} wrote the words itself.`,
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// (e) The chain ends at an outlet other than the article's

const OUTLET_KINDS: ReadonlySet<SourceKind> = new Set(["news_outlet", "wire_agency"]);

/**
 * When the article's outlet is known:
 * - the article's own outlet, if it is in the chain at all, must be the last hop (nothing relays to the article
 *   after its own outlet);
 * - a last hop that is another outlet must be one the article credits (named in the attribution, or the speaker
 *   itself, as in "…, the article noted" after naming The Telegraph): otherwise the
 *   chain says the article took the words from an outlet it never mentions, which usually means a copied chain or
 *   a missing hop.
 */
export function checkChainEndsAtArticleOutlet(a: CheckedAnnotation, article: ArticleFacts, opts: ChainCheckOptions = {}): ChainWarning[] {
  const outlet = article.outlet;
  const last = a.chain.length - 1;
  if (!outlet || last < 0) return [];
  const isOwnOutlet = (name: string) => normaliseName(name) === normaliseName(outlet);
  const ownIndex = a.chain.findIndex((h) => isOwnOutlet(h.source.name));
  if (ownIndex !== -1 && ownIndex < last) {
    return [
      {
        code: "chain-ends-elsewhere",
        field: `chain.${last}`,
        hop: last,
        message:
          `The chain reaches ${quoted(outlet)}, this article's outlet, at hop ${ownIndex + 1} and then continues to ` +
          `${quoted(a.chain[last].source.name)}. The article's own outlet must come last: check the order of the hops.`,
      },
    ];
  }
  const end = a.chain[last].source;
  if (ownIndex === last || !OUTLET_KINDS.has(end.kind)) return [];
  const credited =
    (a.speakerName !== null && speakerIsSource(a.speakerName, end, opts.sameAs)) ||
    (a.attributionText !== null &&
      (namesContain(a.attributionText, end.name) || outletsNamedIn(a.attributionText).some((o) => namesContain(end.name, o))));
  if (credited) return [];
  return [
    {
      code: "chain-ends-elsewhere",
      field: `chain.${last}`,
      hop: last,
      message:
        `The chain ends at ${quoted(end.name)}, but this article is from ${quoted(outlet)} and its attribution does not ` +
        `mention ${quoted(end.name)}. Check how ${quoted(outlet)} got the words: add the missing hop, or remove a hop copied from another article.`,
    },
  ];
}

// ---------------------------------------------------------------------------------------------------------------

/** Every check, in the order a fact-checker reads the form: speaker, attribution, dates, chain end. */
export function runChainChecks(a: CheckedAnnotation, article: ArticleFacts, opts: ChainCheckOptions = {}): ChainWarning[] {
  return [
    ...checkOriginIsSpeaker(a, opts),
    ...checkAttributedOutletsInChain(a, opts),
    ...checkAnonymousHasOrigin(a),
    ...checkHopDates(a, article),
    ...checkChainEndsAtArticleOutlet(a, article, opts),
  ];
}
