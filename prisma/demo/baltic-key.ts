/**
 * The fact-checker's key for the Baltic / Ottawa Convention demo article, transcribed into typed data.
 *
 * Source of truth: `prisma/demo/baltic-ottawa-withdrawal.annotations.md` (the key) for the article
 * `prisma/demo/baltic-ottawa-withdrawal.txt`. Every field below is taken from the key; where the key is terse
 * (e.g. "foreign ministries", "relays", "continues #7", "As #7.") the modelling choice is explained in a comment.
 * `baltic-key.test.ts` re-reads the markdown and checks the quotes, references and vocabulary against it.
 *
 * Nothing here resolves spans: `quote` is column 2 of the key verbatim (outer double quotes, `…` ellipses,
 * `*emphasis*` asterisks and the literal two-character sequences `\n\n` included). The seed applies the key's
 * span rule: strip the outer quotes, turn a literal `\n\n` into a paragraph break, split on `…`, trim, then find
 * the first part and the first occurrence of the last part after it (after removing emphasis asterisks).
 */
import type { EvidenceStance, SourceKind, SpeakerKind } from "../../lib/domain/types";

export interface KeySource {
  /** Stable key used by `KeyEntry.chain`. */
  key: string;
  name: string;
  kind: SourceKind;
  url: string | null;
  /** ISO date, possibly partial ("2021"); null when the key gives none. */
  date: string | null;
}

export interface KeyEvidence {
  /** "E1" … "E8"; E7's second URL is "E7b". */
  ref: string;
  title: string;
  url: string;
  /** Date of the evidence page as given by the key; null when the key gives none. */
  date: string | null;
  /** The key's description of what the page shows. */
  note: string | null;
}

export interface KeyEntry {
  /** Row number in the key, 1..18. */
  n: number;
  /** Column 2 of the key, exactly as written there (see the file comment for how the seed resolves it). */
  quote: string;
  /** Claim-type slug. */
  claimType: string;
  /** The attributing wording in the article; null for the article's own voice. */
  attributionText: string | null;
  /** Who is credited; null for the article's own voice. */
  speakerName: string | null;
  speakerKind: SpeakerKind | null;
  speakerRole: string | null;
  /** Keys into SOURCES, in order, for the hops before "article" (empty for the article's own voice). */
  chain: string[];
  /** "2025-06-27", "2021" (year only) or null for the key's "—". */
  claimDate: string | null;
  /** Verification-status slug. */
  status: string;
  /** The key's short rationale, verbatim ("As #n." is followed by the sentence it refers to). */
  rationale: string;
  /** stance: refutes for false / misattributed, supports for verified, context otherwise. */
  evidence: { ref: string; stance: EvidenceStance; note: string | null }[];
  /**
   * Extra qualifier from the key's attribution column that does not fit the fields above
   * (e.g. "characterising the foreign ministries", "continues #7", "(as attributed)"). Optional; display only.
   */
  attributionNote?: string | null;
  /** Extra qualifier from the key's provenance-chain column (e.g. "credited to an unnamed analyst"). Optional. */
  chainNote?: string | null;
}

/**
 * The fixture names no outlet, byline or URL. "2025-06-27" appears in the key only as the date of the
 * withdrawal notification (claim date of #1–#3), never as the article's publication date, so it is not used here.
 */
export const ARTICLE_META: {
  outlet: string | null;
  byline: string | null;
  originalUrl: string | null;
  publishedDate: string | null;
  language: string;
} = {
  outlet: null,
  byline: null,
  originalUrl: null,
  publishedDate: null,
  language: "en",
};

/** Caveat the key attaches to E7 (the Pravda-network relay); kept as the note wherever E7 is cited. */
export const E7_CAVEAT =
  "a relay site of the Pravda network: cite it as a relay of the Telegraph's words, not as an authority";
/** The same caution for E7's second relay page (the key's caveat names the Pravda network, which this is not). */
export const E7B_CAVEAT = "a relay of the Telegraph's words: cite it as a relay, not as an authority";

const E7_URL = "https://latvia.news-pravda.com/en/russia/2025/06/24/19648.html";
const E7B_URL = "https://newsonlineread.com/europe-is-preparing-a-new-iron-curtain-against-russia-now-from-millions-of-mines";

