import "server-only";
import { createHash } from "node:crypto";
import { db, type Tx } from "../db";
import { writeAudit } from "../audit";
import type { Actor } from "../actors";
import { authorizePerson } from "../authorize";
import { invalidateArticle } from "../cache";
import { ConflictError, DomainRuleError, NotFoundError } from "../errors";
import { buildTextQuoteSelector } from "@/lib/anchoring";
import { planCorrection, spanOf, type CorrectionPlan, type PlanStatement } from "@/lib/corrections/plan";
import { CorrectionConfirmSchema, CorrectionPreviewSchema, type CorrectionConfirmInput, type CorrectionPreviewInput, type CorrectionPreviewDTO } from "@/lib/corrections/contracts";
import { prepareImportOffThread } from "../import-runner";
import type { PreparedArticle } from "@/lib/import/prepare-article";
import type { WorkflowState } from "@/lib/domain/types";
import { Prisma } from "../generated/prisma/client";
import { recordRevision, REVISION_INCLUDE } from "./revisions";

/*
 * Corrections of an article's text: a reviewer submits the corrected text (paste or file, through the import
 * pipeline), previews what happens to every annotation, and confirms. The confirm applies exactly the plan the
 * preview showed, and is refused when the article (its text, statements or annotations) changed in between.
 */

/** Offsets are shifted out of the way while statements are rewritten, so (articleId, start) stays unique throughout. */
const PARKING_OFFSET = 1_000_000_000;

async function loadArticleForCorrection(tx: Pick<Tx, "article">, articleId: string) {
  const article = await tx.article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      slug: true,
      title: true,
      text: true,
      contentHash: true,
      revision: true,
      emphasis: true,
      createdAt: true,
      createdById: true,
      statements: {
        orderBy: { start: "asc" },
        select: {
          id: true,
          start: true,
          end: true,
          annotation: {
            select: {
              id: true,
              version: true,
              quoteExact: true,
              quotePrefix: true,
              quoteSuffix: true,
              positionStart: true,
              positionEnd: true,
              approvedStart: true,
              approvedEnd: true,
              approvedSnapshot: true,
              workflowState: true,
              claimType: { select: { label: true } },
              status: { select: { label: true } },
              approvedStatusSlug: true,
            },
          },
        },
      },
    },
  });
  if (!article) throw new NotFoundError("Article");
  return article;
}
type LoadedArticle = Awaited<ReturnType<typeof loadArticleForCorrection>>;

/** What the preview saw: the text, the statements and every annotation's version. A confirm must see the same. */
function fingerprintOf(article: LoadedArticle): string {
  const h = createHash("sha256");
  h.update(`${article.revision}|${article.contentHash}`);
  for (const s of article.statements) h.update(`|${s.id}:${s.start}-${s.end}:${s.annotation ? `${s.annotation.id}@${s.annotation.version}` : ""}`);
  return h.digest("hex").slice(0, 32);
}

async function prepareCorrectedText(article: Pick<LoadedArticle, "title" | "contentHash">, input: { text: string; file?: { name: string; bytes: Uint8Array } }): Promise<{ raw: string; prepared: PreparedArticle }> {
  // The article's title is given, so the text's first line is body text (a repeated headline is still dropped).
  const result = await prepareImportOffThread({ text: input.text, file: input.file, title: article.title });
  if (!result.ok) throw new DomainRuleError(result.message.replace("Nothing was imported.", "Nothing was changed."), result.field);
  const { prepared } = result;
  if (prepared.text.trim() === "") throw new DomainRuleError("The corrected text is empty.", "text");
  if (prepared.contentHash === article.contentHash) throw new DomainRuleError("This is the article's current text: there is nothing to correct.", "text");
  return { raw: result.text, prepared };
}

function planFor(article: LoadedArticle, prepared: PreparedArticle): CorrectionPlan {
  const statements: PlanStatement[] = article.statements.map((s) => ({
    id: s.id,
    start: s.start,
    end: s.end,
    annotation: s.annotation
      ? {
          id: s.annotation.id,
          exact: s.annotation.quoteExact,
          prefix: s.annotation.quotePrefix,
          suffix: s.annotation.quoteSuffix,
          start: s.annotation.positionStart,
          end: s.annotation.positionEnd,
          approved: s.annotation.approvedStart !== null && s.annotation.approvedEnd !== null ? { start: s.annotation.approvedStart, end: s.annotation.approvedEnd } : null,
        }
      : null,
  }));
  return planCorrection(article.text, prepared.text, statements, prepared.statements);
}

