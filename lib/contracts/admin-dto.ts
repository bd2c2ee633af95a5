/** DTOs of the admin area (people, vocabularies, the audit log), shared by the data layer and the UI. */
import type { ClaimTypeDTO, Role } from "@/lib/domain/types";
import type { VocabularyKind } from "./admin";

export interface AdminUserDTO {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  hasPassword: boolean;
  lastSignInAt: string | null;
  createdAt: string;
  version: number;
  annotationsAuthored: number;
  annotationsApproved: number;
  /** The newest unused, unexpired link, if any. */
  pendingLink: { purpose: "invite" | "reset"; expiresAt: string } | null;
}

/** A claim type or a verification status as the admin edits it; `shortLabel` is "" for statuses. */
export interface AdminVocabularyEntry extends ClaimTypeDTO {
  kind: VocabularyKind;
  /** Statuses only (null for claim types and unrated statuses). */
  rating: number | null;
  version: number;
  /** Annotations (any workflow state) that use this value. */
  usage: number;
}

export interface AdminVocabulary {
  claimTypes: AdminVocabularyEntry[];
  statuses: AdminVocabularyEntry[];
}

export interface AuditEntityLabel {
  text: string;
  /** "article" when the label is the title of the article a statement or annotation belongs to. */
  of: "entity" | "article";
  /** false when the entity is gone and the label comes from what the event recorded. */
  current: boolean;
}

export interface AuditEventDTO {
  id: string;
  createdAt: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  articleId: string | null;
  before: string | null;
  after: string | null;
  comment: string | null;
  /** A human label for the entity (article title, user, vocabulary label), or null: show the id alone. */
  entityLabel: AuditEntityLabel | null;
  /** False when the event does not have the shape the audit catalogue gives its action: shown as stored, marked. */
  recognised: boolean;
}

/** A single-use link (invitation or password reset) for the admin to hand over, and whether it was e-mailed. */
export interface LinkHandover {
  link: string;
  linkExpiresAt: string;
  emailSent: boolean;
  emailNote: string;
}

/** An account with failed sign-ins at or over the alert threshold, or with addresses locked out (/admin/users). */
export interface SignInAlertDTO {
  userId: string;
  name: string;
  email: string;
  /** Failed sign-ins at the account from anywhere in the open alert window. */
  failures: number;
  underAttack: boolean;
  /** Client addresses currently locked out of this account. */
  lockedAddresses: string[];
  /** When the latest of the windows closes (ISO). */
  until: string;
}

/** How much of the published record passes through a source: chain hops, their annotations and articles. */
export interface SourceUsageDTO {
  hops: number;
  annotations: number;
  articles: number;
}

/** A source on the admin sources page. */
export interface AdminSourceDTO {
  id: string;
  name: string;
  kind: string;
  url: string | null;
  date: string | null;
  version: number;
  usage: SourceUsageDTO;
  /** Other (unmerged) sources whose name is the same once normalised, or close to it. */
  likelyDuplicates: { id: string; name: string; kind: string; reason: "same name" | "similar name" }[];
}

export interface AdminSourceListDTO {
  sources: AdminSourceDTO[];
  page: number;
  pageCount: number;
  total: number;
  /** Merged sources, newest merge first: each can be undone. */
  merged: { id: string; name: string; version: number; mergedAt: string; into: { id: string; name: string } }[];
}

/** What a merge of `source` into `into` would move. */
export interface SourceMergePreviewDTO {
  source: AdminSourceDTO;
  into: AdminSourceDTO;
  /** Sources merged earlier into `source`, whose redirects now point at `into`. */
  redirects: number;
}
