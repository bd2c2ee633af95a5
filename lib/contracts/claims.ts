/**
 * Claim memory, shared by client and server: search filters, "checked before?" suggestions, chain-check
 * acknowledgements, duplicate-import warnings.
 */
import { z } from "zod";
import type { ChainWarning } from "@/lib/provenance/chain-checks";

// ---------------------------------------------------------------------------------------------------------------
// Chain checks: the approver acknowledges each warning by its key.

/** One warning's identity for the acknowledgement checklist: its check and the field it is about. */
export function chainWarningKey(w: Pick<ChainWarning, "code" | "field">): string {
  return `${w.code}@${w.field}`;
}

/** The warnings whose key is not in `acknowledged`. */
export function unacknowledgedWarnings<W extends Pick<ChainWarning, "code" | "field">>(warnings: readonly W[], acknowledged: readonly string[]): W[] {
  const given = new Set(acknowledged);
  return warnings.filter((w) => !given.has(chainWarningKey(w)));
}

// ---------------------------------------------------------------------------------------------------------------
// Consistency: approving a verdict that differs from the claim cluster's most recent published verdict needs a note.

export const MIN_CONSISTENCY_NOTE_LENGTH = 20;

export const ConsistencyNoteSchema = z
  .string()
  .trim()
  .min(MIN_CONSISTENCY_NOTE_LENGTH, `Say why this verdict differs from the earlier one: a note of at least ${MIN_CONSISTENCY_NOTE_LENGTH} characters is required.`)
  .max(2000, "The note must be at most 2000 characters.");

/** The most recent published verdict of another member of an annotation's claim cluster. */
export interface ClusterVerdictDTO {
  annotationId: string;
  verdict: { slug: string; label: string; color: string };
  quote: string;
  article: { slug: string; title: string };
  approvedAt: string;
  /** /articles/<slug>?annotation=<id> */
  permalink: string;
}

/** The message the server refuses an approval with when the note is missing or too short. */
export function consistencyNoteRequiredMessage(earlier: Pick<ClusterVerdictDTO, "verdict" | "article">, approving: string): string {
  return `This claim was published as “${earlier.verdict.label}” in “${earlier.article.title}”; you are approving “${approving}”. Write a note (at least ${MIN_CONSISTENCY_NOTE_LENGTH} characters) saying why the verdicts differ.`;
}

// ---------------------------------------------------------------------------------------------------------------
// Search

export const MAX_SEARCH_QUERY_LENGTH = 200;
export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_ORDERS = ["recent", "relevance"] as const;
export type SearchOrder = (typeof SEARCH_ORDERS)[number];

