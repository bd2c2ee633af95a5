import "server-only";
import { db, type Tx } from "../db";
import { writeAudit } from "../audit";
import type { Actor } from "../actors";
import { authorize, authorizePerson } from "../authorize";
import { invalidateArticle } from "../cache";
import { ConflictError, DomainRuleError, NotFoundError } from "../errors";
import { buildTextQuoteSelector } from "@/lib/anchoring";
import { toAnnotationContent } from "@/lib/domain/annotation-content";
import { DEFAULT_STATUS_SLUG } from "@/lib/vocabulary/defaults";
import { nextState, transitionError } from "@/lib/workflow/transitions";
import { reviewRefusal } from "@/lib/workflow/policy";
import { diffFields } from "@/lib/workflow/diff";
import { DeleteAnnotationSchema, ReviewDecisionSchema, SaveAnnotationSchema, SourceQuerySchema, SubmitAnnotationSchema, type DeleteAnnotationInput, type ReviewDecisionInput, type SaveAnnotationInput, type AnnotationFields } from "@/lib/validation/review";
import { ANNOTATION_CONTENT_INCLUDE, flatSnapshot, type FlatSnapshot } from "./snapshot";
import { editorsOf, recordCurrentRevision, recordRevision, REVISION_INCLUDE, revisionAt } from "./revisions";
import type { ConflictDetails } from "./types";
import type { SourceDTO, SourceKind, WorkflowState } from "@/lib/domain/types";
import { Prisma } from "../generated/prisma/client";
import { chainWarningsOf } from "../claims/chain-warnings";
import { ConsistencyNoteSchema, consistencyNoteRequiredMessage, unacknowledgedWarnings } from "@/lib/contracts/claims";
import { latestClusterVerdict } from "../claims/consistency";

export { DEFAULT_STATUS_SLUG };

export const PUBLISHED_DELETE_MESSAGE =
  "This annotation has an approved verdict readers have seen, so it cannot be deleted by one reviewer: request its removal with a reason, and a second reviewer confirms it.";
export const REMOVED_MESSAGE = "This annotation's verdict was withdrawn: it is kept so that its permalink can explain the removal, and cannot be changed.";

export const ORPHAN_APPROVAL_MESSAGE = "This statement is no longer in the article (a correction removed its text), so there is no span to approve it on.";

const withContent = { ...ANNOTATION_CONTENT_INCLUDE };

async function loadContent(tx: Tx, id: string) {
  return tx.annotation.findUniqueOrThrow({ where: { id }, include: withContent });
}

/** The refusal of a stale write: who changed the annotation since `baseVersion`, and what. */
export async function conflictFor(tx: Tx, annotationId: string, baseVersion: number | null): Promise<ConflictError> {
  const current = await loadContent(tx, annotationId);
  const now = flatSnapshot(current);
  const base = baseVersion === null ? null : await revisionAt(tx, annotationId, baseVersion);
  const editor = current.lastEditorId ? await tx.user.findUnique({ where: { id: current.lastEditorId }, select: { name: true } }) : null;
  const details: ConflictDetails = {
    currentVersion: current.version,
    changedBy: editor?.name ?? null,
    changes: diffFields(base, now),
  };
  const who = editor?.name ?? "Another reviewer";
  return new ConflictError(
    `${who} saved this annotation while you were editing it (you started from version ${baseVersion ?? "none"}, it is now version ${current.version}). Your edit was not saved. Review their changes below, then reapply your edit.`,
    details,
  );
}

