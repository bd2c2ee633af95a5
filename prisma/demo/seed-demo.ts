import fs from "node:fs";
import path from "node:path";
import bcrypt from "bcryptjs";
import type { Prisma, PrismaClient } from "../../lib/server/generated/prisma/client";
import { prepareArticle, mergeStatementRanges } from "../../lib/import/prepare-article";
import { resolveKeySpan } from "../../lib/text";
import { buildTextQuoteSelector } from "../../lib/anchoring/selectors";
import { toAnnotationContent } from "../../lib/domain/annotation-content";
import { ARTICLE_META, EVIDENCE, KEY_ENTRIES, SOURCES } from "./baltic-key";

export const DEMO_ACCOUNTS = [
  { email: "admin@example.com", name: "Ada Admin", role: "admin", password: "provenance-admin" },
  { email: "reviewer@example.com", name: "Rita Reviewer", role: "reviewer", password: "provenance-reviewer" },
  { email: "reviewer2@example.com", name: "Sam Second", role: "reviewer", password: "provenance-reviewer" },
] as const;

export const DEMO_ARTICLE_FILE = path.join(__dirname, "baltic-ottawa-withdrawal.txt");

/** A value for a jsonb column. */
const json = (v: unknown) => v as Prisma.InputJsonValue;

/**
 * The demo: three accounts and the worked example, imported through the pipeline, its 18 key statements
 * annotated, approved and published. Runs only on a database without users (the caller checks), in one transaction.
 */
