/**
 * Deterministic generator of English-ish news text, for the re-anchoring benchmark and property tests.
 *
 * Sentences follow a few newsroom patterns (attributed statements, figures, background), built from small
 * vocabularies, so they look alike the way real coverage does: the same ministries, verbs and numbers recur, and now
 * and then a sentence restates an earlier one with a single detail changed. Those look-alikes are what a careless
 * re-anchorer attaches a deleted quote to.
 */

/** A seeded pseudo-random source (mulberry32): the same seed gives the same sequence on every machine. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [lo, hi]. */
  between(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

const SPEAKERS = [
  "The foreign ministry", "The defence ministry", "Prime Minister Kallas", "President Nausėda", "A government spokesperson",
  "The interior minister", "Opposition leader Marta Vogel", "NATO's deputy secretary general", "The finance minister",
  "An unnamed senior official", "The border guard service", "Analyst Tomas Berzins", "The central bank",
  "Mayor Ilze Kalnina", "The European Commission", "Researchers at the Baltic Institute", "The health ministry",
  "Union leader Jonas Petraitis", "A military spokesman", "The election commission",
];
const SAY = ["said", "told reporters", "announced", "confirmed", "claimed", "warned", "stated", "insisted", "argued", "noted"];
const WHEN = ["on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday", "last week", "late on Sunday", "this morning", "in a statement", "at a press conference"];
const ACTORS = ["the government", "the coalition", "parliament", "the agency", "the army", "the ministry", "the alliance", "the city council", "regulators", "the committee"];
const ACTIONS = [
  "would increase spending on", "had no plans to cut", "was reviewing its policy on", "would publish a report on",
  "had doubled its investment in", "would not comment on", "expected further delays to", "had approved new rules for",
  "was preparing legislation on", "had underestimated the cost of", "would seek talks about", "had suspended work on",
];
const TOPICS = [
  "border security", "the new rail link", "energy imports", "public hospitals", "air defence", "teacher salaries",
  "the fishing quota", "mine clearance", "housing subsidies", "cyber defence", "the port expansion", "grain exports",
  "civil protection", "the pension reform", "road maintenance", "refugee reception", "military conscription",
];
const UNITS = ["million euros", "per cent", "kilometres", "soldiers", "households", "tonnes", "jobs", "schools"];
const PLACES = ["Vilnius", "Riga", "Tallinn", "Narva", "Daugavpils", "Kaunas", "Tartu", "Klaipėda", "Brussels", "Warsaw"];
const REASONS = [
  "citing security concerns", "after months of negotiation", "despite objections from the opposition",
  "following a critical audit", "amid rising costs", "as part of a wider reform", "under pressure from allies",
  "to meet its treaty obligations", "after a public consultation", "in response to recent incidents",
];
const BACKGROUND = [
  "The decision follows a similar move by neighbouring countries earlier this year",
  "Critics say the plan lacks detail and a clear timetable",
  "Officials did not say when the measures would take effect",
  "The issue has divided the governing coalition for months",
  "Independent experts have questioned the official figures",
  "The proposal still needs the approval of parliament",
];

export interface GeneratedSentence {
  start: number;
  /** End of the sentence's text (exclusive), before the space or paragraph break after it. */
  end: number;
  /** The checkable claim inside the sentence (the part after "said that"), when it has one. */
  claim: { start: number; end: number } | null;
}

export interface GeneratedText {
  text: string;
  sentences: GeneratedSentence[];
}

interface SentenceParts {
  lead: string;
  claim: string | null;
  tail: string;
}

function number(random: Random): string {
  return random.chance(0.3) ? `${random.between(1, 99)}.${random.int(10)}` : String(random.between(2, 2500));
}

function freshSentence(random: Random): SentenceParts {
  switch (random.int(6)) {
    case 0:
    case 1: {
      const claim = `${random.pick(ACTORS)} ${random.pick(ACTIONS)} ${random.pick(TOPICS)}, ${random.pick(REASONS)}`;
      return { lead: `${random.pick(SPEAKERS)} ${random.pick(SAY)} ${random.pick(WHEN)} that `, claim, tail: "." };
    }
    case 2: {
      const claim = `spending on ${random.pick(TOPICS)} had risen by ${number(random)} ${random.pick(UNITS)} since ${random.between(2004, 2024)}`;
      return { lead: `According to ${random.pick(SPEAKERS).replace(/^The /, "the ")}, `, claim, tail: "." };
    }
    case 3: {
      const claim = `about ${number(random)} ${random.pick(UNITS)} were affected in ${random.pick(PLACES)}`;
      return { lead: `Figures released ${random.pick(WHEN)} show that `, claim, tail: `, ${random.pick(REASONS)}.` };
    }
    case 4: {
      const claim = `“${capitalise(random.pick(ACTORS))} ${random.pick(ACTIONS)} ${random.pick(TOPICS)} in ${random.pick(PLACES)}”`;
      return { lead: `${random.pick(SPEAKERS)} ${random.pick(SAY)}: `, claim, tail: "." };
    }
    default:
      return { lead: `${random.pick(BACKGROUND)}, ${random.pick(REASONS).replace(/^citing/, "noting")} in ${random.pick(PLACES)}.`, claim: null, tail: "" };
  }
}

/** The same sentence with one detail swapped: what a look-alike restatement in real coverage is like. */
function restate(random: Random, parts: SentenceParts): SentenceParts {
  if (!parts.claim) return freshSentence(random);
  const swaps: Array<[readonly string[], (s: string) => boolean]> = [
    [WHEN, (s) => parts.lead.includes(s)],
    [SAY, (s) => parts.lead.includes(` ${s} `)],
    [REASONS, (s) => parts.claim!.includes(s) || parts.tail.includes(s)],
    [PLACES, (s) => parts.claim!.includes(s)],
  ];
  for (let attempt = 0; attempt < 4; attempt++) {
    const [pool, present] = random.pick(swaps);
    const old = pool.find(present);
    if (!old) continue;
    const replacement = random.pick(pool.filter((s) => s !== old));
    const swap = (s: string) => s.replace(old, replacement);
    return { lead: swap(parts.lead), claim: swap(parts.claim), tail: swap(parts.tail) };
  }
  return freshSentence(random);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function countWords(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** About `targetWords` words in paragraphs of 3–6 sentences separated by blank lines. */
export function generateNewsText(random: Random, targetWords: number, opts: { restateShare?: number } = {}): GeneratedText {
  const restateShare = opts.restateShare ?? 0.15;
  const history: SentenceParts[] = [];
  const sentences: GeneratedSentence[] = [];
  let text = "";
  let words = 0;
  while (words < targetWords) {
    const inParagraph = random.between(3, 6);
    if (text) text += "\n\n";
    for (let i = 0; i < inParagraph && words < targetWords; i++) {
      if (i > 0) text += " ";
      const parts = history.length > 4 && random.chance(restateShare) ? restate(random, random.pick(history)) : freshSentence(random);
      history.push(parts);
      const start = text.length;
      const lead = capitalise(parts.lead);
      const claim = parts.claim === null ? null : { start: start + lead.length, end: start + lead.length + parts.claim.length };
      text += lead + (parts.claim ?? "") + parts.tail;
      sentences.push({ start, end: text.length, claim });
      words += countWords(text.slice(start));
    }
  }
  return { text, sentences };
}

/** A fresh sentence, for inserting into a text. */
export function generateSentence(random: Random): string {
  const parts = freshSentence(random);
  return capitalise(parts.lead) + (parts.claim ?? "") + parts.tail;
}
