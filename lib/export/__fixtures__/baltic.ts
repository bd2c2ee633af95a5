/**
 * Test fixture: part of the Baltic Ottawa-withdrawal article (shared/fixtures) with a few approved annotations from
 * the fact-checker's key. An emoji note precedes the annotated text so that code-point and UTF-16 offsets differ.
 */
import type {
  EvidenceDTO,
  ProvenanceHopDTO,
  PublicAnnotationDTO,
  PublicArticleDTO,
  SourceKind,
} from "@/lib/domain/types";
import { DEFAULT_CLAIM_TYPES, DEFAULT_VERIFICATION_STATUSES } from "@/lib/vocabulary/defaults";
import type { ExportContext } from "../config";

export const CTX: ExportContext = {
  baseUrl: "https://provenance.example",
  publisher: { name: "Provenance Fact Check", url: "https://provenance.example/about" },
  license: "https://creativecommons.org/licenses/by/4.0/",
  generatedAt: "2025-07-01T12:00:00.000Z",
};

export const ARTICLE_TEXT = [
  "📌🇪🇪🇱🇻🇱🇹 Editor’s note: this page tracks the June 27 update.",
  "According to reports by Interfax, citing statements from the foreign ministries of the three countries, the decision was made official on June 27.",
  "This move marks a sharp departure from the Baltic states’ previous adherence to the treaty, which they had signed in 1999, shortly after its adoption in 1997.",
  "In a joint statement, the ministries emphasized that leaving the convention would provide ‘flexibility’ in strengthening defense readiness, particularly in the context of growing tensions with Russia. ‘This decision reflects our commitment to ensuring the safety and security of our nations,’ said a spokesperson for the Estonian foreign ministry.",
  "Some analysts have suggested that the countries may begin laying anti-personnel mines in dense forested areas along the border. ‘They will sow millions of mines in quiet pine and spruce forests,’ one Russian military analyst reportedly warned, though the claim remains unverified.",
  "Gennady Podlesny, a Russian political commentator, has previously argued that the deployment of anti-personnel mines along the Baltic states’ borders with Russia would be ‘pointless’ and counterproductive.",
].join("\n\n");

export const ARTICLE: PublicArticleDTO = {
  id: "art_baltic",
  slug: "baltic-states-withdraw-from-ottawa-convention",
  title: "Baltic States Withdraw from Ottawa Convention in Major Defense Policy Shift – June 27 Update",
  outlet: "Example Defense News",
  byline: "By Staff Writer",
  originalUrl: "https://news.example.com/2025/06/27/baltic-states-withdraw-ottawa-convention",
  publishedDate: "2025-06-27",
  language: "en",
  text: ARTICLE_TEXT,
  emphasis: [],
  contentHash: "sha256-4f1c0ffee",
  revision: 1,
  publishedAt: "2025-06-30T09:00:00.000Z",
  updatedAt: "2025-06-30T09:00:00.000Z",
};

const REVIEWER = { id: "usr_reviewer", name: "Rita Reviewer" };
const APPROVER = { id: "usr_approver", name: "Aino Approver" };

function claimType(slug: string) {
  const t = DEFAULT_CLAIM_TYPES.find((c) => c.slug === slug);
  if (!t) throw new Error(`no claim type ${slug}`);
  return { slug: t.slug, label: t.label, shortLabel: t.shortLabel, color: t.color, retired: false };
}

function status(slug: string) {
  const s = DEFAULT_VERIFICATION_STATUSES.find((v) => v.slug === slug);
  if (!s) throw new Error(`no status ${slug}`);
  return { slug: s.slug, label: s.label, color: s.color, rating: s.rating, retired: false };
}

let sourceSeq = 0;
function hop(position: number, name: string, kind: SourceKind, url: string | null, date: string | null, note: string | null = null): ProvenanceHopDTO {
  return { position, note, source: { id: `src_${++sourceSeq}`, name, kind, url, date } };
}

function evidence(position: number, url: string, title: string, stance: EvidenceDTO["stance"], extra: Partial<EvidenceDTO> = {}): EvidenceDTO {
  return { position, url, title, stance, archivedUrl: null, note: null, ...extra };
}

/** UTF-16 span of `exact` in the article text (must occur exactly once). */
export function spanOf(exact: string): { start: number; end: number; quote: { exact: string; prefix: string; suffix: string } } {
  const start = ARTICLE_TEXT.indexOf(exact);
  if (start < 0 || ARTICLE_TEXT.indexOf(exact, start + 1) >= 0) throw new Error(`span must occur once: ${exact}`);
  const end = start + exact.length;
  return {
    start,
    end,
    quote: { exact, prefix: ARTICLE_TEXT.slice(Math.max(0, start - 32), start), suffix: ARTICLE_TEXT.slice(end, end + 32) },
  };
}

const E1 = evidence(
  1,
  "https://www.lokmattimes.com/international/lithuania-latvia-estonia-notify-un-of-withdrawal-from-mine-ban-treaty",
  "IANS via Lokmat Times, 29 Jun 2025",
  "supports",
);

const base = {
  author: REVIEWER,
  approver: APPROVER,
  createdAt: "2025-06-28T08:15:00.000Z",
  modifiedAt: "2025-06-29T10:30:00.000Z",
  approvedAt: "2025-06-30T08:00:00.000Z",
};

