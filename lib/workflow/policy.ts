/**
 * Who may do what: the one permission table. Pure (no server imports); the data layer asks it through
 * lib/server/authorize.ts with the caller's Actor, so every data function checks the same rules.
 */
import type { Role } from "@/lib/domain/types";

export type Permission =
  /** Read published articles and their public history. */
  | "read_published"
  /** Import articles, shape statements, write and edit annotations, see the desk and the workspace. */
  | "edit"
  /** Approve or return someone else's annotation (the two-person rule below comes on top). */
  | "review"
  /** Publish or unpublish an article. */
  | "publish"
  /** Delete an annotation. */
  | "delete_annotation"
  /** Invite people, change roles, deactivate, reset passwords. */
  | "invite"
  /** Create accounts directly (scripts only: people are otherwise invited). */
  | "create_account"
  /** Edit the vocabularies. */
  | "administer_vocabulary"
  /** Read and export the audit log. */
  | "read_audit"
  /** Merge duplicate sources, and undo a merge. */
  | "merge_sources"
  /** Set a password through an invitation or reset link (the token is the credential). */
  | "accept_invitation"
  /** Report a problem with a published annotation (anyone). */
  | "report_problem"
  /** Read and triage readers' reports (their emails included). */
  | "triage_reports";

/** The part of an actor the rules look at. */
export type PolicySubject =
  | { kind: "user"; role: Role }
  | { kind: "system" }
  | { kind: "reader" }
  | { kind: "invitee" };

const REVIEWER: readonly Permission[] = ["read_published", "report_problem", "edit", "review", "publish", "delete_annotation", "triage_reports"];
const ADMIN: readonly Permission[] = [...REVIEWER, "invite", "administer_vocabulary", "read_audit", "merge_sources"];

/** Scripts act for the operator: they manage accounts and vocabularies, but never author or approve (no person). */
const SYSTEM: readonly Permission[] = ["read_published", "create_account", "invite", "administer_vocabulary", "read_audit", "triage_reports"];

export function permissionsOf(subject: PolicySubject): readonly Permission[] {
  switch (subject.kind) {
    case "user":
      return subject.role === "admin" ? ADMIN : subject.role === "reviewer" ? REVIEWER : ["read_published"];
    case "system":
      return SYSTEM;
    case "reader":
      return ["read_published", "report_problem"];
    case "invitee":
      return ["read_published", "accept_invitation"];
  }
}

/**
 * null when `subject` may do `permission`; otherwise why not: "unauthenticated" for someone without an identity
 * (sign in and try again), "forbidden" for a known actor without the right.
 */
export function refusal(subject: PolicySubject, permission: Permission): "unauthenticated" | "forbidden" | null {
  if (permissionsOf(subject).includes(permission)) return null;
  return subject.kind === "reader" || subject.kind === "invitee" ? "unauthenticated" : "forbidden";
}

/** Why `userId` may not approve or return this revision, or null when they may (the two-person rule). */
export function reviewRefusal(userId: string, authorId: string, editors: ReadonlySet<string>, lastEditorId?: string | null): string | null {
  if (userId === authorId) return "You wrote this annotation, so a second reviewer must approve or return it.";
  if (editors.has(userId) || lastEditorId === userId) return "You edited this revision, so a reviewer who did not work on it must approve or return it.";
  return null;
}

/**
 * Why `userId` may not confirm a request that `requesterId` made (withdrawing a published verdict, re-attaching an
 * orphan), or null when they may: the second pair of eyes must be someone else's.
 */
export function secondReviewerRefusal(userId: string, requesterId: string | null, what: "removal" | "re-attachment"): string | null {
  if (requesterId === null) return `There is no pending ${what} to confirm.`;
  if (userId === requesterId) return `You asked for this ${what}, so a second reviewer must confirm it.`;
  return null;
}