/** New Sources for new hops; an existing Source is reused only when the hop still matches it exactly (and is not merged away). */
async function resolveChain(tx: Tx, chain: AnnotationFields["chain"]): Promise<{ sourceId: string; note: string | null }[]> {
  const ids = chain.map((h) => h.sourceId).filter((v): v is string => !!v);
  const existing = new Map((await tx.source.findMany({ where: { id: { in: ids }, mergedIntoId: null } })).map((s) => [s.id, s]));
  const out: { sourceId: string; note: string | null }[] = [];
  for (const hop of chain) {
    const s = hop.sourceId ? existing.get(hop.sourceId) : undefined;
    if (s && s.name === hop.name && s.kind === hop.kind && (s.url ?? null) === hop.url && (s.date ?? null) === hop.date) {
      out.push({ sourceId: s.id, note: hop.note });
    } else {
      const created = await tx.source.create({ data: { name: hop.name, kind: hop.kind, url: hop.url, date: hop.date } });
      out.push({ sourceId: created.id, note: hop.note });
    }
  }
  return out;
}

export interface SaveResult {
  annotationId: string;
  version: number;
  workflowState: WorkflowState;
  created: boolean;
}

/**
 * Reviewer: creates or edits the statement's annotation (the working copy). `baseVersion` is the version the
 * reviewer started from; a stale one is refused with the other person's changes. Saving gives a draft, or "in
 * review" with intent "submit"; an approved annotation keeps its approved snapshot (readers see it) until the new
 * revision is approved.
 */
export async function saveAnnotation(actor: Actor, input: SaveAnnotationInput): Promise<SaveResult> {
  const user = authorizePerson(actor, "edit");
  const data = SaveAnnotationSchema.parse(input);
  const f = data.fields;
  const action = data.intent === "submit" ? "save_and_submit" : "save_draft";
  return db.$transaction(async (tx) => {
    const statement = await tx.statement.findUnique({
      where: { id: data.statementId },
      select: { id: true, start: true, end: true, articleId: true, article: { select: { text: true } }, annotation: { select: { id: true, version: true, claimTypeId: true, statusId: true, workflowState: true, returnComment: true } } },
    });
    if (!statement) throw new NotFoundError("Statement");
    const existing = statement.annotation;
    if (existing && data.baseVersion === null) throw await conflictFor(tx, existing.id, null);
    if (!existing && data.baseVersion !== null) {
      throw new ConflictError("This annotation no longer exists: since you opened it, someone deleted it or moved it by splitting or merging statements. Your edit was not saved; it is still in the form. Copy what you need, then reload the workspace.");
    }

    const [claimType, status] = await Promise.all([
      tx.claimType.findUnique({ where: { slug: f.claimTypeSlug } }),
      tx.verificationStatus.findUnique({ where: { slug: f.statusSlug } }),
    ]);
    if (!claimType) throw new DomainRuleError("Choose a claim type from the list.", "claimTypeSlug");
    if (!status) throw new DomainRuleError("Choose a verification status from the list.", "statusSlug");
    if (claimType.retired && claimType.id !== existing?.claimTypeId) throw new DomainRuleError(`"${claimType.label}" is retired and cannot be chosen for new tags.`, "claimTypeSlug");
    if (status.retired && status.id !== existing?.statusId) throw new DomainRuleError(`"${status.label}" is retired and cannot be chosen for new tags.`, "statusSlug");

    const chain = await resolveChain(tx, f.chain);
    const quote = buildTextQuoteSelector(statement.article.text, statement.start, statement.end);
    const state = nextState((existing?.workflowState as WorkflowState) ?? null, action)!;
    const fields = {
      claimTypeId: claimType.id,
      statusId: status.id,
      attributionText: f.attributionText,
      speakerName: f.speakerName,
      speakerKind: f.speakerKind,
      speakerRole: f.speakerRole,
      claimDate: f.claimDate,
      rationale: f.rationale,
      workflowState: state,
      quoteExact: quote.exact,
      quotePrefix: quote.prefix,
      quoteSuffix: quote.suffix,
      positionStart: statement.start,
      positionEnd: statement.end,
      lastEditorId: user.id,
      ...(state === "in_review" ? { submittedAt: new Date(), returnComment: null } : {}),
    };

    let id: string;
    let before: FlatSnapshot | null = null;
    if (existing) {
      before = flatSnapshot(await loadContent(tx, existing.id));
      const updated = await tx.annotation.updateMany({ where: { id: existing.id, version: data.baseVersion! }, data: { ...fields, version: { increment: 1 } } });
      if (updated.count === 0) throw await conflictFor(tx, existing.id, data.baseVersion);
      await tx.provenanceHop.deleteMany({ where: { annotationId: existing.id } });
      await tx.evidenceLink.deleteMany({ where: { annotationId: existing.id } });
      id = existing.id;
    } else {
      const created = await tx.annotation.create({ data: { ...fields, statementId: statement.id, articleId: statement.articleId, authorId: user.id } });
      id = created.id;
    }
    if (chain.length) await tx.provenanceHop.createMany({ data: chain.map((h, position) => ({ annotationId: id, position, sourceId: h.sourceId, note: h.note })) });
    if (f.evidence.length) {
      await tx.evidenceLink.createMany({
        data: f.evidence.map((e, position) => ({ annotationId: id, position, url: e.url, title: e.title, stance: e.stance, archivedUrl: e.archivedUrl, note: e.note })),
      });
    }
    const afterRow = await tx.annotation.findUniqueOrThrow({ where: { id }, include: REVISION_INCLUDE });
    const after = flatSnapshot(afterRow);
    if (before) await writeAudit(tx, user, { action: "annotation.update", entityId: id, articleId: statement.articleId, data: { before, after } });
    else await writeAudit(tx, user, { action: "annotation.create", entityId: id, articleId: statement.articleId, data: { after } });
    if (state === "in_review") {
      await writeAudit(tx, user, { action: "annotation.submit", entityId: id, articleId: statement.articleId, data: { before: { workflowState: (before?.workflowState as WorkflowState | undefined) ?? "draft" }, after: { workflowState: "in_review", version: after.version } } });
    }
    await recordRevision(tx, user, afterRow, state === "in_review" ? "submitted" : existing ? "saved" : "created");
    return { annotationId: id, version: after.version, workflowState: state, created: !existing };
  });
}

