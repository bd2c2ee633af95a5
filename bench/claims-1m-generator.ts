/**
 * The seeded generator of bench/claims-1m.ts: news quotes of about 100–200 characters built from templates
 * (speakers, places, numbers, topics, verbs), each template with a second wording, so that any quote can be
 * "paraphrased" (same claim, other words) for the "checked before?" look-ups. Speakers, places and sources are drawn
 * with Zipf-like weights: a few are everywhere, most are rare — which gives the query mix both common and rare terms.
 *
 * Everything derives from GENERATOR_SEED: the same version of this file always yields the same data set. Bump
 * GENERATOR_VERSION when the output changes, so that the benchmark reloads its database.
 */
import { Random } from "../lib/anchoring/testing/news-text";

export const GENERATOR_VERSION = 1;
export const GENERATOR_SEED = 20261206;

const FIRST = [
  "Anna", "Jonas", "Marta", "Tomas", "Ilze", "Peter", "Sofia", "Lukas", "Elena", "Mikael", "Laura", "Andris", "Katrin", "Oskar", "Rasa",
  "Henrik", "Agnes", "Viktor", "Leena", "Paulius", "Greta", "Martin", "Ieva", "Karl", "Liis", "Mantas", "Helga", "Janis", "Eva", "Rolands",
  "Birgit", "Aleksander", "Kristina", "Dovydas", "Maris", "Ursula", "Fredrik", "Inga", "Stefan", "Nora",
];
const LAST = [
  "Vogel", "Petraitis", "Berzins", "Kalnina", "Tamm", "Kask", "Ozols", "Jankauskas", "Lindqvist", "Novak", "Brandt", "Saar", "Liepa",
  "Kazlauskas", "Virtanen", "Holm", "Rebane", "Urbonas", "Strand", "Krumins", "Mets", "Balode", "Zukauskas", "Nieminen", "Koch",
  "Sepp", "Dambis", "Paulauskas", "Berg", "Lepik", "Sproge", "Stankevicius", "Aalto", "Weber", "Pihl", "Vitols", "Grigas", "Ek",
  "Raudsepp", "Lusis", "Baranauskas", "Korhonen", "Falk", "Ilves", "Zarins", "Mazeika", "Lund", "Kuusk", "Apinis", "Sabonis",
  "Nyberg", "Org", "Rozitis", "Vaitkus", "Salo", "Keller", "Kivi", "Pumpurs", "Butkus", "Wahl", "Laur", "Eglitis", "Rimkus",
  "Sandberg", "Vaher", "Kalnins", "Adomaitis", "Heikkinen", "Frank", "Raud", "Purins", "Jurgaitis", "Dahl", "Kuus", "Lacis",
  "Bielskis", "Laine", "Roos", "Muiznieks", "Valiukas",
];
const ROLES = ["Minister", "Senator", "Mayor", "Professor", "Governor", "Director", "Commissioner", "Deputy", "Councillor", "Ambassador"];
const SYLLABLES = ["var", "kes", "lin", "dor", "ma", "ru", "sel", "tam", "vik", "ho", "bra", "lo", "nes", "ka", "tuu", "pil", "gor", "en", "sa", "mo", "ri", "dal", "vi", "ko"];
const PLACE_ENDINGS = ["holm", "by", "pils", "ava", "ene", "berg", "vik", "iai", "stad", "ala"];
const TOPICS = [
  ["unemployment", "jobless rate"], ["inflation", "price growth"], ["crime", "recorded offences"], ["hospital waiting lists", "waiting times for surgery"],
  ["school funding", "money for schools"], ["energy prices", "electricity bills"], ["housing costs", "rents"], ["defence spending", "military budget"],
  ["child poverty", "poverty among children"], ["road deaths", "traffic fatalities"], ["migration", "net immigration"], ["tax revenue", "tax receipts"],
  ["public debt", "government borrowing"], ["wind power", "wind generation"], ["grain exports", "wheat shipments"], ["teacher salaries", "pay for teachers"],
  ["pension spending", "the cost of pensions"], ["broadband coverage", "internet access"], ["birth rates", "the number of births"], ["carbon emissions", "greenhouse gas output"],
  ["rail ridership", "train passenger numbers"], ["tourism", "visitor numbers"], ["minimum wage", "the lowest legal wage"], ["vaccination rates", "vaccine uptake"],
  ["forest cover", "woodland area"], ["youth unemployment", "joblessness among young people"], ["bank lending", "credit to households"], ["fuel duty", "petrol tax"],
  ["police numbers", "officer headcount"], ["water quality", "pollution in rivers"], ["cyber attacks", "hacking incidents"], ["farm subsidies", "payments to farmers"],
  ["startup investment", "venture funding"], ["prison population", "number of inmates"], ["ferry prices", "ticket prices on ferries"], ["student loans", "student debt"],
] as const;
const RISE = [["rose", "increased"], ["climbed", "went up"], ["doubled", "grew twofold"], ["jumped", "surged"]] as const;
const FALL = [["fell", "dropped"], ["declined", "went down"], ["halved", "shrank by half"], ["plunged", "collapsed"]] as const;
const UNITS = [["per cent", "percent"], ["million euros", "million EUR"], ["thousand people", "thousand residents"], ["cases", "recorded cases"]] as const;
const SAY = ["said", "claimed", "told reporters", "insisted", "stated", "argued", "wrote", "announced"];
const WHEN = ["last year", "in the past decade", "since the election", "over five years", "in the first quarter", "this year", "since the pandemic", "in two years"];

