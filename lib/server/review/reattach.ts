import "server-only";
import { db, type Tx } from "../db";
import { writeAudit } from "../audit";
import type { Actor } from "../actors";
import { authorizePerson } from "../authorize";
import { invalidateArticle } from "../cache";
import { DomainRuleError, NotFoundError } from "../errors";
import { buildTextQuoteSelector } from "@/lib/anchoring";
import { secondReviewerRefusal } from "@/lib/workflow/policy";
import { PendingRequestDecisionSchema, RequestReattachSchema, type PendingRequestDecisionInput, type RequestReattachInput } from "@/lib/contracts/review";
import type { WorkflowState } from "@/lib/domain/types";
import { conflictFor, REMOVED_MESSAGE } from "./annotations";
import { recordRevision, REVISION_INCLUDE } from "./revisions";

/*
 * Re-attaching an orphan (an annotation whose statement a correction removed) to a statement of the current text takes
 * two reviewers: one chooses the statement, a different one confirms. Until then readers keep seeing the verdict under
 * "Statements no longer in the article"; once confirmed, both its working and its approved span are the new statement.
 */

export const NO_PENDING_REATTACH_MESSAGE = "There is no pending re-attachment for this annotation: it was confirmed or cancelled meanwhile. Reload the workspace.";
const TARGET_GONE_MESSAGE = "The statement chosen for this annotation no longer exists (it was split, merged or removed by a correction). Cancel the request and choose a statement again.";
const TARGET_TAKEN_MESSAGE = "That statement already has an annotation: choose a statement without one (select text in the article to make a new statement).";

export interface ReattachStep {
  articleId: string;
  version: number;
}

async function loadOrphan(tx: Tx, annotationId: string) {
  const a = await tx.annotation.findUnique({
    where: { id: annotationId },
    include: {
      ...REVISION_INCLUDE,
      article: { select: { revision: true, slug: true, text: true } },
      reattachRequestedBy: { select: { name: true } },
      reattachStatement: { select: { id: true, start: true, end: true, articleId: true, annotation: { select: { id: true } } } },
    },
  });
  if (!a) throw new NotFoundError("Annotation");
  if (a.removedAt) throw new DomainRuleError(REMOVED_MESSAGE);
  return a;
}

/** Reviewer: asks a second reviewer to re-attach this orphan to `statementId` (a statement of the same article without an annotation). */
export async function requestReattach(actor: Actor, input: RequestReattachInput): Promise<ReattachStep> {
  const user = authorizePerson(actor, "edit");
  const data = RequestReattachSchema.parse(input);
  return db.$transaction(async (tx) => {
    const a = await loadOrphan(tx, data.annotationId);
    if (a.statementId !== null || a.anchorState !== "orphaned") throw new DomainRuleError("This annotation is on a statement of the article: only an orphan can be re-attached.");
    if (a.reattachRequestedById) throw new DomainRuleError(`${a.reattachRequestedBy?.name ?? "Another reviewer"} already asked to re-attach this annotation; a second reviewer can confirm or cancel it.`);
    const target = await tx.statement.findUnique({ where: { id: data.statementId }, select: { id: true, start: true, end: true, articleId: true, annotation: { select: { id: true } } } });
    if (!target || target.articleId !== a.articleId) throw new DomainRuleError("Choose a statement of this article.", "statementId");
    if (target.annotation) throw new DomainRuleError(TARGET_TAKEN_MESSAGE, "statementId");
    if (a.version !== data.version) throw await conflictFor(tx, a.id, data.version);
    const updated = await tx.annotation.updateMany({
      where: { id: a.id, version: data.version, reattachRequestedById: null },
      data: { reattachStatementId: target.id, reattachRequestedById: user.id, reattachRequestedAt: new Date(), version: { increment: 1 } },
    });
    if (updated.count === 0) throw await conflictFor(tx, a.id, data.version);
    await writeAudit(tx, user, {
      action: "annotation.reattach_request",
      entityId: a.id,
      articleId: a.articleId,
      data: {
        before: { quote: a.previousQuote ?? a.quoteExact },
        after: { statementId: target.id, span: `${target.start}–${target.end}`, quote: a.article.text.slice(target.start, target.end), version: data.version + 1 },
      },
    });
    return { articleId: a.articleId, version: data.version + 1 };
  });
}