/** Reviewer: a draft goes to review (version-checked, audited). */
export async function submitAnnotation(actor: Actor, input: { annotationId: string; version: number }): Promise<{ version: number }> {
  const user = authorizePerson(actor, "edit");
  const { annotationId, version } = SubmitAnnotationSchema.parse(input);
  return db.$transaction(async (tx) => {
    const a = await tx.annotation.findUnique({ where: { id: annotationId }, select: { workflowState: true, articleId: true, version: true, removedAt: true } });
    if (!a) throw new NotFoundError("Annotation");
    if (a.removedAt) throw new DomainRuleError(REMOVED_MESSAGE);
    if (a.version !== version) throw await conflictFor(tx, annotationId, version);
    const to = nextState(a.workflowState as WorkflowState, "submit");
    if (!to) throw new DomainRuleError(transitionError(a.workflowState as WorkflowState, "submit"));
    const updated = await tx.annotation.updateMany({ where: { id: annotationId, version }, data: { workflowState: to, submittedAt: new Date(), returnComment: null, lastEditorId: user.id, version: { increment: 1 } } });
    if (updated.count === 0) throw await conflictFor(tx, annotationId, version);
    await writeAudit(tx, user, { action: "annotation.submit", entityId: annotationId, articleId: a.articleId, data: { before: { workflowState: a.workflowState as WorkflowState }, after: { workflowState: to, version: version + 1 } } });
    await recordCurrentRevision(tx, user, annotationId, "submitted");
    return { version: version + 1 };
  });
}

/**
 * Reviewer: approve or return (with a required comment) an annotation in review. Refused for its author and for
 * anyone who edited the revision under review. Approval freezes the content readers see (approvedSnapshot) and the
 * span they see it on (approvedStart/approvedEnd).
 */
