import "server-only";
import { db } from "../db";
import type { Actor } from "../actors";
import { authorizePerson } from "../authorize";
import { NotFoundError } from "../errors";
import { loadVocabulary } from "../vocabulary";
import { diffFields } from "@/lib/workflow/diff";
import { readAuditEvent } from "@/lib/contracts/audit-events";
import { reviewRefusal, secondReviewerRefusal } from "@/lib/workflow/policy";
import { editorsOf } from "./revisions";
import { ACTION_LABELS, ANNOTATION_CONTENT_INCLUDE, contentKey, flatFromContent, flatSnapshot, formValues, parseJson } from "./snapshot";
import { articleMeta, type AnnotationContentDTO, type TextRange, type WorkflowState } from "@/lib/domain/types";
import type { HistoryEntryDTO, PendingRemovalDTO, SelectedAnnotationDTO, WorkspaceDTO, WorkspaceOrphanDTO, WorkspaceStatementDTO } from "./types";

function pendingRemovalOf(
  a: { removalRequestedById: string | null; removalRequestedAt: Date | null; removalReason: string | null; removalRequestedBy: { name: string } | null },
  userId: string,
): PendingRemovalDTO | null {
  if (!a.removalRequestedById) return null;
  return {
    requestedBy: a.removalRequestedBy?.name ?? "A reviewer",
    requestedAt: (a.removalRequestedAt ?? new Date(0)).toISOString(),
    reason: a.removalReason ?? "",
    confirmRefusal: secondReviewerRefusal(userId, a.removalRequestedById, "removal"),
  };
}

const PENDING_REMOVAL_SELECT = { removalRequestedById: true, removalRequestedAt: true, removalReason: true, removalRequestedBy: { select: { name: true } } } as const;

/**
 * Reviewer: one article with all its statements and their annotations' summaries (a fixed number of queries,
 * whatever the article's size), plus the full annotation and history of the selected statement.
 */