/** Reviewer (anyone, the requester included): withdraws a pending re-attachment; the annotation stays an orphan. */
export async function cancelReattach(actor: Actor, input: PendingRequestDecisionInput): Promise<ReattachStep> {
  const user = authorizePerson(actor, "edit");
  const data = PendingRequestDecisionSchema.parse(input);
  return db.$transaction(async (tx) => {
    const a = await loadOrphan(tx, data.annotationId);
    if (!a.reattachRequestedById) throw new DomainRuleError(NO_PENDING_REATTACH_MESSAGE);
    if (a.version !== data.version) throw await conflictFor(tx, a.id, data.version);
    const updated = await tx.annotation.updateMany({
      where: { id: a.id, version: data.version, reattachRequestedById: a.reattachRequestedById },
      data: { reattachStatementId: null, reattachRequestedById: null, reattachRequestedAt: null, version: { increment: 1 } },
    });
    if (updated.count === 0) throw await conflictFor(tx, a.id, data.version);
    await writeAudit(tx, user, {
      action: "annotation.reattach_cancel",
      entityId: a.id,
      articleId: a.articleId,
      data: { before: { statementId: a.reattachStatementId, requestedBy: a.reattachRequestedBy?.name ?? null }, after: { version: data.version + 1 } },
    });
    return { articleId: a.articleId, version: data.version + 1 };
  });
}

/**
 * Reviewer other than the requester: confirms a pending re-attachment. The annotation is anchored to the chosen
 * statement (working copy and, if approved, the span readers see), no longer orphaned; readers see it highlighted
 * again at once (the article's cache is invalidated after the commit).
 */
export async function confirmReattach(actor: Actor, input: PendingRequestDecisionInput): Promise<ReattachStep & { statementId: string }> {
  const user = authorizePerson(actor, "review");
  const data = PendingRequestDecisionSchema.parse(input);
  const result = await db.$transaction(async (tx) => {
    const a = await loadOrphan(tx, data.annotationId);
    if (!a.reattachRequestedById) throw new DomainRuleError(NO_PENDING_REATTACH_MESSAGE);
    const refusal = secondReviewerRefusal(user.id, a.reattachRequestedById, "re-attachment");
    if (refusal) throw new DomainRuleError(refusal);
    if (a.version !== data.version) throw await conflictFor(tx, a.id, data.version);
    const target = a.reattachStatement;
    if (!target || target.articleId !== a.articleId) throw new DomainRuleError(TARGET_GONE_MESSAGE);
    if (target.annotation) throw new DomainRuleError(TARGET_TAKEN_MESSAGE);
    const quote = buildTextQuoteSelector(a.article.text, target.start, target.end);
    const published = a.approvedSnapshot !== null;
    const updated = await tx.annotation.updateMany({
      where: { id: a.id, version: data.version, reattachRequestedById: a.reattachRequestedById },
      data: {
        statementId: target.id,
        anchorState: "anchored",
        quoteExact: quote.exact,
        quotePrefix: quote.prefix,
        quoteSuffix: quote.suffix,
        positionStart: target.start,
        positionEnd: target.end,
        ...(published ? { approvedStart: target.start, approvedEnd: target.end, approvedQuote: quote.exact } : {}),
        // Two reviewers put the verdict on this wording: no "under re-review" note for the old one.
        wordingChangedAt: null,
        reattachStatementId: null,
        reattachRequestedById: null,
        reattachRequestedAt: null,
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) throw await conflictFor(tx, a.id, data.version);
    const requestedBy = a.reattachRequestedBy?.name ?? null;
    const comment = `Re-attached to a statement of the current text (requested by ${requestedBy ?? "a reviewer"}, confirmed by ${user.name}).`;
    await recordRevision(tx, user, { ...a, version: data.version + 1, statement: { start: target.start, end: target.end } }, "reattached", comment);
    await writeAudit(tx, user, {
      action: "annotation.reattach_confirm",
      entityId: a.id,
      articleId: a.articleId,
      data: {
        before: { quote: a.previousQuote ?? a.quoteExact, workflowState: a.workflowState as WorkflowState },
        after: { statementId: target.id, span: `${target.start}–${target.end}`, quote: quote.exact, requestedBy, version: data.version + 1, articleRevision: a.article.revision },
      },
      comment,
    });
    return { articleId: a.articleId, version: data.version + 1, statementId: target.id, slug: a.article.slug, published };
  });
  if (result.published) invalidateArticle(result.slug);
  return { articleId: result.articleId, version: result.version, statementId: result.statementId };
}