export async function reviewAnnotation(actor: Actor, input: ReviewDecisionInput): Promise<{ version: number; workflowState: WorkflowState }> {
  const user = authorizePerson(actor, "review");
  const data = ReviewDecisionSchema.parse(input);
  const result = await db.$transaction(async (tx) => {
    const a = await tx.annotation.findUnique({ where: { id: data.annotationId }, include: { ...REVISION_INCLUDE, article: { select: { slug: true, revision: true, outlet: true, publishedDate: true } } } });
    if (!a) throw new NotFoundError("Annotation");
    if (a.removedAt) throw new DomainRuleError(REMOVED_MESSAGE);
    const editors = (await editorsOf(tx, [a.id])).get(a.id)!;
    const refusal = reviewRefusal(user.id, a.authorId, editors, a.lastEditorId);
    if (refusal) throw new DomainRuleError(refusal);
    if (a.version !== data.version) throw await conflictFor(tx, a.id, data.version);
    const statement = a.statement;
    if (!statement && data.decision === "approve") throw new DomainRuleError(ORPHAN_APPROVAL_MESSAGE);
    const to = nextState(a.workflowState as WorkflowState, data.decision);
    if (!to) throw new DomainRuleError(transitionError(a.workflowState as WorkflowState, data.decision));
    // The approver must have ticked every chain warning (the server checks, not the checklist's disabled button).
    const warnings = data.decision === "approve" ? chainWarningsOf(a, a.article) : [];
    if (data.decision === "approve") {
      const missing = unacknowledgedWarnings(warnings, data.acknowledgedWarnings);
      if (missing.length) {
        throw new DomainRuleError(
          `This annotation has ${missing.length === 1 ? "a chain warning" : `${missing.length} chain warnings`} to acknowledge before approving: ${missing.map((w) => w.message).join(" ")}`,
          "acknowledgedWarnings",
        );
      }
    }
    // A verdict that differs from the claim cluster's most recent published one needs the approver's note.
    const clusterVerdict = data.decision === "approve" ? await latestClusterVerdict(tx, a.id) : null;
    const differs = clusterVerdict !== null && clusterVerdict.verdict.slug !== a.status.slug;
    let consistencyNote: string | null = null;
    if (data.decision === "approve" && differs) {
      const note = ConsistencyNoteSchema.safeParse(data.consistencyNote ?? "");
      if (!note.success) {
        const tooShort = (data.consistencyNote ?? "").length > 0 ? ` ${note.error.issues[0]!.message}` : "";
        throw new DomainRuleError(`${consistencyNoteRequiredMessage(clusterVerdict, a.status.label)}${tooShort}`, "consistencyNote");
      }
      consistencyNote = note.data;
    }
    const now = new Date();
    const extra =
      data.decision === "approve"
        ? {
            approverId: user.id,
            approvedAt: now,
            returnComment: null,
            approvedSnapshot: toAnnotationContent(a) as unknown as Prisma.InputJsonValue,
            approvedStatusSlug: a.status.slug,
            approvedTypeSlug: a.claimType.slug,
            // The span readers see is frozen too: a later split/merge moves only the working copy.
            approvedStart: statement!.start,
            approvedEnd: statement!.end,
            approvedQuote: a.quoteExact,
          }
        : { returnComment: data.comment };
    const updated = await tx.annotation.updateMany({ where: { id: a.id, version: data.version }, data: { workflowState: to, ...extra, version: { increment: 1 } } });
    if (updated.count === 0) throw await conflictFor(tx, a.id, data.version);
    const before = { workflowState: a.workflowState as WorkflowState, approvedStatusSlug: a.approvedStatusSlug };
    if (data.decision === "approve") {
      await writeAudit(tx, user, {
        action: "annotation.approve",
        entityId: a.id,
        articleId: a.articleId,
        data: { before, after: {
            workflowState: to,
            version: data.version + 1,
            approvedStatusSlug: a.status.slug,
            approvedTypeSlug: a.claimType.slug,
            ...(warnings.length ? { chainWarningsAcknowledged: warnings.map((w) => ({ code: w.code, field: w.field, message: w.message })) } : {}),
            ...(differs && consistencyNote
              ? { consistency: { clusterAnnotationId: clusterVerdict.annotationId, clusterVerdictSlug: clusterVerdict.verdict.slug, note: consistencyNote } }
              : {}),
          },
        },
        comment: data.comment,
      });
    } else {
      await writeAudit(tx, user, { action: "annotation.return", entityId: a.id, articleId: a.articleId, data: { before, after: { workflowState: to, version: data.version + 1 } }, comment: data.comment });
    }
    // The revision's comment is the approval note readers of the history see: the consistency note goes with it.
    const revisionComment = consistencyNote && clusterVerdict
      ? [data.comment, `Differs from the earlier verdict “${clusterVerdict.verdict.label}” (${clusterVerdict.article.title}): ${consistencyNote}`].filter(Boolean).join("\n\n")
      : data.comment;
    await recordRevision(tx, user, { ...a, version: data.version + 1, workflowState: to }, data.decision === "approve" ? "approved" : "returned", revisionComment);
    return { version: data.version + 1, workflowState: to, slug: a.article.slug };
  });
  if (result.workflowState === "approved") invalidateArticle(result.slug);
  return { version: result.version, workflowState: result.workflowState };
}

