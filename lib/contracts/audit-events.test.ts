import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, auditEntityType, readAuditEvent, type AuditData } from "./audit-events";

// Type tests: tsc --noEmit checks this file; each @ts-expect-error fails the type check if the payload compiles.
const ok: AuditData<"article.publish"> = { before: { state: "draft" }, after: { state: "published", approvedAnnotations: 3 } };
// @ts-expect-error a publish records how many approved annotations there were, not a title
const wrongField: AuditData<"article.publish"> = { before: { state: "draft" }, after: { state: "published", title: "x" } };
// @ts-expect-error an approval's after must name the approved status
const missingStatus: AuditData<"annotation.approve"> = { before: { workflowState: "in_review", approvedStatusSlug: null }, after: { workflowState: "approved", version: 2 } };
// @ts-expect-error a sign-in records no payload
const signInPayload: AuditData<"user.sign_in"> = { after: { email: "x@example.com" } };
// @ts-expect-error not an action of the catalogue
const unknownAction: AuditData<"annotation.approve_revision"> = {};
void [ok, wrongField, missingStatus, signInPayload, unknownAction];

describe("the audit catalogue", () => {
  it("recognises an event of the catalogue's shape and marks any other shape as unrecognised", () => {
    expect(readAuditEvent({ action: "article.publish", before: { state: "draft" }, after: { state: "published", approvedAnnotations: 1 } })).toMatchObject({ action: "article.publish" });
    expect(readAuditEvent({ action: "user.sign_in", before: null, after: null })).toEqual({ action: "user.sign_in" });
    // The demo seed's approve events before the catalogue recorded only the workflow state.
    expect(readAuditEvent({ action: "annotation.approve", before: { workflowState: "in_review" }, after: { workflowState: "approved" } })).toBeNull();
    expect(readAuditEvent({ action: "annotation.revision.approve", before: null, after: {} })).toBeNull();
    expect(readAuditEvent({ action: "article.unpublish", before: { state: "published" }, after: "draft" })).toBeNull();
  });

  it("derives the entity type from the action", () => {
    expect(auditEntityType("verification_status.retire")).toBe("verification_status");
    expect(AUDIT_ACTIONS).toContain("annotation.move");
    expect(new Set(AUDIT_ACTIONS.map(auditEntityType))).toEqual(new Set(["annotation", "statement", "article", "user", "claim_type", "verification_status", "claim_link", "reader_report", "source", "database"]));
  });
});
