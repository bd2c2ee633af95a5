/**
 * The fact-checker's key for the demo's second article, `baltic-exit-takes-effect.txt`: a short, fictional follow-up
 * report (outlet and URL are made up; the facts and evidence are those of the first article's key) written so that
 * the demo has something to show "across articles". Two of its statements repeat claims of the first article in other
 * words and are linked to them as the same claim (SAME_CLAIMS); its chains reuse the first article's sources where
 * the same speaker is meant. Every statement of the article is annotated. Why each entry raises no chain flag is in
 * `expected-chain-flags.md`.
 */
import type { KeyEntry, KeySource } from "./baltic-key";

export const EXIT_ARTICLE_META = {
  outlet: "The Northern Ledger",
  byline: "Staff reporter",
  originalUrl: "https://northern-ledger.example/2025/12/28/baltic-landmine-ban-exit-takes-effect",
  publishedDate: "2025-12-28",
  language: "en",
} as const;

/** Sources only this article needs (the others are the first key's SOURCES, by key). */
export const EXIT_SOURCES: KeySource[] = [{ key: "latvian-mfa", name: "Ministry of Foreign Affairs of Latvia", kind: "government", url: null, date: null }];

const MINISTRIES_NAME = "Foreign ministries of Estonia, Latvia and Lithuania";
const ownVoice = { attributionText: null, speakerName: null, speakerKind: null, speakerRole: null, chain: [] };
const ev = (ref: string, stance: "supports" | "refutes" | "context") => ({ ref, stance, note: null });

export const EXIT_KEY_ENTRIES: KeyEntry[] = [
  {
    n: 1,
    quote: "\"Estonia, Latvia and Lithuania ceased to be parties to the Ottawa Convention on Saturday, six months after telling the United Nations that they were leaving the treaty that bans anti-personnel landmines.\"",
    claimType: "author-assertion",
    ...ownVoice,
    claimDate: "2025-12-27",
    status: "verified",
    rationale: "The withdrawals took effect on Saturday 27 December 2025, six months after the notifications of 27 June (Article 20).",
    evidence: [ev("E2", "supports"), ev("E5", "supports")],
  },
  {
    n: 2,
    quote: "\"The three governments sent their notifications to the UN Secretary-General on 27 June, the countries’ foreign ministries announced at the time.\"",
    claimType: "official-statement",
    attributionText: "the countries’ foreign ministries announced at the time",
    speakerName: MINISTRIES_NAME,
    speakerKind: "organisation",
    speakerRole: null,
    chain: ["foreign-ministries"],
    claimDate: "2025-06-27",
    status: "verified",
    rationale: "The ministers announced the notifications on 27 June 2025; the same claim as the first article's Interfax report.",
    evidence: [ev("E1", "supports")],
  },
  {
    n: 3,
    quote: "\"A withdrawal becomes effective six months after the depositary receives it, a rule the Latvian government pointed to when the decision was announced.\"",
    claimType: "official-statement",
    attributionText: "a rule the Latvian government pointed to",
    speakerName: "Government of Latvia",
    speakerKind: "organisation",
    speakerRole: null,
    chain: ["latvian-government"],
    claimDate: "2025-06-27",
    status: "verified",
    rationale: "Article 20 of the convention: a withdrawal takes effect six months after the Depositary receives the instrument.",
    evidence: [ev("E5", "supports"), ev("E2", "supports")],
  },
  {
    n: 4,
    quote: "\"Latvia’s foreign ministry said in June that leaving the treaty would give the country ‘flexibility’ to strengthen deterrence on its eastern border.\"",
    claimType: "official-statement",
    attributionText: "Latvia’s foreign ministry said in June",
    speakerName: "Ministry of Foreign Affairs of Latvia",
    speakerKind: "organisation",
    speakerRole: null,
    chain: ["latvian-mfa"],
    claimDate: "2025-06",
    status: "verified",
    rationale: "The Latvian foreign ministry spoke of \"flexibility to strengthen deterrence\" when the notification was sent.",
    evidence: [ev("E1", "supports")],
  },
  {
    n: 5,
    quote: "\"The Telegraph reported on 24 June that Finland, Poland and the three Baltic states were preparing to lay mines along their borders with Russia.\"",
    claimType: "news-report",
    attributionText: "The Telegraph reported on 24 June",
    speakerName: "The Telegraph",
    speakerKind: "organisation",
    speakerRole: null,
    chain: ["telegraph-2025-06-24"],
    claimDate: "2025-06-24",
    status: "verified",
    rationale: "The Telegraph's piece of 24 June 2025 described a mined \"iron curtain\" from Lapland to eastern Poland, as its relays quote.",
    evidence: [ev("E6", "supports"), ev("E7", "context")],
  },
  {
    n: 6,
    quote: "\"Lithuania, which signed the convention in 1999, ratified it in 2003, while Estonia and Latvia never signed it and acceded in 2004 and 2005, after it had entered into force.\"",
    claimType: "author-assertion",
    ...ownVoice,
    claimDate: null,
    status: "verified",
    rationale: "Lithuania signed in 1999 and ratified in 2003; Estonia (2004) and Latvia (2005) acceded after the 1999 entry into force. This corrects the first article's claim that all three signed in 1999.",
    evidence: [ev("E2", "supports"), ev("E3", "supports"), ev("E4", "supports")],
  },
];

/** Statements of this article that make the same claim as one of the first article's key entries: [this n, first n]. */
export const SAME_CLAIMS: [number, number][] = [
  [2, 2],
  [3, 3],
];