/** Reviewer: what a correction would do to every annotation and statement. Nothing is saved. */
export async function previewCorrection(actor: Actor, input: CorrectionPreviewInput): Promise<CorrectionPreviewDTO> {
  authorizePerson(actor, "edit");
  const data = CorrectionPreviewSchema.parse(input);
  const article = await loadArticleForCorrection(db, data.articleId);
  const { raw, prepared } = await prepareCorrectedText(article, data);
  const plan = planFor(article, prepared);
  const byId = new Map(article.statements.flatMap((s) => (s.annotation ? [[s.annotation.id, s.annotation] as const] : [])));
  return {
    articleId: article.id,
    slug: article.slug,
    title: article.title,
    fromRevision: article.revision,
    fromHash: article.contentHash,
    toHash: prepared.contentHash,
    fingerprint: fingerprintOf(article),
    text: raw,
    outcomes: plan.annotations.map((p) => {
      const a = byId.get(p.annotationId)!;
      return {
        annotationId: p.annotationId,
        kind: p.outcome.kind,
        oldQuote: p.oldQuote,
        newQuote: p.outcome.kind === "orphaned" ? null : prepared.text.slice(p.outcome.start, p.outcome.end),
        diff: p.outcome.kind === "changed" ? p.outcome.diff : null,
        score: p.outcome.kind === "changed" ? p.outcome.score : null,
        claimType: a.claimType.label,
        status: a.status.label,
        workflowState: a.workflowState as WorkflowState,
        published: a.approvedSnapshot !== null,
      };
    }),
    newStatements: plan.proposedStatements.map((s) => ({ start: s.start, end: s.end, text: prepared.text.slice(s.start, s.end) })),
    counts: plan.counts,
  };
}

export const STALE_PREVIEW_MESSAGE =
  "The article changed since your preview (someone corrected its text, or changed its statements or annotations). Nothing was saved. Preview the correction again to see what it does now.";

/**
 * Reviewer: applies a previewed correction in one transaction: version n+1 of the text, every statement and
 * annotation re-anchored (working and approved spans), changed annotations back in review with the submitter as an
 * editor of that revision, orphans detached from the text, new statements proposed, audit events, revision rows.
 */
