/**
 * The annotation workflow, as pure rules: draft → in review → approved; in review → draft (returned, with a comment).
 * Saving an edit always yields a draft (or "in review" when saved with "Submit for review"); editing an approved
 * annotation therefore starts a pending revision while readers keep the approved snapshot.
 */
import type { WorkflowState } from "@/lib/domain/types";

export type WorkflowAction = "save_draft" | "save_and_submit" | "submit" | "approve" | "return";

export const WORKFLOW_LABELS: Record<WorkflowState, string> = {
  draft: "Draft",
  in_review: "In review",
  approved: "Approved",
};

/** The state after `action`, or null when the action is not allowed from `from`. */
export function nextState(from: WorkflowState | null, action: WorkflowAction): WorkflowState | null {
  switch (action) {
    case "save_draft":
      return "draft";
    case "save_and_submit":
      return "in_review";
    case "submit":
      return from === "draft" ? "in_review" : null;
    case "approve":
    case "return":
      return from === "in_review" ? (action === "approve" ? "approved" : "draft") : null;
  }
}

export function transitionError(from: WorkflowState, action: WorkflowAction): string {
  if (action === "submit") return from === "in_review" ? "It is already waiting for review." : "Only a draft can be submitted for review. Edit it first to start a new revision.";
  if (action === "approve" || action === "return") {
    return from === "approved" ? "It is already approved." : "Only an annotation that is in review can be approved or returned. Submit it for review first.";
  }
  return "That change is not allowed.";
}

/** Audit actions that make someone an editor of the current revision. */
export const EDIT_ACTIONS = new Set(["annotation.create", "annotation.update", "annotation.submit", "annotation.move"]);
export const APPROVE_ACTION = "annotation.approve";

export interface AuditLike {
  action: string;
  actorId: string | null;
  createdAt: Date | string;
}

/**
 * Who edited the revision now under review: every actor of an edit since the most recent approval (the whole
 * history if there was none). Events may come in any order.
 */
export function revisionEditors(events: readonly AuditLike[]): Set<string> {
  const time = (e: AuditLike) => (typeof e.createdAt === "string" ? Date.parse(e.createdAt) : e.createdAt.getTime());
  let lastApproval = -Infinity;
  for (const e of events) if (e.action === APPROVE_ACTION) lastApproval = Math.max(lastApproval, time(e));
  const editors = new Set<string>();
  for (const e of events) {
    if (e.actorId && EDIT_ACTIONS.has(e.action) && time(e) > lastApproval) editors.add(e.actorId);
  }
  return editors;
}

/** Why `userId` may not approve or return this revision, or null when they may. */
export function reviewRefusal(userId: string, authorId: string, editors: ReadonlySet<string>, lastEditorId?: string | null): string | null {
  if (userId === authorId) return "You wrote this annotation, so a second reviewer must approve or return it.";
  if (editors.has(userId) || lastEditorId === userId) return "You edited this revision, so a reviewer who did not work on it must approve or return it.";
  return null;
}
