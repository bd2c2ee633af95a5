import "server-only";
import crypto from "node:crypto";
import { db } from "../db";
import { writeAudit } from "../audit";
import type { Actor } from "../actors";
import { authorize, authorizePerson } from "../authorize";
import { invalidateArticle } from "../cache";
import { ConflictError, DomainRuleError, NotFoundError } from "../errors";
import { mergeStatementRanges, type PreparedArticle } from "@/lib/import/prepare-article";
import { textChunks } from "@/lib/import/text-chunks";
import { prepareImportOffThread } from "../import-runner";
import { ArticleStateChangeSchema, ImportArticleSchema, MAX_TITLE_LENGTH, NO_APPROVED_ANNOTATIONS_MESSAGE, type ArticleStateChangeInput, type ImportArticleInput } from "@/lib/validation/review";
import type { ImportPreviewDTO } from "./types";
import { Prisma } from "../generated/prisma/client";
import { findDuplicateArticles } from "../claims/duplicates";
import { findCheckedBefore } from "../claims/checked-before";
import { DUPLICATE_IMPORT_MESSAGE } from "@/lib/contracts/claims";

/** How many proposed statements the import preview sends to the page; the rest are counted, not listed. */
export const PREVIEW_STATEMENT_LIMIT = 500;
/** Characters of each listed statement the preview sends (a text without sentence breaks is one huge statement). */
const PREVIEW_STATEMENT_CHARS = 1_000;

export interface PrepareOptions {
  /** The text already prepared off the event loop (the action converting an uploaded file prepares it in the same pass). */
  prepared?: PreparedArticle;
}

async function prepare(input: ImportArticleInput, options: PrepareOptions) {
  const data = ImportArticleSchema.parse(input);
  let prepared = options.prepared;
  if (!prepared) {
    const result = await prepareImportOffThread({ text: data.text, title: data.title || undefined, language: data.language });
    if (!result.ok) throw new DomainRuleError(result.message, "text");
    prepared = result.prepared;
  }
  if (!prepared.title) throw new DomainRuleError("Give the article a title (the text has no first line to take it from).", "title");
  if (prepared.title.length > MAX_TITLE_LENGTH) throw new DomainRuleError(`Title must be at most ${MAX_TITLE_LENGTH} characters.`, "title");
  if (prepared.text.trim() === "") throw new DomainRuleError("The article text is empty (only a title was found).", "text");
  if (prepared.statements.length === 0) throw new DomainRuleError("No statements were found in the text.", "text");
  return { data, prepared };
}

/** Reviewer: the statements the pipeline proposes for this text, without saving anything. */
export async function previewImport(actor: Actor, input: ImportArticleInput, options: PrepareOptions = {}): Promise<ImportPreviewDTO> {
  authorize(actor, "edit");
  const { data, prepared } = await prepare(input, options);
  const [duplicates, checkedBefore] = await Promise.all([
    findDuplicateArticles(db, prepared.contentHash, data.originalUrl),
    // findCheckedBefore bounds its own work (the first statements only, each cut short).
    findCheckedBefore(prepared.statements.map((s) => prepared.text.slice(s.start, s.end))),
  ]);
  return {
    duplicates,
    checkedBefore,
    title: prepared.title,
    slugBase: prepared.slugBase,
    characters: prepared.text.length,
    words: prepared.text.split(/\s+/).filter(Boolean).length,
    statementCount: prepared.statements.length,
    statements: prepared.statements.slice(0, PREVIEW_STATEMENT_LIMIT).map((s) => ({
      start: s.start,
      end: s.end,
      text: s.end - s.start > PREVIEW_STATEMENT_CHARS ? `${prepared.text.slice(s.start, s.start + PREVIEW_STATEMENT_CHARS)}…` : prepared.text.slice(s.start, s.end),
    })),
  };
}

/** A fresh row id for raw inserts: "c" and 24 hex digits, the length and alphabet of Prisma's cuid(). */
function newRowId(): string {
  return `c${crypto.randomBytes(12).toString("hex")}`;
}

/** Characters of the article text per query at import, and statements per query (see importArticle). */
const TEXT_CHUNK = 64 * 1024;
const STATEMENT_CHUNK = 4_000;

/** A slug not yet taken: base, base-2, base-3, … (one query). */
async function uniqueSlug(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], base: string): Promise<string> {
  const root = base || "article";
  const taken = new Set(
    (await tx.article.findMany({ where: { slug: { startsWith: root } }, select: { slug: true } })).map((a) => a.slug),
  );
  if (!taken.has(root)) return root;
  for (let n = 2; ; n++) if (!taken.has(`${root}-${n}`)) return `${root}-${n}`;
}

export interface ImportOptions extends PrepareOptions {
  /** Spans (offsets into the prepared text) that must be statements of their own, e.g. the demo's key statements. */
  markedSpans?: { start: number; end: number }[];
  /** The reviewer saw the duplicate warning and wants a second copy anyway. */
  confirmDuplicate?: boolean;
}