export const INTERFAX: PublicAnnotationDTO = {
  ...base,
  id: "ann_interfax",
  statementId: "st_2",
  ...spanOf(
    "According to reports by Interfax, citing statements from the foreign ministries of the three countries, the decision was made official on June 27.",
  ),
  claimType: claimType("news-report"),
  status: status("verified"),
  attributionText: "reports by Interfax, citing statements from the foreign ministries",
  speakerName: "Foreign ministries of Estonia, Latvia and Lithuania",
  speakerKind: "organisation",
  speakerRole: null,
  claimDate: "2025-06-27",
  rationale: "Date matches the ministers’ own announcements of **27 June 2025**.",
  chain: [
    hop(2, "Interfax", "wire_agency", "https://www.interfax.ru/", "2025-06-27"),
    hop(1, "Foreign ministries of Estonia, Latvia and Lithuania", "government", null, "2025-06-27"),
  ],
  evidence: [E1],
};

export const SIGNED_1999: PublicAnnotationDTO = {
  ...base,
  id: "ann_signed1999",
  statementId: "st_4",
  ...spanOf(
    "This move marks a sharp departure from the Baltic states’ previous adherence to the treaty, which they had signed in 1999, shortly after its adoption in 1997.",
  ),
  claimType: claimType("author-assertion"),
  status: status("false"),
  attributionText: null,
  speakerName: null,
  speakerKind: null,
  speakerRole: null,
  claimDate: null,
  rationale:
    "Only Lithuania signed (1999; ratified 2003). Estonia (2004) and Latvia (2005) acceded after entry into force and never signed.",
  chain: [],
  evidence: [
    evidence(
      1,
      "https://translation1.mil-osi.com/2025/12/28/%d0%bb%d0%b0%d1%82%d0%b2%d0%b8%d1%8f-%d1%8d%d1%81%d1%82%d0%be%d0%bd%d0%b8%d1%8f",
      "Xinhua via MIL-OSI, 28 Dec 2025",
      "refutes",
    ),
    evidence(2, "http://www.icbl.org/index.php/icbl/Library/News-Articles/08_Contents/Archive/Old/486", "ICBL, 14 May 2004", "refutes"),
    evidence(
      3,
      "http://the-monitor.org/en-gb/reports/2006/landmine-monitor-2006/banning-antipersonnel-mines.aspx",
      "Landmine Monitor 2006",
      "refutes",
    ),
  ],
};

export const SPOKESPERSON: PublicAnnotationDTO = {
  ...base,
  id: "ann_spokesperson",
  statementId: "st_7",
  ...spanOf(
    "‘This decision reflects our commitment to ensuring the safety and security of our nations,’ said a spokesperson for the Estonian foreign ministry.",
  ),
  claimType: claimType("official-statement"),
  status: status("unverified"),
  attributionText: "a spokesperson for the Estonian foreign ministry",
  speakerName: null,
  speakerKind: "person",
  speakerRole: "spokesperson, Estonian foreign ministry",
  claimDate: null,
  rationale: "",
  chain: [hop(1, "Unnamed spokesperson, Estonian foreign ministry", "person", null, null)],
  evidence: [E1],
};

export const ANALYST: PublicAnnotationDTO = {
  ...base,
  id: "ann_analyst",
  statementId: "st_15",
  ...spanOf(
    "‘They will sow millions of mines in quiet pine and spruce forests,’ one Russian military analyst reportedly warned, though the claim remains unverified.",
  ),
  claimType: claimType("analyst-claim"),
  status: status("misattributed"),
  attributionText: "one Russian military analyst reportedly",
  speakerName: null,
  speakerKind: "person",
  speakerRole: "Russian military analyst (unnamed)",
  claimDate: "2025-06-24",
  rationale:
    "The words are *The Telegraph*’s own (24 Jun 2025: the countries “will sow quiet pine and birch forests along their borders with millions of mines”), not a Russian analyst’s; “birch” became “spruce” on the way.",
  chain: [
    hop(1, "The Telegraph", "news_outlet", "https://www.telegraph.co.uk/world-news/2025/06/24/iron-curtain-mines/", "2025-06-24"),
    hop(
      2,
      "News-Pravda relay",
      "news_outlet",
      "https://latvia.news-pravda.com/en/russia/2025/06/24/19648.html",
      "2025-06-24",
      "A relay of the Pravda network: cites the Telegraph's words, not an authority.",
    ),
  ],
  evidence: [
    evidence(1, "https://latvia.news-pravda.com/en/russia/2025/06/24/19648.html", "Relay of The Telegraph, 24 Jun 2025", "refutes", {
      archivedUrl: "https://web.archive.org/web/2025/https://latvia.news-pravda.com/en/russia/2025/06/24/19648.html",
      note: "A relay site of the Pravda network: cite it as a relay of the Telegraph's words, not as an authority.",
    }),
    evidence(
      2,
      "https://newsonlineread.com/europe-is-preparing-a-new-iron-curtain-against-russia-now-from-millions-of-mines",
      "Europe is preparing a new iron curtain",
      "refutes",
    ),
  ],
};

export const PODLESNY: PublicAnnotationDTO = {
  ...base,
  id: "ann_podlesny",
  statementId: "st_16",
  ...spanOf(
    "Gennady Podlesny, a Russian political commentator, has previously argued that the deployment of anti-personnel mines along the Baltic states’ borders with Russia would be ‘pointless’ and counterproductive.",
  ),
  claimType: claimType("interview"),
  status: status("unverified"),
  attributionText: "Gennady Podlesny, a Russian political commentator",
  speakerName: "Gennady Podlesny",
  speakerKind: "person",
  speakerRole: "Russian political commentator",
  claimDate: "2021",
  rationale: "The interview is not identified (outlet, date).",
  chain: [hop(1, "Gennady Podlesny", "person", null, "2021"), hop(2, "2021 interview", "document", null, "2021")],
  evidence: [],
  approver: APPROVER,
};

export const ANNOTATIONS: PublicAnnotationDTO[] = [ANALYST, INTERFAX, SIGNED_1999, SPOKESPERSON, PODLESNY];