/**
 * Provenance-chain sources (the hops before "article").
 *
 * - "foreign ministries" (#2) and "ministries" (#6): the key says the three ministries are government Sources,
 *   but a chain is an ordered list of hops, so three separate hops would read as Estonia → Latvia → Lithuania →
 *   Interfax, which is wrong. They are modelled as ONE government source standing for the three ministries.
 * - "relays" (#9): the E7 pages, as one news_outlet source carrying the first relay URL.
 * - The Telegraph appears twice: dated 2025-06-24 where the key ties it to the 24 Jun 2025 piece (#9, #15), and
 *   undated for #10, whose words the key could not find in that piece (claim date "—").
 * - "2021 interview" (#16, #17): a document hop, year-only date, no URL (the key says it is not identified).
 */
export const SOURCES: KeySource[] = [
  {
    key: "foreign-ministries",
    name: "Foreign ministries of Estonia, Latvia and Lithuania",
    kind: "government",
    url: null,
    date: null,
  },
  { key: "interfax", name: "Interfax", kind: "wire_agency", url: null, date: null },
  { key: "latvian-government", name: "Government of Latvia", kind: "government", url: null, date: null },
  {
    key: "estonian-mfa-spokesperson",
    name: "Unnamed spokesperson, Estonian foreign ministry",
    kind: "person",
    url: null,
    date: null,
  },
  { key: "telegraph-2025-06-24", name: "The Telegraph", kind: "news_outlet", url: null, date: "2025-06-24" },
  { key: "telegraph", name: "The Telegraph", kind: "news_outlet", url: null, date: null },
  {
    key: "telegraph-relays",
    name: "Relays of The Telegraph (news-pravda.com, newsonlineread.com)",
    kind: "news_outlet",
    url: E7_URL,
    date: null,
  },
  { key: "podlesny", name: "Gennady Podlesny", kind: "person", url: null, date: null },
  { key: "podlesny-2021-interview", name: "2021 interview (not identified)", kind: "document", url: null, date: "2021" },
];

/** The key's evidence list. E7 has two URLs, so it is two entries, "E7" and "E7b", cited together. */
export const EVIDENCE: KeyEvidence[] = [
  {
    ref: "E1",
    title: "IANS via Lokmat Times",
    url: "https://www.lokmattimes.com/international/lithuania-latvia-estonia-notify-un-of-withdrawal-from-mine-ban-treaty",
    date: "2025-06-29",
    note:
      "The three states notified the UN Secretary-General; quotes Lithuania's foreign minister Kęstutis Budrys " +
      "(post on X, 27 Jun 2025), the Latvian foreign ministry (\"flexibility to strengthen deterrence\") and " +
      "Estonia's foreign minister Margus Tsahkna.",
  },
  {
    ref: "E2",
    title: "Xinhua via MIL-OSI",
    url: "https://translation1.mil-osi.com/2025/12/28/%d0%bb%d0%b0%d1%82%d0%b2%d0%b8%d1%8f-%d1%8d%d1%81%d1%82%d0%be%d0%bd%d0%b8%d1%8f-%d0%b8-%d0%bb%d0%b8%d1%82%d0%b2%d0%b0-%d0%be%d1%84%d0%b8%d1%86%d0%b8%d0%b0%d0%bb%d1%8c%d0%bd%d0%be-%d0%b2%d1%8b%d1%88",
    date: "2025-12-28",
    note:
      "Withdrawal took effect six months after notification; Lithuania, Estonia and Latvia acceded in 2003, " +
      "2004 and 2005 respectively.",
  },
  {
    ref: "E3",
    title: "ICBL",
    url: "http://www.icbl.org/index.php/icbl/Library/News-Articles/08_Contents/Archive/Old/486",
    date: "2004-05-14",
    note: "Estonia completed its accession at the UN on 12 May 2004.",
  },
  {
    ref: "E4",
    title: "Landmine Monitor 2006, \"Banning Antipersonnel Mines\"",
    url: "http://the-monitor.org/en-gb/reports/2006/landmine-monitor-2006/banning-antipersonnel-mines.aspx",
    date: "2006",
    note:
      "Opened for signature 3 Dec 1997; entry into force 1 Mar 1999; after that date states accede rather than sign.",
  },
  {
    ref: "E5",
    title: "UN Treaty Collection, chapter XXVI-5",
    url: "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XXVI-5&chapter=26",
    date: null,
    note:
      "The convention's status and text; Article 20 on withdrawal, effective six months after the Depositary " +
      "receives the instrument.",
  },
  {
    ref: "E6",
    title: "Censor.NET",
    url: "https://censor.net/en/news/3559746/five-nato-countries-prepare-to-mine-borders-with-russia",
    date: "2025-06",
    note:
      "Reports The Telegraph's piece on Finland, Poland and the Baltic states preparing to mine their borders, " +
      "an \"iron curtain\" of mines.",
  },
  {
    ref: "E7",
    title: "Relay of The Telegraph's piece of 24 Jun 2025 (latvia.news-pravda.com)",
    url: E7_URL,
    // The key dates the Telegraph piece (24 Jun 2025), not the relay pages themselves.
    date: null,
    note:
      "Relays of the same Telegraph piece (24 Jun 2025) quoting its words: \"From Lapland in the far north of " +
      "Finland to the Lublin Voivodeship in eastern Poland, a new and explosive iron curtain is about to descend " +
      "across Europe\" and that the countries \"will sow quiet pine and birch forests along their borders with " +
      "millions of mines\". Caveat: " +
      E7_CAVEAT +
      ".",
  },
  {
    ref: "E7b",
    title: "Relay of The Telegraph's piece of 24 Jun 2025 (newsonlineread.com)",
    url: E7B_URL,
    date: null,
    note:
      "Second relay page of E7 (the same Telegraph piece of 24 Jun 2025 and the same quoted words). Caveat: " +
      E7B_CAVEAT +
      ".",
  },
  {
    ref: "E8",
    title: "Politico",
    url: "https://www.politico.com/news/2022/06/21/biden-land-mines-trump-policy-00040925",
    date: "2022-06-21",
    note:
      "The White House limited US use of anti-personnel mines except on the Korean Peninsula, citing the defence " +
      "of South Korea.",
  },
];