/** Reviewer: imports an article as a draft with its proposed statements; audited in the same transaction. */
export async function importArticle(actor: Actor, input: ImportArticleInput, options: ImportOptions = {}): Promise<{ id: string; slug: string; statements: number }> {
  const user = authorizePerson(actor, "edit");
  const { data, prepared } = await prepare(input, options);
  const markedSpans = options.markedSpans ?? [];
  for (const span of markedSpans) {
    if (!(span.start >= 0 && span.end > span.start && span.end <= prepared.text.length)) throw new DomainRuleError("A marked statement lies outside the article text.");
  }
  // Marked spans are statements as given; the pipeline's proposals fill the text around them.
  const statements = markedSpans.length ? mergeStatementRanges(markedSpans, prepared.statements) : prepared.statements;
  const manual = new Set(markedSpans.map((s) => s.start));
  return db.$transaction(async (tx) => {
    if (!options.confirmDuplicate) {
      const duplicates = await findDuplicateArticles(tx, prepared.contentHash, data.originalUrl);
      if (duplicates.length) throw new DomainRuleError(`${DUPLICATE_IMPORT_MESSAGE} Already on the desk: ${duplicates.map((d) => `“${d.title}”`).join(", ")}.`, "confirmDuplicate");
    }
    const slug = await uniqueSlug(tx, prepared.slugBase);
    // Raw SQL, the 2 MB text in pieces: every query's parameters pass through Prisma's query compiler (copied into
    // its WebAssembly memory and back), about 130 ms of the event loop at once for the whole text, and Prisma's
    // createMany converts 15,000 statements row by row. In pieces of TEXT_CHUNK characters, each query holds the
    // event loop for a few ms; PostgreSQL joins the text and makes the statement rows (ids like Prisma's cuid()).
    const article = { id: newRowId(), title: prepared.title, outlet: data.outlet ?? null, contentHash: prepared.contentHash };
    await tx.$executeRaw`CREATE TEMPORARY TABLE import_text (n int PRIMARY KEY, part text NOT NULL) ON COMMIT DROP`;
    const parts = textChunks(prepared.text, TEXT_CHUNK);
    for (const [n, part] of parts.entries()) await tx.$executeRaw`INSERT INTO import_text (n, part) VALUES (${n}, ${part})`;
    await tx.$executeRaw`
      INSERT INTO "Article" (id, slug, title, outlet, byline, "originalUrl", "publishedDate", language, text, emphasis, "contentHash", state, "createdById", "updatedAt")
      SELECT ${article.id}, ${slug}, ${article.title}, ${article.outlet}, ${data.byline ?? null}, ${data.originalUrl ?? null}, ${data.publishedDate ?? null}, ${data.language},
             (SELECT string_agg(part, '' ORDER BY n) FROM import_text), ${JSON.stringify(prepared.emphasis)}::jsonb, ${article.contentHash}, 'draft', ${user.id}, now()`;
    for (let first = 0; first < statements.length; first += STATEMENT_CHUNK) {
      const batch = statements.slice(first, first + STATEMENT_CHUNK);
      await tx.$executeRaw`
        INSERT INTO "Statement" (id, "articleId", start, "end", origin)
        SELECT 'c' || substr(replace(gen_random_uuid()::text, '-', ''), 1, 24), ${article.id}, t.start, t."end",
               CASE WHEN t.start = ANY(${[...manual]}::int[]) THEN 'manual' ELSE 'proposed' END
        FROM unnest(string_to_array(${batch.map((s) => s.start).join(",")}, ',')::int[], string_to_array(${batch.map((s) => s.end).join(",")}, ',')::int[]) AS t(start, "end")`;
    }
    await writeAudit(tx, user, {
      action: "article.import",
      entityId: article.id,
      articleId: article.id,
      data: { after: { title: article.title, slug, outlet: article.outlet, contentHash: article.contentHash, statements: statements.length, state: "draft" } },
    });
    return { id: article.id, slug, statements: statements.length };
  });
}

/**
 * Reviewer or admin: publish or unpublish (audited; optimistic concurrency on the article's version). Publishing an
 * article none of whose annotations has an approved version (readers would see no sourced statement) is refused
 * unless `confirmNoApproved` is set.
 */
export async function setArticlePublished(actor: Actor, input: ArticleStateChangeInput): Promise<{ slug: string; state: "draft" | "published"; version: number }> {
  const user = authorizePerson(actor, "publish");
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
    if (publish) await writeAudit(tx, user, { action: "article.publish", entityId: articleId, articleId, data: { before: { state: article.state }, after: { state: "published", approvedAnnotations: approved } } });
    else await writeAudit(tx, user, { action: "article.unpublish", entityId: articleId, articleId, data: { before: { state: article.state }, after: { state: "draft" } } });
    return { slug: article.slug, state: target as "draft" | "published", version: version + 1 };
  });
  invalidateArticle(result.slug);
  return result;
}
