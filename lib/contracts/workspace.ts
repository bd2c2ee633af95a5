/** Plain DTOs of the reviewer workspace and desk (no rows, no password hashes), shared by the data layer and the UI. */
import type { ArticleMetaDTO, ClaimTypeDTO, TextRange, VerificationStatusDTO, WorkflowState } from "@/lib/domain/types";
import type { FieldChange } from "@/lib/workflow/diff";

export interface ProposedStatementDTO {
  start: number;
  end: number;
  /** The statement's text, cut after 1,000 characters (with "…"). */
  text: string;
}

export interface ImportPreviewDTO {
  title: string;
  /** The first proposed statements (at most PREVIEW_STATEMENT_LIMIT); `statementCount` counts them all. */
  statements: ProposedStatementDTO[];
  statementCount: number;
  slugBase: string;
  characters: number;
  words: number;
  /** Articles already on the desk with the same text or original URL: importing needs an explicit confirmation. */
  duplicates?: import("./claims").DuplicateArticleDTO[];
  /** Proposed statements whose claim was checked before (approved elsewhere or in another statement). */
  checkedBefore?: import("./claims").ImportCheckedBeforeDTO;
}

export interface ArticleProgressDTO {
  id: string;
  slug: string;
  title: string;
  outlet: string | null;
  state: "draft" | "published";
  statements: number;
  annotated: number;
  byState: Record<WorkflowState, number>;
  /** Annotations whose approved version differs from the working copy (a pending revision). */
  pendingRevisions: number;
  updatedAt: string;
}

export interface DeskItemDTO {
  annotationId: string;
  statementId: string;
  articleId: string;
  articleTitle: string;
  quote: string;
  claimType: string;
  status: string;
  workflowState: WorkflowState;
  author: string;
  lastEditor: string | null;
  /** Who approved the current approved version (null until approved). */
  approver: string | null;
  returnComment: string | null;
  updatedAt: string;
  approvedAt: string | null;
}

export interface DeskDTO {
  myDrafts: DeskItemDTO[];
  waitingForMe: DeskItemDTO[];
  returnedToMe: DeskItemDTO[];
  recentlyApproved: DeskItemDTO[];
  articles: ArticleProgressDTO[];
}

export interface HopFormValue {
  sourceId: string | null;
  name: string;
  kind: string;
  url: string;
  date: string;
  note: string;
}

export interface EvidenceFormValue {
  url: string;
  title: string;
  stance: string;
  archivedUrl: string;
  note: string;
}

/** The annotation form's values, all strings (what the inputs hold). */
export interface AnnotationFormValues {
  claimTypeSlug: string;
  statusSlug: string;
  attributionText: string;
  speakerName: string;
  speakerKind: string;
  speakerRole: string;
  claimDate: string;
  rationale: string;
  chain: HopFormValue[];
  evidence: EvidenceFormValue[];
}

export interface WorkspaceStatementDTO {
  id: string;
  start: number;
  end: number;
  origin: string;
  annotation: {
    id: string;
    workflowState: WorkflowState;
    claimTypeSlug: string;
    claimTypeShort: string;
    statusSlug: string;
    statusLabel: string;
    statusColor: string;
    hasApprovedVersion: boolean;
    /** A reviewer asked to withdraw its published verdict; a second reviewer has not confirmed yet. */
    pendingRemoval: boolean;
  } | null;
}

/** A request waiting for a second reviewer (withdrawing a verdict, re-attaching an orphan). */
export interface PendingRequestDTO {
  requestedBy: string;
  requestedAt: string;
  /** Why the current user may not confirm it (they asked for it), or null when they may. */
  confirmRefusal: string | null;
}

export interface PendingRemovalDTO extends PendingRequestDTO {
  reason: string;
}

export interface PendingReattachDTO extends PendingRequestDTO {
  /** Null when the chosen statement has since been split, merged or removed. */
  statementId: string | null;
  quote: string | null;
}

/** An annotation whose statement a correction removed: re-attachable to a statement of the current text. */
export interface WorkspaceOrphanDTO {
  id: string;
  version: number;
  /** The statement's wording before the correction removed it. */
  quote: string;
  workflowState: WorkflowState;
  hasApprovedVersion: boolean;
  statusLabel: string;
  claimTypeLabel: string;
  pendingReattach: PendingReattachDTO | null;
  pendingRemoval: PendingRemovalDTO | null;
}

export interface HistoryEntryDTO {
  id: string;
  at: string;
  actor: string;
  action: string;
  actionLabel: string;
  comment: string | null;
  changes: FieldChange[];
  /** False when the event's data does not have the shape the audit catalogue gives its action: no diff is guessed. */
  recognised: boolean;
}

export interface SelectedAnnotationDTO {
  id: string;
  version: number;
  workflowState: WorkflowState;
  values: AnnotationFormValues;
  author: { id: string; name: string };
  lastEditor: { id: string; name: string } | null;
  approver: { id: string; name: string } | null;
  approvedAt: string | null;
  hasApprovedVersion: boolean;
  /** The approved version differs from the working copy: readers see the approved one until this is approved. */
  pendingRevision: boolean;
  returnComment: string | null;
  pendingRemoval: PendingRemovalDTO | null;
  /** Why the current user may not approve or return it (null when they may). */
  reviewRefusal: string | null;
  history: HistoryEntryDTO[];
}

export interface WorkspaceDTO {
  article: ArticleMetaDTO & {
    state: "draft" | "published";
    version: number;
    text: string;
    emphasis: TextRange[];
    publishedAt: string | null;
  };
  statements: WorkspaceStatementDTO[];
  /** Annotations no longer in the text (orphaned by a correction), oldest first. */
  orphans: WorkspaceOrphanDTO[];
  claimTypes: ClaimTypeDTO[];
  statuses: VerificationStatusDTO[];
  selected: {
    statement: WorkspaceStatementDTO;
    text: string;
    annotation: SelectedAnnotationDTO | null;
  } | null;
  progress: { statements: number; annotated: number; byState: Record<WorkflowState, number> };
  currentUser: { id: string; name: string };
}

export interface ConflictDetails {
  currentVersion: number;
  changedBy: string | null;
  changes: FieldChange[];
}