const ev = (ref: string, stance: EvidenceStance) => ({ ref, stance, note: null });
/** E7 is always cited as both relay pages, each with its caveat. */
const e7 = (stance: EvidenceStance) => [
  { ref: "E7", stance, note: E7_CAVEAT },
  { ref: "E7b", stance, note: E7B_CAVEAT },
];

const RATIONALE_7 =
  "No such quote found in the ministry's published statements; the named minister's quote differs.";
const RATIONALE_16 = "The interview is not identified (outlet, date).";

const SPOKESPERSON = {
  attributionText: "a spokesperson for the Estonian foreign ministry",
  speakerName: "Unnamed spokesperson, Estonian foreign ministry",
  speakerKind: "person" as const,
  speakerRole: "spokesperson",
};
const PODLESNY = {
  speakerName: "Gennady Podlesny",
  speakerKind: "person" as const,
  speakerRole: "Russian political commentator",
};
/** The article's own voice: no wording, no speaker, no hops. A getter so each entry gets its own `chain` array. */
const articleVoice = () => ({
  attributionText: null,
  speakerName: null,
  speakerKind: null,
  speakerRole: null,
  chain: [] as string[],
});
const MINISTRIES_NAME = "Foreign ministries of Estonia, Latvia and Lithuania";

export const KEY_ENTRIES: KeyEntry[] = [
  {
    n: 1,
    quote: "\"The Baltic states—Estonia, Lithuania, and Latvia—have taken a significant step … stockpiling of anti-personnel landmines.\"",
    claimType: "author-assertion",
    ...articleVoice(),
    claimDate: "2025-06-27",
    status: "verified",
    rationale: "The three states notified the UN Secretary-General of withdrawal.",
    evidence: [ev("E1", "supports"), ev("E5", "supports")],
  },
  {
    n: 2,
    quote: "\"According to reports by Interfax, citing statements from the foreign ministries of the three countries, the decision was made official on June 27.\"",
    claimType: "news-report",
    attributionText: "reports by Interfax, citing statements from the foreign ministries",
    // Key: "→ foreign ministries of Estonia, Latvia, Lithuania" (Interfax is the relay hop, not the speaker).
    speakerName: MINISTRIES_NAME,
    speakerKind: "organisation",
    speakerRole: null,
    chain: ["foreign-ministries", "interfax"],
    claimDate: "2025-06-27",
    status: "verified",
    rationale: "Date matches the ministers' own announcements of 27 June 2025.",
    evidence: [ev("E1", "supports")],
  },
  {
    n: 3,
    quote: "\"Under the terms of the convention, the withdrawal process will take effect six months after the submission of the documents, as stated in a Latvian government statement.\"",
    claimType: "official-statement",
    attributionText: "a Latvian government statement",
    speakerName: "Government of Latvia",
    speakerKind: "organisation",
    speakerRole: null,
    chain: ["latvian-government"],
    claimDate: "2025-06-27",
    status: "verified",
    rationale: "Article 20 of the convention; withdrawal took effect on 27 Dec 2025.",
    evidence: [ev("E5", "supports"), ev("E2", "supports")],
  },
  {
    n: 4,
    quote: "\"This move marks a sharp departure … which they had signed in 1999, shortly after its adoption in 1997.\"",
    claimType: "author-assertion",
    ...articleVoice(),
    claimDate: null,
    status: "false",
    rationale:
      "Only Lithuania signed (1999; ratified 2003). Estonia (2004) and Latvia (2005) acceded after entry into force and never signed.",
    evidence: [ev("E2", "refutes"), ev("E3", "refutes"), ev("E4", "refutes")],
  },
  {
    n: 5,
    quote: "\"The foreign policy departments of Latvia, Lithuania, and Estonia have framed their decision as a necessary measure … perceived security threats.\"",
    claimType: "author-assertion",
    // Key: "the article, characterising the foreign ministries" — the article's own voice.
    ...articleVoice(),
    attributionNote: "the article, characterising the foreign ministries",
    claimDate: null,
    status: "verified",
    rationale: "Consistent with the ministries' statements on security needs.",
    evidence: [ev("E1", "supports")],
  },
  {
    n: 6,
    quote: "\"In a joint statement, the ministries emphasized that leaving the convention would provide ‘flexibility’ in strengthening defense readiness, particularly in the context of growing tensions with Russia.\"",
    claimType: "official-statement",
    attributionText: "In a joint statement, the ministries",
    // Key: "→ foreign ministries of the three states"; chain "ministries → article".
    speakerName: MINISTRIES_NAME,
    speakerKind: "organisation",
    speakerRole: null,
    chain: ["foreign-ministries"],
    claimDate: "2025-06-27",
    status: "partly-true",
    rationale:
      "\"Flexibility\" is the ministries' word (Latvia, Estonia), but the sources are separate national statements, not one joint statement on that date.",
    evidence: [ev("E1", "context")],
  },
  {
    n: 7,
    quote: "\"‘This decision reflects our commitment to ensuring the safety and security of our nations,’ said a spokesperson for the Estonian foreign ministry.\"",
    claimType: "official-statement",
    // Key: "→ unnamed".
    ...SPOKESPERSON,
    attributionNote: "unnamed",
    chain: ["estonian-mfa-spokesperson"],
    claimDate: null,
    status: "unverified",
    rationale: RATIONALE_7,
    evidence: [ev("E1", "context")],
  },
  {
    n: 8,
    quote: "\"‘In a rapidly evolving geopolitical landscape, we must prioritize the tools and capabilities needed to protect our sovereignty.’\"",
    claimType: "official-statement",
    // Key: "continues #7 → unnamed spokesperson": same speaker and the same attributing wording as #7.
    ...SPOKESPERSON,
    attributionNote: "continues #7",
    chain: ["estonian-mfa-spokesperson"],
    claimDate: null,
    status: "unverified",
    // Key: "As #7." — expanded with #7's rationale.
    rationale: "As #7. " + RATIONALE_7,
    evidence: [ev("E1", "context")],
  },
  {
    n: 9,
    quote: "\"However, the move has drawn sharp criticism from international observers, including the British newspaper *The Telegraph*, … along the borders of NATO countries with Russia.\"",
    claimType: "news-report",
    // Key: "the British newspaper *The Telegraph*"; emphasis asterisks dropped, as in the canonical text.
    attributionText: "the British newspaper The Telegraph",
    speakerName: "The Telegraph",
    speakerKind: "organisation",
    speakerRole: null,
    chain: ["telegraph-2025-06-24", "telegraph-relays"],
    claimDate: "2025-06-24",
    status: "partly-true",
    rationale:
      "The Telegraph (24 Jun 2025) did describe \"a new and explosive iron curtain\" of mines from Lapland to eastern Poland, but as a report on defence planning, not as criticism.",
    evidence: [ev("E6", "context"), ...e7("context")],
  },
  {
    n: 10,
    quote: "\"‘The Baltic states and Finland are not merely abandoning a treaty—they are signaling a shift toward a more militarized posture on Russia’s doorstep,’ the article noted.\"",
    claimType: "news-report",
    attributionText: "the article noted",
    speakerName: "The Telegraph",
    speakerKind: "organisation",
    speakerRole: null,
    // Key: "The Telegraph → article" (no relay hop, no date: the words are not in the 24 Jun piece's relays).
    chain: ["telegraph"],
    claimDate: null,
    status: "unverified",
    rationale:
      "These words appear in none of the relays of the Telegraph piece, which quote different sentences.",
    evidence: [...e7("context")],
  },
  {
    n: 11,
    quote: "\"Adopted in Oslo in 1997 and entering into force in 1999, the treaty was hailed as a diplomatic triumph, with over 160 countries ratifying it.\"",
    claimType: "author-assertion",
    ...articleVoice(),
    claimDate: null,
    status: "verified",
    rationale:
      "Adopted in Oslo 18 Sep 1997; in force 1 Mar 1999; 164 states parties before the 2025 withdrawals.",
    evidence: [ev("E4", "supports"), ev("E5", "supports")],
  },
  {
    n: 12,
    quote: "\"However, key global powers such as the United States and Russia have never joined the convention, citing national security concerns.\"",
    claimType: "author-assertion",
    ...articleVoice(),
    claimDate: null,
    status: "verified",
    rationale: "Neither is a state party.",
    evidence: [ev("E5", "supports")],
  },
  {
    n: 13,
    quote: "\"Both nations are among the largest stockpilers of anti-personnel mines, alongside China, Pakistan, India, North Korea, South Korea, and Iran.\"",
    claimType: "author-assertion",
    ...articleVoice(),
    claimDate: null,
    status: "in-progress",
    rationale:
      "Russia and the US hold large stockpiles; the sizes for several listed states are not public. Needs the latest Landmine Monitor table.",
    evidence: [],
  },
  {
    n: 14,
    quote: "\"The US, in particular, has long maintained a policy of retaining such weapons for use in counterinsurgency operations.\"",
    claimType: "author-assertion",
    ...articleVoice(),
    claimDate: null,
    status: "partly-true",
    rationale:
      "US policy has retained anti-personnel mines, but its stated rationale has been the defence of the Korean Peninsula, not counterinsurgency.",
    evidence: [ev("E8", "context")],
  },
  {
    n: 15,
    quote: "\"‘They will sow millions of mines in quiet pine and spruce forests,’ one Russian military analyst reportedly warned, though the claim remains unverified.\"",
    claimType: "analyst-claim",
    // Key: "→ unnamed (as attributed)": the speaker the article credits, who the key finds is not the source.
    attributionText: "one Russian military analyst reportedly",
    speakerName: "Unnamed Russian military analyst",
    speakerKind: "person",
    speakerRole: "Russian military analyst",
    attributionNote: "unnamed (as attributed)",
    chain: ["telegraph-2025-06-24", "telegraph-relays"],
    chainNote: "credited to an unnamed analyst",
    claimDate: "2025-06-24",
    status: "misattributed",
    rationale:
      "The words are The Telegraph's own (24 Jun 2025: the countries \"will sow quiet pine and birch forests along their borders with millions of mines\"), not a Russian analyst's; \"birch\" became \"spruce\" on the way.",
    evidence: [...e7("refutes")],
  },
  {
    n: 16,
    quote: "\"Gennady Podlesny, a Russian political commentator, has previously argued … would be ‘pointless’ and counterproductive.\"",
    claimType: "interview",
    attributionText: "Gennady Podlesny, a Russian political commentator",
    ...PODLESNY,
    chain: ["podlesny", "podlesny-2021-interview"],
    claimDate: "2021",
    status: "unverified",
    rationale: RATIONALE_16,
    evidence: [],
  },
  {
    n: 17,
    quote: "\"‘Landmines are a relic of the past,’ he stated in a 2021 interview. ‘They do not distinguish … a stronger response from Moscow.\\n\\nThe Baltic states are playing into a narrative that could backfire on them.’\"",
    claimType: "interview",
    attributionText: "he stated in a 2021 interview",
    ...PODLESNY,
    chain: ["podlesny", "podlesny-2021-interview"],
    claimDate: "2021",
    status: "unverified",
    // Key: "As #16. Note: …" — expanded with #16's rationale.
    rationale: "As #16. " + RATIONALE_16 + " Note: this quotation runs across a paragraph break in the article.",
    evidence: [],
  },
  {
    n: 18,
    quote: "\"With Russia’s military buildup near Ukraine … one defined not by the elimination of weapons of mass destruction, but by their renewed use in the name of deterrence.\"",
    claimType: "opinion-framing",
    ...articleVoice(),
    claimDate: null,
    status: "false",
    rationale:
      "Anti-personnel mines are conventional weapons, not weapons of mass destruction; the rest is opinion.",
    evidence: [ev("E5", "refutes")],
  },
];
