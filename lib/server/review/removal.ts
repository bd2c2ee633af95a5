import "server-only";
import { db, type Tx } from "../db";
import { writeAudit } from "../audit";
import type { Actor } from "../actors";
import { authorizePerson } from "../authorize";
import { invalidateArticle } from "../cache";
import { DomainRuleError, NotFoundError } from "../errors";
import { secondReviewerRefusal } from "@/lib/workflow/policy";
import { PendingRequestDecisionSchema, RequestRemovalSchema, type PendingRequestDecisionInput, type RequestRemovalInput } from "@/lib/contracts/review";
import type { WorkflowState } from "@/lib/domain/types";
import { Prisma } from "../generated/prisma/client";
import { conflictFor, REMOVED_MESSAGE } from "./annotations";
import { flatSnapshot } from "./snapshot";
import { recordRevision, REVISION_INCLUDE } from "./revisions";

/*
 * Withdrawing a published verdict takes two reviewers. One requests it with a reason (readers keep seeing the verdict),
 * a different reviewer confirms it, or anyone cancels it. Confirmed, the annotation is kept as a row: detached from its
 * statement (which may be annotated afresh), its approved content cleared (so no public query shows it), marked removed
 * with when, by whom and why, so that its permalink, the article's verdict history and the corrections log explain it.
 */

export const NO_PENDING_REMOVAL_MESSAGE = "There is no pending removal for this annotation: it was confirmed or cancelled meanwhile. Reload the workspace.";

export interface RemovalStep {
  articleId: string;
  /** The statement the annotation was on (null for an orphan): where the workspace reopens. */
  statementId: string | null;
  version: number;
}

async function loadForRemoval(tx: Tx, annotationId: string) {
  const a = await tx.annotation.findUnique({
    where: { id: annotationId },
    include: { ...REVISION_INCLUDE, article: { select: { revision: true, slug: true } }, removalRequestedBy: { select: { name: true } } },
  });
  if (!a) throw new NotFoundError("Annotation");
  if (a.removedAt) throw new DomainRuleError(REMOVED_MESSAGE);
  return a;
}

/** Reviewer: asks a second reviewer to withdraw this annotation's approved verdict, saying why. Readers see no change yet. */
export async function requestRemoval(actor: Actor, input: RequestRemovalInput): Promise<RemovalStep> {
  const user = authorizePerson(actor, "delete_annotation");
  const data = RequestRemovalSchema.parse(input);
  return db.$transaction(async (tx) => {
    const a = await loadForRemoval(tx, data.annotationId);
    if (a.approvedSnapshot === null) throw new DomainRuleError("This annotation was never approved, so readers never saw it: delete it instead.");
    if (a.removalRequestedById) throw new DomainRuleError(`${a.removalRequestedBy?.name ?? "Another reviewer"} already asked for this verdict's removal; a second reviewer can confirm or cancel it.`);
    if (a.version !== data.version) throw await conflictFor(tx, a.id, data.version);
    const updated = await tx.annotation.updateMany({
      where: { id: a.id, version: data.version, removalRequestedById: null },
      data: { removalRequestedById: user.id, removalRequestedAt: new Date(), removalReason: data.reason, version: { increment: 1 } },
    });
    if (updated.count === 0) throw await conflictFor(tx, a.id, data.version);
    await writeAudit(tx, user, {
      action: "annotation.removal_request",
      entityId: a.id,
      articleId: a.articleId,
      data: { before: { workflowState: a.workflowState as WorkflowState, approvedStatusSlug: a.approvedStatusSlug }, after: { reason: data.reason, version: data.version + 1 } },
      comment: data.reason,
    });
    return { articleId: a.articleId, statementId: a.statementId, version: data.version + 1 };
  });
}

/** Reviewer (anyone, the requester included): withdraws a pending removal request; the verdict stays published. */
export async function cancelRemoval(actor: Actor, input: PendingRequestDecisionInput): Promise<RemovalStep> {
  const user = authorizePerson(actor, "delete_annotation");
  const data = PendingRequestDecisionSchema.parse(input);
  return db.$transaction(async (tx) => {
    const a = await loadForRemoval(tx, data.annotationId);
    if (!a.removalRequestedById) throw new DomainRuleError(NO_PENDING_REMOVAL_MESSAGE);
    if (a.version !== data.version) throw await conflictFor(tx, a.id, data.version);
    const updated = await tx.annotation.updateMany({
      where: { id: a.id, version: data.version, removalRequestedById: a.removalRequestedById },
      data: { removalRequestedById: null, removalRequestedAt: null, removalReason: null, version: { increment: 1 } },
    });
    if (updated.count === 0) throw await conflictFor(tx, a.id, data.version);
    await writeAudit(tx, user, {
      action: "annotation.removal_cancel",
      entityId: a.id,
      articleId: a.articleId,
      data: { before: { reason: a.removalReason ?? "", requestedBy: a.removalRequestedBy?.name ?? null }, after: { version: data.version + 1 } },
    });
    return { articleId: a.articleId, statementId: a.statementId, version: data.version + 1 };
  });
}

/**
 * Reviewer other than the requester: confirms a pending removal. The verdict is withdrawn from readers at once (the
 * article's cache is invalidated after the commit); the row stays, removed, with its reason.
 */
export async function confirmRemoval(actor: Actor, input: PendingRequestDecisionInput): Promise<RemovalStep> {
  const user = authorizePerson(actor, "review");
  const data = PendingRequestDecisionSchema.parse(input);
  const result = await db.$transaction(async (tx) => {
    const a = await loadForRemoval(tx, data.annotationId);
    if (!a.removalRequestedById) throw new DomainRuleError(NO_PENDING_REMOVAL_MESSAGE);
    const refusal = secondReviewerRefusal(user.id, a.removalRequestedById, "removal");
    if (refusal) throw new DomainRuleError(refusal);
    if (a.version !== data.version) throw await conflictFor(tx, a.id, data.version);
    const now = new Date();
    const reason = a.removalReason ?? "";
    const updated = await tx.annotation.updateMany({
      where: { id: a.id, version: data.version, removalRequestedById: a.removalRequestedById },
      data: {
        removedAt: now,
        removedById: user.id,
        statementId: null,
        anchorState: "removed",
        approvedSnapshot: Prisma.DbNull,
        reattachStatementId: null,
        reattachRequestedById: null,
        reattachRequestedAt: null,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw await conflictFor(tx, a.id, data.version);
    await recordRevision(tx, user, { ...a, version: data.version + 1 }, "removed", reason);
    await writeAudit(tx, user, {
      action: "annotation.removal_confirm",
      entityId: a.id,
      articleId: a.articleId,
      data: {
        before: {
          ...flatSnapshot(a),
          span: `${a.approvedStart ?? a.positionStart}–${a.approvedEnd ?? a.positionEnd}`,
          quote: a.approvedQuote ?? a.previousQuote ?? a.quoteExact,
          // The content readers saw (JSON, as stored): the row no longer holds it.
          approvedSnapshot: a.approvedSnapshot,
          approvedAt: a.approvedAt?.toISOString() ?? null,
        },
        after: { removedAt: now.toISOString(), reason, requestedBy: a.removalRequestedBy?.name ?? null, version: data.version + 1 },
      },
      comment: reason,
    });
    return { articleId: a.articleId, statementId: a.statementId, version: data.version + 1, slug: a.article.slug };
  });
  invalidateArticle(result.slug);
  return { articleId: result.articleId, statementId: result.statementId, version: result.version };
}
