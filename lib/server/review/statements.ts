import "server-only";
import { db, type Tx } from "../db";
import { writeAudit } from "../audit";
import type { Actor, UserActor } from "../actors";
import { authorizePerson } from "../authorize";
import { recordCurrentRevision } from "./revisions";
import { DomainRuleError, NotFoundError } from "../errors";
import { buildTextQuoteSelector } from "@/lib/anchoring";
import { trimRange } from "@/lib/text/ranges";
import { MergeStatementsSchema, SelectSpanSchema, SplitStatementSchema } from "@/lib/validation/review";
import { ANNOTATION_CONTENT_INCLUDE, flatSnapshot } from "./snapshot";

const preview = (text: string, start: number, end: number) => {
  const t = text.slice(start, end).replace(/\s+/g, " ");
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
};

/**
 * Moves an annotation's span (new statement or new bounds): selectors follow, version bumps, audited. This changes
 * only the working copy: an approved annotation goes back to draft (a pending revision that a second reviewer must
 * approve), and readers keep its approved span (approvedStart/approvedEnd) and content until then.
 */
async function moveAnnotation(tx: Tx, user: UserActor, annotationId: string, text: string, to: { statementId: string; start: number; end: number }, why: string) {
  const row = await tx.annotation.findUniqueOrThrow({ where: { id: annotationId }, include: ANNOTATION_CONTENT_INCLUDE });
  const before = flatSnapshot(row);
  const quote = buildTextQuoteSelector(text, to.start, to.end);
  const workflowState = row.workflowState === "approved" ? "draft" : row.workflowState;
  await tx.annotation.update({
    where: { id: annotationId },
    data: { statementId: to.statementId, quoteExact: quote.exact, quotePrefix: quote.prefix, quoteSuffix: quote.suffix, positionStart: to.start, positionEnd: to.end, workflowState, lastEditorId: user.id, version: { increment: 1 } },
  });
  const comment = row.approvedSnapshot !== null ? `${why} Readers keep the approved version until this change is approved.` : why;
  await writeAudit(tx, user, {
    action: "annotation.move",
    entityId: annotationId,
    articleId: row.articleId,
    data: {
      before: { ...before, span: `${row.positionStart}–${row.positionEnd}` },
      after: { ...before, workflowState, version: before.version + 1, span: `${to.start}–${to.end}`, quote: quote.exact },
    },
    comment,
  });
  await recordCurrentRevision(tx, user, annotationId, "moved", comment);
}

/**
 * Reviewer: splits a statement at `at` into two. A statement with an annotation is split only with `confirmed`, and
 * the annotation goes to the part named by `keep`. Moving an approved annotation starts a pending revision (see
 * moveAnnotation), so the reader's cache is left alone.
 */
export async function splitStatement(actor: Actor, input: { statementId: string; at: number; keep?: "first" | "second"; confirmed?: boolean }) {
  const user = authorizePerson(actor, "edit");
  const data = SplitStatementSchema.parse(input);
  return db.$transaction(async (tx) => {
    const st = await tx.statement.findUnique({ where: { id: data.statementId }, include: { article: { select: { id: true, text: true } }, annotation: { select: { id: true } } } });
    if (!st) throw new NotFoundError("Statement");
    const text = st.article.text;
    if (data.at <= st.start || data.at >= st.end) throw new DomainRuleError("The split point must be inside the statement.", "at");
    const first = trimRange(text, st.start, data.at);
    const second = trimRange(text, data.at, st.end);
    if (first.end <= first.start || second.end <= second.start) throw new DomainRuleError("Both parts must contain text: choose another split point.", "at");
    if (st.annotation && !data.confirmed) {
      throw new DomainRuleError(`This statement has an annotation. Confirm the split: the annotation will stay with the ${data.keep} part.`);
    }
    await tx.statement.update({ where: { id: st.id }, data: { start: first.start, end: first.end, origin: "manual" } });
    const created = await tx.statement.create({ data: { articleId: st.articleId, start: second.start, end: second.end, origin: "manual" } });
    await writeAudit(tx, user, {
      action: "statement.split",
      entityId: st.id,
      articleId: st.articleId,
      data: {
        before: { span: `${st.start}–${st.end}` },
        after: { span: `${first.start}–${first.end} + ${second.start}–${second.end}`, newStatementId: created.id, annotationGoesTo: st.annotation ? data.keep : null },
      },
    });
    if (st.annotation) {
      const target = data.keep === "first" ? { statementId: st.id, ...first } : { statementId: created.id, ...second };
      await moveAnnotation(tx, user, st.annotation.id, text, target, `Statement split; the annotation stays with the ${data.keep} part “${preview(text, target.start, target.end)}”.`);
    }
    // No reader cache to expire: readers keep the approved span until the moved annotation is approved again.
    return { firstId: st.id, secondId: created.id };
  });
}

/**
 * Reviewer: merges two neighbouring statements. Refused when both carry annotations (one annotation per
 * statement); when one does, only with `confirmed`, and the annotation then covers the merged statement.
 */