export async function confirmCorrection(actor: Actor, input: CorrectionConfirmInput): Promise<{ slug: string; revision: number; counts: CorrectionPlan["counts"] }> {
  const user = authorizePerson(actor, "edit");
  const data = CorrectionConfirmSchema.parse(input);
  // Prepared before the transaction takes its lock: off the event loop, it can take seconds for a long text.
  const titled = await db.article.findUnique({ where: { id: data.articleId }, select: { title: true, contentHash: true } });
  if (!titled) throw new NotFoundError("Article");
  const { prepared } = await prepareCorrectedText(titled, { text: data.text });
  const result = await db.$transaction(async (tx) => {
    // Take the article's row lock first, so two confirms of the same preview are serialised (the second is stale).
    const locked = await tx.article.updateMany({ where: { id: data.articleId, revision: data.fromRevision, contentHash: data.fromHash }, data: { version: { increment: 1 } } });
    if (locked.count === 0) {
      if (!(await tx.article.findUnique({ where: { id: data.articleId }, select: { id: true } }))) throw new NotFoundError("Article");
      throw new ConflictError(STALE_PREVIEW_MESSAGE);
    }
    const article = await loadArticleForCorrection(tx, data.articleId);
    if (fingerprintOf(article) !== data.fingerprint || article.title !== titled.title) throw new ConflictError(STALE_PREVIEW_MESSAGE);
    if (prepared.contentHash !== data.toHash) throw new ConflictError(STALE_PREVIEW_MESSAGE);
    const plan = planFor(article, prepared);
    const now = new Date();
    const newRevision = article.revision + 1;

    // The text: version n is kept as it was (created here if the article predates versions), n+1 becomes current.
    await tx.articleVersion.upsert({
      where: { articleId_revision: { articleId: article.id, revision: article.revision } },
      create: {
        articleId: article.id,
        revision: article.revision,
        text: article.text,
        contentHash: article.contentHash,
        emphasis: article.emphasis as Prisma.InputJsonValue,
        createdAt: article.createdAt,
        createdById: article.createdById,
        replacedAt: now,
      },
      update: { replacedAt: now },
    });
    await tx.articleVersion.create({
      data: {
        articleId: article.id,
        revision: newRevision,
        text: prepared.text,
        contentHash: prepared.contentHash,
        emphasis: prepared.emphasis as unknown as Prisma.InputJsonValue,
        reason: data.reason,
        createdAt: now,
        createdById: user.id,
      },
    });
    await tx.article.update({
      where: { id: article.id },
      data: { text: prepared.text, contentHash: prepared.contentHash, emphasis: prepared.emphasis as unknown as Prisma.InputJsonValue, revision: newRevision },
    });

    // Statements: park every offset, drop what did not survive, then write the new places.
    await tx.$executeRaw`UPDATE "Statement" SET "start" = "start" + ${PARKING_OFFSET}, "end" = "end" + ${PARKING_OFFSET} WHERE "articleId" = ${article.id}`;
    const keptIds = new Set([...plan.keptStatements.map((s) => s.id), ...plan.annotations.filter((p) => p.outcome.kind !== "orphaned").map((p) => p.statementId)]);
    const orphanIds = plan.annotations.filter((p) => p.outcome.kind === "orphaned").map((p) => p.annotationId);
    if (orphanIds.length > 0) await tx.annotation.updateMany({ where: { id: { in: orphanIds } }, data: { statementId: null, anchorState: "orphaned" } });
    await tx.statement.deleteMany({ where: { articleId: article.id, id: { notIn: [...keptIds] } } });
    for (const s of plan.keptStatements) await tx.statement.update({ where: { id: s.id }, data: { start: s.start, end: s.end } });
    for (const p of plan.annotations) {
      const span = spanOf(p.outcome);
      if (span) await tx.statement.update({ where: { id: p.statementId }, data: { start: span.start, end: span.end } });
    }
    if (plan.proposedStatements.length) {
      await tx.statement.createMany({ data: plan.proposedStatements.map((s) => ({ articleId: article.id, start: s.start, end: s.end, origin: "proposed" })) });
    }

    // Annotations, one outcome each.
    const loaded = new Map(article.statements.flatMap((s) => (s.annotation ? [[s.annotation.id, { ...s.annotation, statementStart: s.start, statementEnd: s.end }] as const] : [])));
    for (const p of plan.annotations) {
      const a = loaded.get(p.annotationId)!;
      const was = a.workflowState as WorkflowState;
      const outcome = p.outcome;
      const published = a.approvedSnapshot !== null;
      if (outcome.kind === "unchanged") {
        const quote = buildTextQuoteSelector(prepared.text, outcome.start, outcome.end);
        await tx.annotation.update({ where: { id: a.id }, data: { quotePrefix: quote.prefix, quoteSuffix: quote.suffix, ...(published && p.approved ? { approvedStart: p.approved.start, approvedEnd: p.approved.end } : {}) } });
        continue;
      }
      let workflowState = was;
      let comment: string;
      if (outcome.kind === "orphaned") {
        await tx.annotation.update({ where: { id: a.id }, data: { wordingChangedAt: now, previousQuote: a.quoteExact, lastEditorId: user.id, version: { increment: 1 } } });
        comment = `Article corrected (revision ${newRevision}): this statement is no longer in the article.`;
      } else {
        const quote = buildTextQuoteSelector(prepared.text, outcome.start, outcome.end);
        // A changed claim never keeps its verdict silently: it goes back to review (a draft stays a draft).
        if (outcome.kind === "changed" && was !== "draft") workflowState = "in_review";
        await tx.annotation.update({
          where: { id: a.id },
          data: {
            quoteExact: quote.exact,
            quotePrefix: quote.prefix,
            quoteSuffix: quote.suffix,
            positionStart: outcome.start,
            positionEnd: outcome.end,
            ...(published && p.approved ? { approvedStart: p.approved.start, approvedEnd: p.approved.end } : {}),
            ...(outcome.kind === "changed" ? { wordingChangedAt: now, previousQuote: a.quoteExact, workflowState, lastEditorId: user.id } : {}),
            ...(outcome.kind === "changed" && workflowState === "in_review" ? { submittedAt: now, returnComment: null } : {}),
            version: { increment: 1 },
          },
        });
        comment =
          outcome.kind === "moved"
            ? `Article corrected (revision ${newRevision}): the statement moved, its wording is the same.`
            : `Article corrected (revision ${newRevision}): the statement's wording changed; a second reviewer must confirm the annotation on the new wording.`;
      }
      const row = await tx.annotation.findUniqueOrThrow({ where: { id: a.id }, include: REVISION_INCLUDE });
      // An orphan's revision row keeps the span it last had, on the revision it had it.
      const source = outcome.kind === "orphaned" ? { ...row, statement: { start: a.statementStart, end: a.statementEnd }, article: { revision: article.revision } } : row;
      await recordRevision(tx, user, source, "moved", comment);
      await writeAudit(tx, user, {
        action: "annotation.reanchor",
        entityId: a.id,
        articleId: article.id,
        data: {
          before: { span: `${a.statementStart}–${a.statementEnd}`, quote: a.quoteExact, workflowState: was, articleRevision: article.revision },
          after: {
            outcome: outcome.kind,
            span: outcome.kind === "orphaned" ? null : `${outcome.start}–${outcome.end}`,
            quote: outcome.kind === "orphaned" ? null : prepared.text.slice(outcome.start, outcome.end),
            workflowState,
            articleRevision: newRevision,
          },
        },
        comment,
      });
    }

    const { unchanged, moved, changed, orphaned } = plan.counts;
    await writeAudit(tx, user, {
      action: "article.correct",
      entityId: article.id,
      articleId: article.id,
      data: {
        before: { revision: article.revision, contentHash: article.contentHash },
        after: { revision: newRevision, contentHash: prepared.contentHash, reason: data.reason, outcomes: { unchanged, moved, changed, orphaned }, proposedStatements: plan.proposedStatements.length },
      },
      comment: data.reason,
    });
    return { slug: article.slug, revision: newRevision, counts: plan.counts };
  });
  invalidateArticle(result.slug);
  return result;
}

/** Reviewer: the article as the correction form needs it. */
export async function getCorrectionTarget(actor: Actor, articleId: string): Promise<{ id: string; title: string; slug: string; revision: number; text: string; state: string }> {
  authorizePerson(actor, "edit");
  const article = await db.article.findUnique({ where: { id: articleId }, select: { id: true, title: true, slug: true, revision: true, text: true, state: true } });
  if (!article) throw new NotFoundError("Article");
  return article;
}