const optionalParam = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} must be at most ${max} characters.`)
    .nullish()
    .transform((v) => (v?.trim() ? v.trim() : undefined));

const isoDay = (label: string) =>
  z
    .string()
    .nullish()
    .transform((v, ctx) => {
      const t = v?.trim();
      if (!t) return undefined;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(t) || Number.isNaN(Date.parse(`${t}T00:00:00Z`))) {
        ctx.addIssue({ code: "custom", message: `${label} must be a date like 2025-06-27.` });
        return z.NEVER;
      }
      return t;
    });

/** The search form and /api/v1/search share these parameters (every one of them lives in the URL). */
export const SearchQuerySchema = z.object({
  q: z
    .string()
    .nullish()
    .transform((v) => v?.trim() ?? "")
    .pipe(z.string().max(MAX_SEARCH_QUERY_LENGTH, `The search text is too long: at most ${MAX_SEARCH_QUERY_LENGTH} characters.`)),
  verdict: optionalParam(100, "Verdict"),
  type: optionalParam(100, "Claim type"),
  speaker: optionalParam(300, "Speaker"),
  /** A Source id: statements whose approved chain passes through it. */
  source: optionalParam(64, "Source"),
  outlet: optionalParam(200, "Outlet"),
  language: optionalParam(20, "Language"),
  from: isoDay("From"),
  to: isoDay("To"),
  order: z
    .string()
    .nullish()
    .transform((v) => (v === "relevance" ? "relevance" : "recent") as SearchOrder),
  cursor: optionalParam(400, "Cursor"),
});
export type SearchQueryInput = z.input<typeof SearchQuerySchema>;
export type SearchQuery = z.output<typeof SearchQuerySchema>;

export interface SearchHitDTO {
  annotationId: string;
  quote: string;
  verdict: { slug: string; label: string; color: string };
  claimType: { slug: string; label: string; shortLabel: string; color: string };
  speakerName: string | null;
  attributionText: string | null;
  claimDate: string | null;
  article: { slug: string; title: string; outlet: string | null; publishedDate: string | null; language: string };
  approvedAt: string;
  /** /articles/<slug>?annotation=<id> */
  permalink: string;
  /** Relevance (ts_rank) when ordered by relevance. */
  rank?: number;
}

export interface SearchResultDTO {
  query: SearchQuery;
  hits: SearchHitDTO[];
  /** Opaque cursor for the next page, or null on the last page. */
  nextCursor: string | null;
}

export const SEARCH_TABS = ["published", "drafts"] as const;
export type SearchTab = (typeof SEARCH_TABS)[number];

/** A reviewer's search hit over working content (drafts, in review, unpublished articles): links to the workspace only. */
export interface DraftSearchHitDTO {
  annotationId: string;
  quote: string;
  verdict: { slug: string; label: string; color: string };
  claimType: { slug: string; label: string };
  speakerName: string | null;
  workflowState: "draft" | "in_review" | "approved";
  /** The working copy differs from what readers see (or readers see nothing yet). */
  hasApprovedVersion: boolean;
  article: { id: string; title: string; outlet: string | null; published: boolean };
  updatedAt: string;
  /** /review/articles/<id>?s=<statementId> */
  workspaceHref: string;
}

export interface DraftSearchResultDTO {
  query: SearchQuery;
  hits: DraftSearchHitDTO[];
  nextCursor: string | null;
}

// ---------------------------------------------------------------------------------------------------------------
// "Checked before?"

export interface ClaimSuggestionDTO {
  annotationId: string;
  quote: string;
  score: number;
  verdict: { slug: string; label: string; color: string } | null;
  approvedAt: string | null;
  speakerName: string | null;
  article: { id: string; slug: string; title: string; published: boolean };
  sameArticle: boolean;
  /** The first hop of each chain names the same source (by normalised name), null when either has no chain. */
  sameOrigin: boolean | null;
  origin: string | null;
  /** Near-miss reasons (a negation, a changed number, …): why "similar" may still be a different claim. */
  nearMiss: { kind: string; detail: string }[];
  /** A reviewer already said "same claim" about this pair. */
  linked: boolean;
}

/** "Chain and evidence copied from <annotation>, version n" on a working copy. */
export interface CopiedFromDTO {
  annotationId: string;
  version: number;
  quote: string;
  article: { id: string; slug: string; title: string; published: boolean };
  /** The public permalink when the article is published, else the workspace. */
  href: string;
}

export interface ClaimLinkDTO {
  annotationId: string;
  relation: "same" | "different";
  quote: string;
  article: { id: string; slug: string; title: string };
  verdictLabel: string | null;
}

export const ClaimDecisionSchema = z.object({
  annotationId: z.string().trim().min(1).max(64),
  otherAnnotationId: z.string().trim().min(1).max(64),
  relation: z.enum(["same", "different"]),
  /** With "same": also copy the other annotation's approved chain and evidence into this annotation's working copy. */
  copyChain: z.boolean().default(false),
  /** The open annotation's version, so a copy into a working copy someone just changed is refused. */
  version: z.number().int().min(1).optional(),
});
export type ClaimDecisionInput = z.input<typeof ClaimDecisionSchema>;

export const UndoClaimDecisionSchema = z.object({
  annotationId: z.string().trim().min(1).max(64),
  otherAnnotationId: z.string().trim().min(1).max(64),
});

/** An import preview's statement that was checked before: the best earlier approved match. */
export interface CheckedBeforeMatchDTO {
  /** The proposed statement's position in the preview (0-based) and an excerpt of it. */
  statementIndex: number;
  statementExcerpt: string;
  score: number;
  earlier: {
    annotationId: string;
    quote: string;
    verdict: { slug: string; label: string; color: string };
    article: { id: string; slug: string; title: string; published: boolean };
    /** The public permalink when published, else the workspace. */
    href: string;
  };
}

export interface ImportCheckedBeforeDTO {
  matches: CheckedBeforeMatchDTO[];
  /** How many of the proposed statements were compared (the first ones, up to the cap), of `total`. */
  examined: number;
  total: number;
}

// ---------------------------------------------------------------------------------------------------------------
// Duplicate imports

export interface DuplicateArticleDTO {
  id: string;
  slug: string;
  title: string;
  state: string;
  /** What matched: the normalised text's hash, the original URL, or both. */
  matched: ("text" | "url")[];
}

export const DUPLICATE_IMPORT_MESSAGE =
  "This article is already on the desk. Open the existing one, or tick “Import it again anyway” to create a second copy.";
