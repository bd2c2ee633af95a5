import "server-only";
import { db } from "../db";
import { writeAudit } from "../audit";
import { requireReviewer } from "../session";
import { invalidateArticle } from "../cache";
import { ConflictError, DomainRuleError, NotFoundError } from "../errors";
import { prepareArticle } from "@/lib/import/prepare-article";
import { ArticleStateChangeSchema, ImportArticleSchema, MAX_TITLE_LENGTH, NO_APPROVED_ANNOTATIONS_MESSAGE, type ArticleStateChangeInput, type ImportArticleInput } from "@/lib/validation/review";
import type { ImportPreviewDTO } from "./types";
import { Prisma } from "../generated/prisma/client";

function prepare(input: ImportArticleInput) {
  const data = ImportArticleSchema.parse(input);
  const prepared = prepareArticle(data.text, { title: data.title || undefined, language: data.language });
  if (!prepared.title) throw new DomainRuleError("Give the article a title (the text has no first line to take it from).", "title");
  if (prepared.title.length > MAX_TITLE_LENGTH) throw new DomainRuleError(`Title must be at most ${MAX_TITLE_LENGTH} characters.`, "title");
  if (prepared.text.trim() === "") throw new DomainRuleError("The article text is empty (only a title was found).", "text");
  if (prepared.statements.length === 0) throw new DomainRuleError("No statements were found in the text.", "text");
  return { data, prepared };
}

/** Reviewer: the statements the pipeline proposes for this text, without saving anything. */
export async function previewImport(input: ImportArticleInput): Promise<ImportPreviewDTO> {
  await requireReviewer();
  const { prepared } = prepare(input);
  return {
    title: prepared.title,
    text: prepared.text,
    slugBase: prepared.slugBase,
    characters: prepared.text.length,
    words: prepared.text.split(/\s+/).filter(Boolean).length,
    statements: prepared.statements.map((s) => ({ start: s.start, end: s.end, text: prepared.text.slice(s.start, s.end) })),
  };
}

/** A slug not yet taken: base, base-2, base-3, … (one query). */
async function uniqueSlug(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], base: string): Promise<string> {
  const root = base || "article";
  const taken = new Set(
    (await tx.article.findMany({ where: { slug: { startsWith: root } }, select: { slug: true } })).map((a) => a.slug),
  );
  if (!taken.has(root)) return root;
  for (let n = 2; ; n++) if (!taken.has(`${root}-${n}`)) return `${root}-${n}`;
}

/** Reviewer: imports an article as a draft with its proposed statements; audited in the same transaction. */
export async function importArticle(input: ImportArticleInput): Promise<{ id: string; slug: string; statements: number }> {
  const user = await requireReviewer();
  const { data, prepared } = prepare(input);
  return db.$transaction(async (tx) => {
    const slug = await uniqueSlug(tx, prepared.slugBase);
    const article = await tx.article.create({
      data: {
        slug,
        title: prepared.title,
        outlet: data.outlet,
        byline: data.byline,
        originalUrl: data.originalUrl,
        publishedDate: data.publishedDate,
        language: data.language,
        text: prepared.text,
        emphasis: prepared.emphasis as unknown as Prisma.InputJsonValue,
        contentHash: prepared.contentHash,
        state: "draft",
        createdById: user.id,
      },
    });
    await tx.statement.createMany({
      data: prepared.statements.map((s) => ({ articleId: article.id, start: s.start, end: s.end, origin: "proposed" })),
    });
    await writeAudit(tx, {
      actor: user,
      action: "article.import",
      entityType: "article",
      entityId: article.id,
      articleId: article.id,
      after: { title: article.title, slug, outlet: article.outlet, contentHash: article.contentHash, statements: prepared.statements.length, state: "draft" },
    });
    return { id: article.id, slug, statements: prepared.statements.length };
  });
}

/**
 * Reviewer or admin: publish or unpublish (audited; optimistic concurrency on the article's version). Publishing an
 * article none of whose annotations has an approved version (readers would see no sourced statement) is refused
 * unless `confirmNoApproved` is set.
 */
export async function setArticlePublished(input: ArticleStateChangeInput): Promise<{ slug: string; state: "draft" | "published"; version: number }> {
  const user = await requireReviewer();
  const { articleId, version, publish, confirmNoApproved } = ArticleStateChangeSchema.parse(input);
  const result = await db.$transaction(async (tx) => {
    const article = await tx.article.findUnique({ where: { id: articleId }, select: { id: true, slug: true, state: true, version: true } });
    if (!article) throw new NotFoundError("Article");
    const target = publish ? "published" : "draft";
    if (article.state === target) throw new DomainRuleError(publish ? "The article is already published." : "The article is not published.");
    const approved = publish ? await tx.annotation.count({ where: { articleId, approvedSnapshot: { not: Prisma.DbNull } } }) : null;
    if (approved === 0 && !confirmNoApproved) throw new DomainRuleError(NO_APPROVED_ANNOTATIONS_MESSAGE, "confirmNoApproved");
    const updated = await tx.article.updateMany({
      where: { id: articleId, version },
      data: { state: target, publishedAt: publish ? new Date() : null, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new ConflictError("Someone else changed this article's state in the meantime. The page now shows its current state; try again if still needed.");
    await writeAudit(tx, {
      actor: user,
      action: publish ? "article.publish" : "article.unpublish",
      entityType: "article",
      entityId: articleId,
      articleId,
      before: { state: article.state },
      after: publish ? { state: target, approvedAnnotations: approved } : { state: target },
    });
    return { slug: article.slug, state: target as "draft" | "published", version: version + 1 };
  });
  invalidateArticle(result.slug);
  return result;
}