export async function getWorkspace(actor: Actor, articleId: string, selectedStatementId?: string | null): Promise<WorkspaceDTO> {
  const user = authorizePerson(actor, "edit");
  const article = await db.article.findUnique({
    where: { id: articleId },
    select: { id: true, slug: true, title: true, outlet: true, byline: true, originalUrl: true, publishedDate: true, language: true, state: true, version: true, text: true, emphasis: true, publishedAt: true },
  });
  if (!article) throw new NotFoundError("Article");
  const [rows, vocabulary, orphanRows] = await Promise.all([
    loadStatementRows(articleId),
    loadVocabulary(),
    db.annotation.findMany({
      where: { articleId, statementId: null, anchorState: "orphaned", removedAt: null },
      orderBy: [{ wordingChangedAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        version: true,
        quoteExact: true,
        previousQuote: true,
        workflowState: true,
        approvedAt: true,
        claimType: { select: { label: true } },
        status: { select: { label: true } },
        reattachRequestedById: true,
        reattachRequestedAt: true,
        reattachRequestedBy: { select: { name: true } },
        reattachStatement: { select: { id: true, start: true, end: true } },
        ...PENDING_REMOVAL_SELECT,
      },
    }),
  ]);
  const byState: Record<WorkflowState, number> = { draft: 0, in_review: 0, approved: 0 };
  const statements: WorkspaceStatementDTO[] = rows.map((r) => {
    if (r.annotationId) byState[r.workflowState as WorkflowState]++;
    return {
      id: r.id,
      start: r.start,
      end: r.end,
      origin: r.origin,
      annotation: r.annotationId
        ? {
            id: r.annotationId,
            workflowState: r.workflowState as WorkflowState,
            claimTypeSlug: r.claimTypeSlug!,
            claimTypeShort: r.claimTypeShort!,
            statusSlug: r.statusSlug!,
            statusLabel: r.statusLabel!,
            statusColor: r.statusColor!,
            hasApprovedVersion: r.approved,
            pendingRemoval: r.removalRequested,
          }
        : null,
    };
  });
  const orphans: WorkspaceOrphanDTO[] = orphanRows.map((o) => ({
    id: o.id,
    version: o.version,
    quote: o.previousQuote ?? o.quoteExact,
    workflowState: o.workflowState as WorkflowState,
    hasApprovedVersion: o.approvedAt !== null,
    statusLabel: o.status.label,
    claimTypeLabel: o.claimType.label,
    pendingReattach: o.reattachRequestedById
      ? {
          requestedBy: o.reattachRequestedBy?.name ?? "A reviewer",
          requestedAt: (o.reattachRequestedAt ?? new Date(0)).toISOString(),
          confirmRefusal: secondReviewerRefusal(user.id, o.reattachRequestedById, "re-attachment"),
          statementId: o.reattachStatement?.id ?? null,
          quote: o.reattachStatement ? article.text.slice(o.reattachStatement.start, o.reattachStatement.end) : null,
        }
      : null,
    pendingRemoval: pendingRemovalOf(o, user.id),
  }));

  let selected: WorkspaceDTO["selected"] = null;
  const statement = selectedStatementId ? statements.find((s) => s.id === selectedStatementId) : undefined;
  if (statement) {
    selected = { statement, text: article.text.slice(statement.start, statement.end), annotation: statement.annotation ? await loadSelected(statement.annotation.id, user.id) : null };
  }

  return {
    article: {
      ...articleMeta(article),
      state: article.state as "draft" | "published",
      version: article.version,
      text: article.text,
      emphasis: parseJson<TextRange[]>(article.emphasis) ?? [],
      publishedAt: article.publishedAt?.toISOString() ?? null,
    },
    statements,
    orphans,
    claimTypes: vocabulary.claimTypes,
    statuses: vocabulary.statuses,
    selected,
    progress: { statements: statements.length, annotated: byState.draft + byState.in_review + byState.approved, byState },
    currentUser: { id: user.id, name: user.name },
  };
}

interface StatementRow {
  id: string;
  start: number;
  end: number;
  origin: string;
  annotationId: string | null;
  workflowState: string | null;
  approved: boolean;
  removalRequested: boolean;
  claimTypeSlug: string | null;
  claimTypeShort: string | null;
  statusSlug: string | null;
  statusLabel: string | null;
  statusColor: string | null;
}

/**
 * Every statement of the article with its annotation's summary, in text order: one flat query. A 2 MB article has
 * 15,000 statements, and Prisma's nested findMany spent about 0.3 s of the event loop building them.
 */
function loadStatementRows(articleId: string): Promise<StatementRow[]> {
  return db.$queryRaw<StatementRow[]>`
    SELECT s.id, s.start, s."end", s.origin, a.id AS "annotationId", a."workflowState", (a."approvedAt" IS NOT NULL) AS approved, (a."removalRequestedById" IS NOT NULL) AS "removalRequested",
           t.slug AS "claimTypeSlug", t."shortLabel" AS "claimTypeShort", v.slug AS "statusSlug", v.label AS "statusLabel", v.color AS "statusColor"
    FROM "Statement" s
    LEFT JOIN "Annotation" a ON a."statementId" = s.id
    LEFT JOIN "ClaimType" t ON t.id = a."claimTypeId"
    LEFT JOIN "VerificationStatus" v ON v.id = a."statusId"
    WHERE s."articleId" = ${articleId}
    ORDER BY s.start`;
}

async function loadSelected(annotationId: string, userId: string): Promise<SelectedAnnotationDTO> {
  const [a, events, editors] = await Promise.all([
    db.annotation.findUniqueOrThrow({
      where: { id: annotationId },
      include: {
        ...ANNOTATION_CONTENT_INCLUDE,
        author: { select: { id: true, name: true } },
        lastEditor: { select: { id: true, name: true } },
        approver: { select: { id: true, name: true } },
        removalRequestedBy: { select: { name: true } },
      },
    }),
    db.auditEvent.findMany({
      where: { entityType: "annotation", entityId: annotationId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: 200,
      select: { id: true, createdAt: true, actorLabel: true, actor: { select: { name: true } }, action: true, before: true, after: true, comment: true },
    }),
    editorsOf(db, [annotationId]),
  ]);
  const flat = flatSnapshot(a);
  const approved = parseJson<AnnotationContentDTO>(a.approvedSnapshot);
  const approvedFlat = approved ? flatFromContent(approved, "approved", 0) : null;
  const history: HistoryEntryDTO[] = events.map((e) => {
    const recognised = readAuditEvent(e) !== null;
    return {
      id: e.id,
      at: e.createdAt.toISOString(),
      actor: e.actor?.name ? `${e.actor.name} (${e.actorLabel})` : e.actorLabel,
      action: e.action,
      actionLabel: ACTION_LABELS[e.action] ?? e.action,
      comment: e.comment,
      changes: recognised ? diffFields(parseJson(e.before), parseJson(e.after)) : [],
      recognised,
    };
  });
  return {
    id: a.id,
    version: a.version,
    workflowState: a.workflowState as WorkflowState,
    values: formValues(a),
    author: a.author,
    lastEditor: a.lastEditor,
    approver: a.approver,
    approvedAt: a.approvedAt?.toISOString() ?? null,
    hasApprovedVersion: approved !== null,
    pendingRevision: approved !== null && (a.workflowState !== "approved" || contentKey(approvedFlat ?? { ...flat, rationale: "\u0000unreadable" }) !== contentKey(flat)),
    returnComment: a.returnComment,
    pendingRemoval: pendingRemovalOf(a, userId),
    reviewRefusal: reviewRefusal(userId, a.authorId, editors.get(a.id) ?? new Set(), a.lastEditorId),
    history,
  };
}