export async function seedDemo(db: PrismaClient, opts: { passwordCost?: number } = {}): Promise<{ slug: string; annotations: number }> {
  const raw = fs.readFileSync(DEMO_ARTICLE_FILE, "utf8");
  const prepared = prepareArticle(raw, { language: ARTICLE_META.language });

  // Resolve every key span first: fail loudly, before writing anything, if one does not resolve to exactly one place.
  const keySpans = KEY_ENTRIES.map((entry) => {
    try {
      return { entry, range: resolveKeySpan(prepared.text, entry.quote) };
    } catch (error) {
      throw new Error(`Demo key statement #${entry.n} does not resolve: ${(error as Error).message}`);
    }
  });
  const statements = mergeStatementRanges(
    keySpans.map((k) => k.range),
    prepared.statements,
  );

  const cost = opts.passwordCost ?? 12;
  const passwordHashes = await Promise.all(DEMO_ACCOUNTS.map((a) => bcrypt.hash(a.password, cost)));

  return db.$transaction(
    async (tx) => {
      const users: Record<string, { id: string; email: string }> = {};
      for (const [i, account] of DEMO_ACCOUNTS.entries()) {
        const user = await tx.user.create({
          data: { email: account.email, name: account.name, role: account.role, passwordHash: passwordHashes[i] },
        });
        users[account.email] = user;
        await tx.auditEvent.create({
          data: {
            actorLabel: "system",
            action: "user.create",
            entityType: "user",
            entityId: user.id,
            after: json({ email: user.email, name: user.name, role: user.role }),
            comment: "Demo account",
          },
        });
      }
      const author = users["reviewer@example.com"];
      const approver = users["reviewer2@example.com"];

      // A plausible order of events: annotated, submitted, then approved and published.
      const publishedAt = new Date();
      const annotatedAt = new Date(publishedAt.getTime() - 2 * 60 * 60 * 1000);
      const submittedAt = new Date(publishedAt.getTime() - 60 * 60 * 1000);
      const article = await tx.article.create({
        data: {
          slug: prepared.slugBase,
          title: prepared.title,
          outlet: ARTICLE_META.outlet,
          byline: ARTICLE_META.byline,
          originalUrl: ARTICLE_META.originalUrl,
          publishedDate: ARTICLE_META.publishedDate,
          language: ARTICLE_META.language,
          text: prepared.text,
          emphasis: json(prepared.emphasis),
          contentHash: prepared.contentHash,
          state: "published",
          publishedAt,
          createdById: author.id,
        },
      });
      await tx.auditEvent.createMany({
        data: [
          { actorId: author.id, actorLabel: author.email, action: "article.import", entityType: "article", entityId: article.id, articleId: article.id, after: json({ title: article.title, contentHash: article.contentHash, statements: statements.length }) },
          { actorId: approver.id, actorLabel: approver.email, action: "article.publish", entityType: "article", entityId: article.id, articleId: article.id, before: json({ state: "draft" }), after: json({ state: "published" }) },
        ],
      });

      const manual = new Set(keySpans.map((k) => k.range.start));
      const statementIds = new Map<number, string>();
      for (const range of statements) {
        const st = await tx.statement.create({
          data: { articleId: article.id, start: range.start, end: range.end, origin: manual.has(range.start) ? "manual" : "proposed" },
        });
        statementIds.set(range.start, st.id);
      }

      const claimTypes = new Map((await tx.claimType.findMany()).map((t) => [t.slug, t]));
      const statuses = new Map((await tx.verificationStatus.findMany()).map((s) => [s.slug, s]));
      const sourceIds = new Map<string, string>();
      for (const s of SOURCES) {
        const created = await tx.source.create({ data: { name: s.name, kind: s.kind, url: s.url, date: s.date } });
        sourceIds.set(s.key, created.id);
      }
      const evidenceByRef = new Map(EVIDENCE.map((e) => [e.ref, e]));

      for (const { entry, range } of keySpans) {
        const claimType = claimTypes.get(entry.claimType);
        const status = statuses.get(entry.status);
        if (!claimType || !status) throw new Error(`Demo key #${entry.n}: unknown claim type or status`);
        const quote = buildTextQuoteSelector(prepared.text, range.start, range.end);
        const created = await tx.annotation.create({
          data: {
            statementId: statementIds.get(range.start)!,
            articleId: article.id,
            claimTypeId: claimType.id,
            statusId: status.id,
            attributionText: entry.attributionText,
            speakerName: entry.speakerName,
            speakerKind: entry.speakerKind,
            speakerRole: entry.speakerRole,
            claimDate: entry.claimDate,
            rationale: entry.rationale,
            workflowState: "approved",
            quoteExact: quote.exact,
            quotePrefix: quote.prefix,
            quoteSuffix: quote.suffix,
            positionStart: range.start,
            positionEnd: range.end,
            authorId: author.id,
            lastEditorId: author.id,
            createdAt: annotatedAt,
            submittedAt,
            approverId: approver.id,
            approvedAt: publishedAt,
            chain: {
              create: entry.chain.map((key, position) => ({ position, sourceId: sourceIds.get(key)!, note: position === 0 ? entry.chainNote ?? null : null })),
            },
            evidence: {
              create: entry.evidence.map((ev, position) => {
                const e = evidenceByRef.get(ev.ref);
                if (!e) throw new Error(`Demo key #${entry.n}: unknown evidence ${ev.ref}`);
                return { position, url: e.url, title: e.title, stance: ev.stance, archivedUrl: null, note: ev.note ?? e.note };
              }),
            },
          },
          include: { claimType: true, status: true, chain: { include: { source: true } }, evidence: true },
        });
        const content = toAnnotationContent(created);
        await tx.annotation.update({
          where: { id: created.id },
          data: { approvedSnapshot: json(content), approvedStatusSlug: status.slug, approvedTypeSlug: claimType.slug, approvedStart: range.start, approvedEnd: range.end },
        });
        await tx.auditEvent.createMany({
          data: [
            { actorId: author.id, actorLabel: author.email, action: "annotation.create", entityType: "annotation", entityId: created.id, articleId: article.id, after: json(content) },
            { actorId: author.id, actorLabel: author.email, action: "annotation.submit", entityType: "annotation", entityId: created.id, articleId: article.id, before: json({ workflowState: "draft" }), after: json({ workflowState: "in_review" }) },
            { actorId: approver.id, actorLabel: approver.email, action: "annotation.approve", entityType: "annotation", entityId: created.id, articleId: article.id, before: json({ workflowState: "in_review" }), after: json({ workflowState: "approved" }) },
          ],
        });
      }
      return { slug: article.slug, annotations: keySpans.length };
    },
    { timeout: 60_000 },
  );
}