/**
 * Reviewer or admin: deletes an annotation that was never approved (its hops and evidence go with it; its Sources
 * stay). Only after an explicit confirmation, version-checked, audited with the full before snapshot in the same
 * transaction. An annotation with an approved verdict is refused: its removal takes two reviewers (./removal.ts).
 */
export async function deleteAnnotation(actor: Actor, input: DeleteAnnotationInput): Promise<{ articleId: string; statementId: string | null }> {
  const user = authorizePerson(actor, "delete_annotation");
  const data = DeleteAnnotationSchema.parse(input);
  return db.$transaction(async (tx) => {
    const a = await tx.annotation.findUnique({ where: { id: data.annotationId }, include: withContent });
    if (!a) throw new NotFoundError("Annotation");
    if (a.removedAt) throw new DomainRuleError(REMOVED_MESSAGE);
    // A verdict readers have seen is withdrawn by two reviewers (removal.ts), never deleted by one.
    if (a.approvedSnapshot !== null) throw new DomainRuleError(PUBLISHED_DELETE_MESSAGE);
    if (a.version !== data.version) throw await conflictFor(tx, a.id, data.version);
    const before = {
      ...flatSnapshot(a),
      span: `${a.positionStart}–${a.positionEnd}`,
      quote: a.quoteExact,
      // The content readers saw (JSON, as stored), so the audit log keeps what was withdrawn from them.
      approvedSnapshot: a.approvedSnapshot,
      approvedAt: a.approvedAt?.toISOString() ?? null,
    };
    const deleted = await tx.annotation.deleteMany({ where: { id: a.id, version: data.version } });
    if (deleted.count === 0) throw await conflictFor(tx, a.id, data.version);
    await writeAudit(tx, user, { action: "annotation.delete", entityId: a.id, articleId: a.articleId, data: { before } });
    return { articleId: a.articleId, statementId: a.statementId };
  });
}

/** Reviewer: known Sources whose name contains the query (speaker and hop autocomplete), at most 10. */
export async function searchSources(actor: Actor, query: string): Promise<SourceDTO[]> {
  authorize(actor, "edit");
  const q = SourceQuerySchema.parse(query);
  if (q.length < 1) return [];
  const rows = await db.source.findMany({
    where: { name: { contains: q }, mergedIntoId: null },
    orderBy: [{ name: "asc" }, { createdAt: "desc" }],
    take: 40,
    select: { id: true, name: true, kind: true, url: true, date: true },
  });
  const seen = new Set<string>();
  const out: SourceDTO[] = [];
  for (const r of rows) {
    const key = `${r.name}|${r.kind}|${r.url ?? ""}|${r.date ?? ""}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...r, kind: r.kind as SourceKind });
    if (out.length >= 10) break;
  }
  return out;
}

