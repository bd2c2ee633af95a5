/** Default vocabularies, from the fact-checker's key. Admins edit the tables these seed. */

export interface ClaimTypeDefault {
  slug: string;
  label: string;
  shortLabel: string;
  description: string;
  color: string;
}

export interface VerificationStatusDefault {
  slug: string;
  label: string;
  color: string;
  rating: number | null;
  description: string;
}

export const DEFAULT_STATUS_SLUG = "unverified";
export const CLAIM_REVIEW_BEST_RATING = 5;
export const CLAIM_REVIEW_WORST_RATING = 1;

export const DEFAULT_CLAIM_TYPES: readonly ClaimTypeDefault[] = [
  {
    slug: "official-statement",
    label: "Official statement",
    shortLabel: "Official",
    description: "A government, ministry, agency or official spokesperson speaking on the record.",
    color: "#1d4ed8",
  },
  {
    slug: "news-report",
    label: "News report / newspaper quote",
    shortLabel: "News",
    description: "What a newspaper, broadcaster or news agency reported or wrote.",
    color: "#0f766e",
  },
  {
    slug: "analyst-claim",
    label: "Analyst or expert claim",
    shortLabel: "Analyst",
    description: "An analyst's, commentator's or expert's assertion or prediction.",
    color: "#7c3aed",
  },
  {
    slug: "interview",
    label: "Interview",
    shortLabel: "Interview",
    description: 'Words from an interview, with its date when known (e.g. "a 2021 interview").',
    color: "#b45309",
  },
  {
    slug: "author-assertion",
    label: "Author's assertion",
    shortLabel: "Author",
    description: "Something the article states in its own voice, such as background facts.",
    color: "#374151",
  },
  {
    slug: "statistic",
    label: "Statistic",
    shortLabel: "Statistic",
    description: "A number, count or measurement.",
    color: "#be123c",
  },
  {
    slug: "opinion-framing",
    label: "Opinion / framing",
    shortLabel: "Framing",
    description: "Interpretation, characterisation or opinion rather than a checkable fact.",
    color: "#a21caf",
  },
];

export const DEFAULT_VERIFICATION_STATUSES: readonly VerificationStatusDefault[] = [
  { slug: "verified", label: "Verified", color: "#bbf7d0", rating: 5, description: "Confirmed by reliable, cited evidence." },
  { slug: "partly-true", label: "Partly true", color: "#fde68a", rating: 3, description: "Accurate in part; missing context or partly wrong." },
  { slug: "misattributed", label: "Misattributed", color: "#e9d5ff", rating: 2, description: "The words or claim come from someone other than the one credited." },
  { slug: "false", label: "False", color: "#fecaca", rating: 1, description: "Contradicted by reliable, cited evidence." },
  { slug: "unverified", label: "Unverified", color: "#e5e7eb", rating: null, description: "Not yet confirmed or refuted; the default." },
  { slug: "in-progress", label: "In progress", color: "#bfdbfe", rating: null, description: "A reviewer is checking it now." },
  { slug: "unverifiable", label: "Unverifiable", color: "#f5f5f4", rating: null, description: "Cannot be checked with available evidence." },
  { slug: "opinion", label: "Opinion", color: "#fbcfe8", rating: null, description: "Not a checkable claim." },
];
