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

/** What made a version of an annotation (one AnnotationRevision row each). */
export type RevisionEvent = "created" | "saved" | "submitted" | "moved" | "approved" | "returned" | "removed" | "reattached";

export const REVISION_EVENTS: readonly RevisionEvent[] = ["created", "saved", "submitted", "moved", "approved", "returned", "removed", "reattached"];

/** Events that change the working copy: whoever makes one is an editor of the revision under review. */
const EDIT_EVENTS: ReadonlySet<RevisionEvent> = new Set(["created", "saved", "submitted", "moved"]);

/**
 * The editors of the revision a new version belongs to: everyone who changed the working copy since the most recent
 * approval. An approval closes the revision (the next edit starts a new one); a return does not.
 */
export function revisionEditors(previous: { event: RevisionEvent | string; editorIds: readonly string[] } | null, event: RevisionEvent, actorId: string | null): string[] {
  if (!EDIT_EVENTS.has(event)) return [...(previous?.editorIds ?? [])];
  const carried = previous && previous.event !== "approved" ? previous.editorIds : [];
  return [...new Set(actorId ? [...carried, actorId] : carried)];
}

export { reviewRefusal } from "./policy";