/** Zipf-like weights over n items (exponent s): item k drawn with probability ∝ 1 / (k + 1)^s. */
export class Zipf {
  private readonly cumulative: Float64Array;
  constructor(n: number, s: number) {
    this.cumulative = new Float64Array(n);
    let sum = 0;
    for (let k = 0; k < n; k++) this.cumulative[k] = sum += 1 / (k + 1) ** s;
    for (let k = 0; k < n; k++) this.cumulative[k] /= sum;
  }
  draw(random: Random): number {
    const u = random.next();
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

const capital = (w: string) => w[0].toUpperCase() + w.slice(1);

/** Made-up place names ("Varholm", "Kesdorpils"): 1,500 of them, so that the rare ones are rare words. */
function places(random: Random, n: number): string[] {
  const out = new Set<string>();
  while (out.size < n) out.add(capital(random.pick(SYLLABLES) + random.pick(SYLLABLES) + random.pick(PLACE_ENDINGS)));
  return [...out];
}

export interface GeneratedSource {
  id: string;
  name: string;
  kind: "government" | "news_outlet" | "wire_agency";
  url: string;
  date: string;
}

/** A few thousand sources: ministries, newspapers and wire agencies with made-up names. */
function sources(random: Random, placeNames: string[], n: number): GeneratedSource[] {
  const out: GeneratedSource[] = [];
  const names = new Set<string>();
  const forms: [GeneratedSource["kind"], (p: string, l: string) => string][] = [
    ["news_outlet", (p) => `The ${p} Herald`],
    ["news_outlet", (p) => `${p} Daily News`],
    ["news_outlet", (p) => `${p} Radio`],
    ["wire_agency", (p, l) => `${l} Press Agency`],
    ["government", (p) => `Ministry of Finance of ${p}`],
    ["government", (p) => `${p} Statistics Office`],
    ["government", (p) => `${p} City Council`],
  ];
  while (out.length < n) {
    const [kind, form] = random.pick(forms);
    const name = form(random.pick(placeNames), random.pick(LAST));
    if (names.has(name)) continue;
    names.add(name);
    const i = out.length;
    out.push({ id: `bsrc${i}`, name, kind, url: `https://source-${i}.example/`, date: `20${String(18 + (i % 8)).padStart(2, "0")}-${String(1 + (i % 12)).padStart(2, "0")}-15` });
  }
  return out;
}

export interface GeneratedQuote {
  quote: string;
  /** The same claim in other words (the template's second wording, synonyms swapped). */
  paraphrase: string;
  speaker: string | null;
  speakerKind: "person" | "organisation" | null;
  /** Source indexes, origin first. */
  chain: number[];
}

export interface Universe {
  speakers: string[];
  places: string[];
  sources: GeneratedSource[];
}

export function universe(): Universe {
  const random = new Random(GENERATOR_SEED);
  const speakers: string[] = [];
  const seen = new Set<string>();
  while (speakers.length < 3000) {
    const name = `${random.pick(FIRST)} ${random.pick(LAST)}`;
    if (seen.has(name)) continue;
    seen.add(name);
    speakers.push(name);
  }
  const placeNames = places(random, 1500);
  return { speakers, places: placeNames, sources: sources(random, placeNames, 3000) };
}

/**
 * Quote n of the data set (independent of the others: its own seeded stream), so that the loader and the query mix
 * can ask for any quote without generating the ones before it.
 */
export class QuoteGenerator {
  private readonly speakerZipf = new Zipf(3000, 1.05);
  private readonly placeZipf = new Zipf(1500, 1.1);
  private readonly sourceZipf = new Zipf(3000, 0.75);
  constructor(readonly world: Universe) {}

  quote(n: number): GeneratedQuote {
    const r = new Random((GENERATOR_SEED ^ Math.imul(n + 1, 0x9e3779b1)) >>> 0);
    const { speakers, places: placeNames } = this.world;
    const person = speakers[this.speakerZipf.draw(r)];
    const role = r.pick(ROLES);
    const place = placeNames[this.placeZipf.draw(r)];
    const other = placeNames[this.placeZipf.draw(r)];
    const topic = r.pick(TOPICS);
    const up = r.chance(0.5);
    const verb = r.pick<readonly [string, string]>(up ? RISE : FALL);
    const unit = r.pick(UNITS);
    const when = r.pick(WHEN);
    const say = r.pick(SAY);
    const amount = r.chance(0.5) ? String(r.between(2, 99)) : `${r.between(1, 20)}.${r.between(1, 9)}`;
    const year = 1990 + r.int(34);
    const t = r.int(6);
    const alt = (pair: readonly [string, string], b: boolean) => pair[b ? 1 : 0];
    const render = (b: boolean): string => {
      const tp = alt(topic, b);
      const v = alt(verb, b);
      const u = alt(unit, b);
      switch (t) {
        case 0:
          return b
            ? `${capital(tp)} in ${place} ${v} by ${amount} ${u} ${when}, ${role} ${person} ${say}, adding it was the ${up ? "highest" : "lowest"} figure since ${year}.`
            : `${role} ${person} ${say} that ${tp} in ${place} ${v} by ${amount} ${u} ${when}, the ${up ? "highest" : "lowest"} level since ${year}.`;
        case 1:
          return b
            ? `According to ${person}, ${place} now spends ${amount} ${u} more on ${tp} than ${other}, after ${tp} ${v} ${when}.`
            : `"${capital(place)} spends ${amount} ${u} more on ${tp} than ${other} does," ${person} ${say}, noting that ${tp} ${v} ${when}.`;
        case 2:
          return b
            ? `${person} ${say} there had been ${amount} ${u} of change in ${tp} in ${place} ${when}, which ${v} to a level not seen since ${year}.`
            : `${capital(tp)} ${v} by ${amount} ${u} in ${place} ${when}, ${person} ${say}, a level not seen since ${year}.`;
        case 3:
          return b
            ? `${place} has the ${up ? "worst" : "best"} record on ${tp} of any region, ${person} ${say}; the figure ${v} ${amount} ${u} ${when}.`
            : `${person} ${say} ${place} now has the ${up ? "worst" : "best"} record on ${tp} in the country after it ${v} ${amount} ${u} ${when}.`;
        case 4:
          return b
            ? `Since ${year}, ${tp} across ${place} and ${other} has ${v} by ${amount} ${u}, the ${role.toLowerCase()} ${person} ${say}.`
            : `${role} ${person} ${say} ${tp} in ${place} and ${other} ${v} by ${amount} ${u} ${when}, the biggest change since ${year}.`;
        default:
          return b
            ? `${person} ${say} the government's own figures show ${tp} ${v} by ${amount} ${u} in ${place} ${when}.`
            : `"Official figures show ${tp} ${v} by ${amount} ${u} in ${place} ${when}," ${role} ${person} ${say} at a briefing in ${other}.`;
      }
    };
    const hops = 1 + (r.chance(0.45) ? 1 : 0) + (r.chance(0.15) ? 1 : 0);
    const chain: number[] = [];
    while (chain.length < hops) {
      const s = this.sourceZipf.draw(r);
      if (!chain.includes(s)) chain.push(s);
    }
    const speakerShown = r.chance(0.85);
    return { quote: render(false), paraphrase: render(true), speaker: speakerShown ? person : null, speakerKind: speakerShown ? "person" : null, chain };
  }
}
