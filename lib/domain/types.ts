/**
 * Plain data shapes shared by the domain (`lib/`), the data layer (`lib/server/`) and the UI.
 *
 * Offsets: every `start`/`end` in this codebase is a JavaScript string offset (UTF-16 code units) into the
 * article's canonical text, half-open `[start, end)`. The W3C Web Annotation model counts Unicode code points;
 * exports convert with `lib/text/offsets.ts`.
 */

export type Role = "admin" | "reviewer";
export type ArticleState = "draft" | "published";
export type WorkflowState = "draft" | "in_review" | "approved";
export type EvidenceStance = "supports" | "refutes" | "context";
export type SourceKind =
  | "government"
  | "news_outlet"
  | "wire_agency"
  | "person"
  | "organisation"
  | "ngo"
  | "document"
  | "social_post";
export type SpeakerKind = "person" | "organisation";

export interface TextRange {
  start: number;
  end: number;
}

export interface ClaimTypeDTO {
  id: string;
  slug: string;
  label: string;
  shortLabel: string;
  description: string;
  color: string;
  position: number;
  retired: boolean;
}

export interface VerificationStatusDTO {
  id: string;
  slug: string;
  label: string;
  description: string;
  color: string;
  /** schema.org ClaimReview ratingValue on a 1–5 scale; null means "not rated" (no ClaimReview). */
  rating: number | null;
  position: number;
  retired: boolean;
}

export interface SourceDTO {
  id: string;
  name: string;
  kind: SourceKind;
  url: string | null;
  /** ISO date, possibly partial: "2021", "2025-06", "2025-06-27". */
  date: string | null;
}

export interface ProvenanceHopDTO {
  position: number;
  source: SourceDTO;
  note: string | null;
}

export interface EvidenceDTO {
  position: number;
  url: string;
  title: string;
  stance: EvidenceStance;
  archivedUrl: string | null;
  note: string | null;
}

export interface PersonRefDTO {
  id: string;
  name: string;
}

/** Who made a claim, when, and why the verdict: the same fields in every shape of an annotation (rows, snapshots, DTOs). */
export interface AttributionFields<Kind = string> {
  attributionText: string | null;
  speakerName: string | null;
  speakerKind: Kind | null;
  speakerRole: string | null;
  claimDate: string | null;
  rationale: string;
}

/** The content of an annotation as readers see it (the approved version). */
export interface AnnotationContentDTO extends AttributionFields<SpeakerKind> {
  claimType: Pick<ClaimTypeDTO, "slug" | "label" | "shortLabel" | "color" | "retired">;
  status: Pick<VerificationStatusDTO, "slug" | "label" | "color" | "rating" | "retired">;
  chain: ProvenanceHopDTO[];
  evidence: EvidenceDTO[];
}

export interface PublicAnnotationDTO extends AnnotationContentDTO {
  id: string;
  statementId: string;
  start: number;
  end: number;
  quote: { exact: string; prefix: string; suffix: string };
  author: PersonRefDTO;
  approver: PersonRefDTO | null;
  createdAt: string;
  modifiedAt: string;
  approvedAt: string | null;
  /** Set while a correction of the article changed this statement's wording and no reviewer has confirmed it since. */
  wordingChange?: WordingChangeDTO;
  /** When its verdict was first published, and when an approval last changed the verdict (from its approved revisions). */
  verdictPublishedAt?: string;
  verdictChangedAt?: string;
}

/** "The article's wording changed on DATE; under re-review": the last approved verdict, shown on the new wording. */
export interface WordingChangeDTO {
  changedAt: string;
  previousQuote: string;
  currentQuote: string;
}

/** An approved annotation whose text a correction removed from the article: never highlighted, listed apart. */
export interface OrphanedAnnotationDTO {
  id: string;
  /** The statement as it stood before the correction. */
  quote: string;
  status: { slug: string; label: string; color: string };
  claimType: { slug: string; label: string };
  removedAt: string;
  approvedAt: string | null;
  /** The last version of the article text the statement was in (its "As checked" page shows it highlighted); null if readers never saw that version. */
  lastRevision: number | null;
}

/** An approved verdict that two reviewers withdrew: no longer highlighted; its permalink and the article explain. */
export interface WithdrawnAnnotationDTO {
  id: string;
  /** The statement as readers saw it with the verdict. */
  quote: string;
  status: { slug: string; label: string; color: string };
  claimType: { slug: string; label: string };
  approvedAt: string | null;
  removedAt: string;
  reason: string;
}

/** One correction of a published article's text. */
export interface ArticleCorrectionDTO {
  revision: number;
  correctedAt: string;
  reason: string | null;
  /** Readers saw the version this correction replaced (the article was published before it): it has an "As checked" page. */
  replacedPublicVersion: boolean;
}

/** "As checked on DATE": an earlier version of a published article with the verdicts that stood while it was current. */
export interface ArticleVersionDTO {
  /** The article with this version's text (revision, text, emphasis, hash). */
  article: PublicArticleDTO;
  version: { revision: number; createdAt: string; replacedAt: string; reason: string | null };
  /** The correction that replaced this version. */
  replacedBy: { revision: number; reason: string | null };
  currentRevision: number;
  /** The annotations as last approved before this version was replaced, on this version's text. */
  annotations: PublicAnnotationDTO[];
  /** Approved then, but a correction before this version had removed the statement. */
  orphaned: OrphanedAnnotationDTO[];
}

/** What identifies and describes an article, wherever it is shown. */
export type ArticleMetaDTO = Pick<PublicArticleDTO, "id" | "slug" | "title" | "outlet" | "byline" | "originalUrl" | "publishedDate" | "language">;

export function articleMeta(a: ArticleMetaDTO): ArticleMetaDTO {
  return { id: a.id, slug: a.slug, title: a.title, outlet: a.outlet, byline: a.byline, originalUrl: a.originalUrl, publishedDate: a.publishedDate, language: a.language };
}

export interface PublicArticleDTO {
  id: string;
  slug: string;
  title: string;
  outlet: string | null;
  byline: string | null;
  originalUrl: string | null;
  publishedDate: string | null;
  language: string;
  text: string;
  emphasis: TextRange[];
  contentHash: string;
  revision: number;
  /** When this version of the text became current (the import, or the correction that made it). */
  revisionCreatedAt?: string;
  publishedAt: string | null;
  updatedAt: string;
}