export async function mergeStatements(actor: Actor, input: { firstId: string; secondId: string; confirmed?: boolean }) {
  const user = authorizePerson(actor, "edit");
  const data = MergeStatementsSchema.parse(input);
  return db.$transaction(async (tx) => {
    const both = await tx.statement.findMany({
      where: { id: { in: [data.firstId, data.secondId] } },
      include: { annotation: { select: { id: true } }, article: { select: { text: true } } },
    });
    if (both.length !== 2) throw new NotFoundError("Statement");
    const [a, b] = both.sort((x, y) => x.start - y.start);
    if (a.articleId !== b.articleId) throw new DomainRuleError("Only statements of the same article can be merged.");
    const between = await tx.statement.count({ where: { articleId: a.articleId, start: { gte: a.end, lt: b.start } } });
    if (between > 0) throw new DomainRuleError("Only neighbouring statements can be merged.");
    if (a.annotation && b.annotation) throw new DomainRuleError("Both statements carry an annotation, and a statement can carry only one. Delete one of the two annotations first (open that statement, “Delete annotation…”), then merge.");
    const annotated = a.annotation ?? b.annotation;
    if (annotated && !data.confirmed) throw new DomainRuleError("One of the statements has an annotation. Confirm the merge: the annotation will cover the merged statement.");
    const text = a.article.text;
    if (b.annotation) {
      // Free the second statement's annotation first (it moves to the first statement, which keeps its id).
      await tx.statement.update({ where: { id: a.id }, data: { end: b.end, origin: "manual" } });
      await moveAnnotation(tx, user, b.annotation.id, text, { statementId: a.id, start: a.start, end: b.end }, `Statements merged; the annotation now covers “${preview(text, a.start, b.end)}”.`);
      await tx.statement.delete({ where: { id: b.id } });
    } else {
      await tx.statement.delete({ where: { id: b.id } });
      await tx.statement.update({ where: { id: a.id }, data: { end: b.end, origin: "manual" } });
      if (a.annotation) {
        await moveAnnotation(tx, user, a.annotation.id, text, { statementId: a.id, start: a.start, end: b.end }, `Statements merged; the annotation now covers “${preview(text, a.start, b.end)}”.`);
      }
    }
    await writeAudit(tx, user, {
      action: "statement.merge",
      entityId: a.id,
      articleId: a.articleId,
      data: { before: { span: `${a.start}–${a.end} + ${b.start}–${b.end}` }, after: { span: `${a.start}–${b.end}`, removedStatementId: b.id } },
    });
    // No reader cache to expire: readers keep the approved span until the moved annotation is approved again.
    return { id: a.id };
  });
}

/**
 * Reviewer: makes a hand-selected span a statement. Unannotated statements it overlaps are trimmed to what lies
 * outside it (or removed); overlapping an annotated statement is refused, so no annotation ever changes silently.
 */
export async function selectSpan(actor: Actor, input: { articleId: string; start: number; end: number }): Promise<{ id: string }> {
  const user = authorizePerson(actor, "edit");
  const data = SelectSpanSchema.parse(input);
  return db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: data.articleId }, select: { id: true, text: true } });
    if (!article) throw new NotFoundError("Article");
    if (data.end > article.text.length) throw new DomainRuleError("The selection is outside the article text.");
    const span = trimRange(article.text, data.start, data.end);
    if (span.end <= span.start) throw new DomainRuleError("Select some text first (the selection is only whitespace).");
    const overlapping = await tx.statement.findMany({
      where: { articleId: article.id, start: { lt: span.end }, end: { gt: span.start } },
      include: { annotation: { select: { id: true } } },
      orderBy: { start: "asc" },
    });
    const exact = overlapping.find((s) => s.start === span.start && s.end === span.end);
    if (exact) return { id: exact.id };
    const blocked = overlapping.filter((s) => s.annotation);
    if (blocked.length) {
      throw new DomainRuleError(
        `The selection overlaps ${blocked.length === 1 ? "a statement that carries" : `${blocked.length} statements that carry`} an annotation (“${preview(article.text, blocked[0].start, blocked[0].end)}”). Statements never overlap: select text outside it, or split that statement first.`,
      );
    }
    const leftovers: { start: number; end: number }[] = [];
    for (const s of overlapping) {
      if (s.start < span.start) leftovers.push(trimRange(article.text, s.start, span.start));
      if (s.end > span.end) leftovers.push(trimRange(article.text, span.end, s.end));
    }
    if (overlapping.length) await tx.statement.deleteMany({ where: { id: { in: overlapping.map((s) => s.id) } } });
    const kept = leftovers.filter((r) => r.end > r.start);
    if (kept.length) await tx.statement.createMany({ data: kept.map((r) => ({ articleId: article.id, start: r.start, end: r.end, origin: "proposed" })) });
    const created = await tx.statement.create({ data: { articleId: article.id, start: span.start, end: span.end, origin: "manual" } });
    await writeAudit(tx, user, {
      action: "statement.select",
      entityId: created.id,
      articleId: article.id,
      data: { before: { spans: overlapping.map((s) => `${s.start}–${s.end}`) }, after: { span: `${span.start}–${span.end}`, trimmed: kept.map((r) => `${r.start}–${r.end}`) } },
    });
    return { id: created.id };
  });
}
