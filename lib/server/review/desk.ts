import "server-only";
import { db } from "../db";
import type { Actor } from "../actors";
import { authorizePerson } from "../authorize";
import { editorsOf } from "./revisions";
import type { ArticleProgressDTO, DeskDTO, DeskItemDTO } from "./types";
import type { WorkflowState } from "@/lib/domain/types";
import { Prisma } from "../generated/prisma/client";

const ITEM_SELECT = {
  id: true,
  statementId: true,
  articleId: true,
  quoteExact: true,
  workflowState: true,
  returnComment: true,
  updatedAt: true,
  approvedAt: true,
  authorId: true,
  lastEditorId: true,
  article: { select: { title: true } },
  claimType: { select: { label: true } },
  status: { select: { label: true } },
  author: { select: { name: true } },
  lastEditor: { select: { name: true } },
  approver: { select: { name: true } },
} as const;

type ItemRow = {
  id: string;
  statementId: string | null;
  articleId: string;
  quoteExact: string;
  workflowState: string;
  returnComment: string | null;
  updatedAt: Date;
  approvedAt: Date | null;
  article: { title: string };
  claimType: { label: string };
  status: { label: string };
  author: { name: string };
  lastEditor: { name: string } | null;
  approver: { name: string } | null;
};

/** Orphaned annotations (their text left the article in a correction) have no statement to open: not on the desk. */
function items(rows: ItemRow[]): DeskItemDTO[] {
  return rows.filter((r): r is ItemRow & { statementId: string } => r.statementId !== null).map(item);
}

function item(r: ItemRow & { statementId: string }): DeskItemDTO {
  const quote = r.quoteExact.replace(/\s+/g, " ");
  return {
    annotationId: r.id,
    statementId: r.statementId,
    articleId: r.articleId,
    articleTitle: r.article.title,
    quote: quote.length > 160 ? `${quote.slice(0, 157)}…` : quote,
    claimType: r.claimType.label,
    status: r.status.label,
    workflowState: r.workflowState as WorkflowState,
    author: r.author.name,
    lastEditor: r.lastEditor?.name ?? null,
    approver: r.approver?.name ?? null,
    returnComment: r.returnComment,
    updatedAt: r.updatedAt.toISOString(),
    approvedAt: r.approvedAt?.toISOString() ?? null,
  };
}

/** Reviewer: the desk — my drafts, waiting for my review, returned to me, recently approved, articles' progress. */
export async function getDesk(actor: Actor): Promise<DeskDTO> {
  const user = authorizePerson(actor, "edit");
  const mine = { OR: [{ authorId: user.id }, { lastEditorId: user.id }] };
  const [drafts, returned, inReview, approved, articles] = await Promise.all([
    db.annotation.findMany({ where: { workflowState: "draft", returnComment: null, ...mine }, orderBy: { updatedAt: "desc" }, take: 50, select: ITEM_SELECT }),
    db.annotation.findMany({ where: { workflowState: "draft", returnComment: { not: null }, ...mine }, orderBy: { updatedAt: "desc" }, take: 50, select: ITEM_SELECT }),
    db.annotation.findMany({ where: { workflowState: "in_review", authorId: { not: user.id } }, orderBy: { submittedAt: "asc" }, take: 200, select: ITEM_SELECT }),
    db.annotation.findMany({ where: { workflowState: "approved" }, orderBy: { approvedAt: "desc" }, take: 10, select: ITEM_SELECT }),
    db.article.findMany({
      orderBy: { updatedAt: "desc" },
      take: 200,
      select: { id: true, slug: true, title: true, outlet: true, state: true, updatedAt: true },
    }),
  ]);
  // Counts for the listed articles only (a count over every article costs what the whole table costs).
  const listed = { articleId: { in: articles.map((a) => a.id) } };
  const [statementCounts, counts, pending] = await Promise.all([
    db.statement.groupBy({ by: ["articleId"], where: listed, _count: { _all: true } }),
    db.annotation.groupBy({ by: ["articleId", "workflowState"], where: listed, _count: { _all: true } }),
    db.annotation.groupBy({ by: ["articleId"], where: { ...listed, approvedSnapshot: { not: Prisma.DbNull }, workflowState: { not: "approved" } }, _count: { _all: true } }),
  ]);
  const statementsBy = new Map(statementCounts.map((c) => [c.articleId, c._count._all]));
  const editors = await editorsOf(db, inReview.map((a) => a.id));
  const waiting = inReview.filter((a) => a.lastEditorId !== user.id && !editors.get(a.id)?.has(user.id));

  const byArticle = new Map<string, Record<WorkflowState, number>>();
  for (const c of counts) {
    const rec = byArticle.get(c.articleId) ?? { draft: 0, in_review: 0, approved: 0 };
    rec[c.workflowState as WorkflowState] = c._count._all;
    byArticle.set(c.articleId, rec);
  }
  const pendingBy = new Map(pending.map((p) => [p.articleId, p._count._all]));
  const progress: ArticleProgressDTO[] = articles.map((a) => {
    const byState = byArticle.get(a.id) ?? { draft: 0, in_review: 0, approved: 0 };
    return {
      id: a.id,
      slug: a.slug,
      title: a.title,
      outlet: a.outlet,
      state: a.state as "draft" | "published",
      statements: statementsBy.get(a.id) ?? 0,
      annotated: byState.draft + byState.in_review + byState.approved,
      byState,
      pendingRevisions: pendingBy.get(a.id) ?? 0,
      updatedAt: a.updatedAt.toISOString(),
    };
  });
  return {
    myDrafts: items(drafts),
    waitingForMe: items(waiting).slice(0, 50),
    returnedToMe: items(returned),
    recentlyApproved: items(approved),
    articles: progress,
  };
}
