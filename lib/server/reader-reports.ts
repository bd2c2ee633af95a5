import "server-only";
import crypto from "node:crypto";
import { unstable_cache } from "next/cache";
import { db, type Tx } from "./db";
import { systemActor, type Actor } from "./actors";
import { authorize, authorizePerson } from "./authorize";
import { writeAudit } from "./audit";
import { ConflictError, DomainRuleError, NotFoundError } from "./errors";
import { hit } from "./rate-limit";
import { READER_REPORTS_TAG, invalidateArticle, invalidateReaderReports } from "./cache";
import { isPlausibleId, isPlausibleSlug } from "./reader";
import { RATE_LIMITS } from "@/lib/security/rate-limits";
import { isClosed, triageTransition } from "@/lib/reports/triage";
import {
  EMAIL_RETENTION_DAYS,
  REPORTS_PAGE_SIZE,
  ReaderReportInputSchema,
  TriageInputSchema,
  type FollowedReportDTO,
  type QueuedReportDTO,
  type ReaderReportInput,
  type ReaderReportReason,
  type ReaderReportState,
  type ReaderReportStats,
  type TriageInput,
} from "@/lib/contracts/reader-reports";

/*
 * Reader error reports. Anyone may report a problem with a published annotation; reviewers triage the reports; the
 * reporter follows theirs through a private link. The follow token is shown once and only its SHA-256 is stored. A
 * reporter's email is for reviewers only: no public page, API or CSV reads this table's email column, and it is
 * erased EMAIL_RETENTION_DAYS after the report is closed (purgeReporterEmails).
 */

const DAY_MS = 86_400_000;
/** Who erases expired emails: the retention rule, run by the system after every new report and every triage. */
const RETENTION_ACTOR = () => systemActor(`email retention: ${EMAIL_RETENTION_DAYS} days after a report is closed`);
const FOLLOW_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export type CreateReportResult =
  | { kind: "created"; token: string }
  /** The honeypot was filled in: nothing is stored, and the caller answers as if it had been. */
  | { kind: "discarded" }
  | { kind: "rate_limited"; message: string; retryAfterSeconds: number };

function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** The published annotation a reader may report, or null (an id that names no published annotation). */
async function findReportable(tx: Pick<Tx, "annotation">, annotationId: string) {
  if (!isPlausibleId(annotationId)) return null;
  return tx.annotation.findFirst({
    where: { id: annotationId, approvedAt: { not: null }, article: { state: "published" } },
    select: { id: true, articleId: true, approvedQuote: true, quoteExact: true, article: { select: { slug: true, title: true } } },
  });
}

/** Public: what the report form shows about the annotation, or null when `annotationId` is not published in `slug`. */
export async function getReportableAnnotation(actor: Actor, slug: string, annotationId: string): Promise<{ id: string; quote: string; slug: string; title: string } | null> {
  authorize(actor, "report_problem");
  if (!isPlausibleSlug(slug)) return null;
  const found = await findReportable(db, annotationId);
  if (!found || found.article.slug !== slug) return null;
  return { id: found.id, quote: found.approvedQuote ?? found.quoteExact, slug: found.article.slug, title: found.article.title };
}

function rateLimitMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  const { limit, windowMs } = RATE_LIMITS.readerReportPerAddress;
  return `You have sent ${limit} reports in the last ${Math.round(windowMs / 60_000)} minutes, the most we accept from one address. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}; your text is still in the form.`;
}

/**
 * A reader's report. Validated (zod), then counted against the per-address limit, then — unless the honeypot was
 * filled in — stored with its audit event in one transaction. Throws ZodError for bad input and NotFoundError for an
 * annotation that is not published.
 */
export async function createReaderReport(actor: Actor, raw: ReaderReportInput, context: { clientAddress: string; now?: Date }): Promise<CreateReportResult> {
  authorize(actor, "report_problem");
  const input = ReaderReportInputSchema.parse(raw);
  const budget = await hit(RATE_LIMITS.readerReportPerAddress, context.clientAddress, context.now);
  if (!budget.allowed) return { kind: "rate_limited", message: rateLimitMessage(budget.retryAfterSeconds), retryAfterSeconds: budget.retryAfterSeconds };
  if (input.website.trim() !== "") return { kind: "discarded" };

  const token = crypto.randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    const annotation = await findReportable(tx, input.annotationId);
    if (!annotation) throw new NotFoundError("Published annotation");
    const earlierSourceUrl = input.earlierSourceUrl || null;
    const report = await tx.readerReport.create({
      data: {
        annotationId: annotation.id,
        articleId: annotation.articleId,
        quote: annotation.approvedQuote ?? annotation.quoteExact,
        reason: input.reason,
        earlierSourceUrl,
        message: input.message,
        email: input.email || null,
        followTokenHash: hashToken(token),
        ...(context.now ? { createdAt: context.now } : {}),
      },
      select: { id: true },
    });
    await writeAudit(tx, actor, {
      action: "reader_report.create",
      entityId: report.id,
      articleId: annotation.articleId,
      data: { after: { annotationId: annotation.id, reason: input.reason, state: "new", hasEmail: input.email !== "", earlierSourceUrl } },
    });
  });
  await purgeReporterEmails(RETENTION_ACTOR(), context.now);
  invalidateReaderReports();
  return { kind: "created", token };
}

/** The reporter's view of their report, by the token of their private link; null for any other token. */
export async function followReaderReport(actor: Actor, token: string): Promise<FollowedReportDTO | null> {
  authorize(actor, "report_problem");
  if (!FOLLOW_TOKEN.test(token)) return null;
  const report = await db.readerReport.findUnique({
    where: { followTokenHash: hashToken(token) },
    select: {
      state: true,
      reason: true,
      message: true,
      earlierSourceUrl: true,
      quote: true,
      annotationId: true,
      createdAt: true,
      updatedAt: true,
      closedAt: true,
      declineReason: true,
      article: { select: { slug: true, title: true, state: true } },
    },
  });
  if (!report) return null;
  const state = report.state as ReaderReportState;
  return {
    state,
    reason: report.reason as ReaderReportReason,
    message: report.message,
    earlierSourceUrl: report.earlierSourceUrl,
    quote: report.quote,
    article: { slug: report.article.slug, title: report.article.title, published: report.article.state === "published" },
    annotationId: report.annotationId,
    createdAt: report.createdAt.toISOString(),
    updatedAt: report.updatedAt.toISOString(),
    declineReason: state === "declined" ? report.declineReason : null,
    acceptedAt: state === "accepted" && report.closedAt ? report.closedAt.toISOString() : null,
  };
}

export type QueueFilter = ReaderReportState | "open" | "all";

export interface ReportQueuePage {
  reports: QueuedReportDTO[];
  total: number;
  page: number;
  pageCount: number;
  counts: Record<ReaderReportState, number>;
}

function stateWhere(filter: QueueFilter) {
  if (filter === "all") return {};
  if (filter === "open") return { state: { in: ["new", "acknowledged"] } };
  return { state: filter };
}

/** Reviewers: one page (0-based) of the queue, oldest open report first (closed ones newest first). */
export async function listReportQueue(actor: Actor, filter: QueueFilter = "open", page = 0): Promise<ReportQueuePage> {
  authorize(actor, "triage_reports");
  const safePage = Number.isSafeInteger(page) && page >= 0 ? page : 0;
  const where = stateWhere(filter);
  const closedFirst = filter === "accepted" || filter === "declined" || filter === "all";
  const [rows, total, grouped] = await Promise.all([
    db.readerReport.findMany({
      where,
      orderBy: [{ createdAt: closedFirst ? "desc" : "asc" }, { id: "asc" }],
      skip: safePage * REPORTS_PAGE_SIZE,
      take: REPORTS_PAGE_SIZE,
      include: { article: { select: { id: true, slug: true, title: true } }, acceptedRevision: { select: { id: true, version: true, createdAt: true } } },
    }),
    db.readerReport.count({ where }),
    db.readerReport.groupBy({ by: ["state"], _count: { _all: true } }),
  ]);
  const annotationIds = [...new Set(rows.map((r) => r.annotationId).filter((id): id is string => id !== null))];
  const revisions = annotationIds.length
    ? await db.annotationRevision.findMany({
        where: { annotationId: { in: annotationIds }, event: "approved", createdAt: { gte: rows.reduce((min, r) => (r.createdAt < min ? r.createdAt : min), rows[0].createdAt) } },
        orderBy: { version: "desc" },
        select: { id: true, annotationId: true, version: true, createdAt: true, statusSlug: true },
      })
    : [];
  const counts: Record<ReaderReportState, number> = { new: 0, acknowledged: 0, accepted: 0, declined: 0 };
  for (const g of grouped) counts[g.state as ReaderReportState] = g._count._all;
  return {
    reports: rows.map((r) => ({
      id: r.id,
      version: r.version,
      state: r.state as ReaderReportState,
      reason: r.reason as ReaderReportReason,
      message: r.message,
      earlierSourceUrl: r.earlierSourceUrl,
      email: r.email,
      quote: r.quote,
      annotationId: r.annotationId,
      article: r.article,
      createdAt: r.createdAt.toISOString(),
      triagedAt: r.triagedAt?.toISOString() ?? null,
      declineReason: r.declineReason,
      acceptedRevision: r.acceptedRevision ? { ...r.acceptedRevision, createdAt: r.acceptedRevision.createdAt.toISOString() } : null,
      revisions: revisions
        .filter((v) => v.annotationId === r.annotationId && v.createdAt >= r.createdAt)
        .map((v) => ({ id: v.id, version: v.version, createdAt: v.createdAt.toISOString(), statusSlug: v.statusSlug })),
    })),
    total,
    page: safePage,
    pageCount: Math.max(1, Math.ceil(total / REPORTS_PAGE_SIZE)),
    counts,
  };
}

/** Reviewers: how many reports nobody has looked at yet (the desk's link to the queue). */
export async function countNewReports(actor: Actor): Promise<number> {
  authorize(actor, "triage_reports");
  return db.readerReport.count({ where: { state: "new" } });
}

export const STALE_REPORT_MESSAGE = "This report was changed by someone else since you opened the queue. Nothing was saved: see its state now.";

/**
 * A reviewer moves a report on: acknowledge, accept (linking the approved revision of its annotation it led to) or
 * decline (with the reason the reader will see). Refuses an illegal move and a stale version; writes its audit event
 * in the same transaction; then applies the email retention rule.
 */
export async function triageReport(actor: Actor, raw: TriageInput, now = new Date()): Promise<{ state: ReaderReportState; version: number }> {
  const person = authorizePerson(actor, "triage_reports");
  const input = TriageInputSchema.parse(raw);
  const done = await db.$transaction(async (tx) => {
    const report = await tx.readerReport.findUnique({ where: { id: input.reportId }, include: { article: { select: { slug: true } } } });
    if (!report) throw new NotFoundError("Report");
    if (report.version !== input.version) throw new ConflictError(STALE_REPORT_MESSAGE);
    const from = report.state as ReaderReportState;
    const move = triageTransition(from, input.action);
    if (!move.ok) throw new DomainRuleError(move.reason);
    let acceptedRevisionId: string | null = null;
    if (input.action === "accept") {
      const revision = await tx.annotationRevision.findFirst({
        where: { id: input.revisionId, annotationId: report.annotationId ?? "", event: "approved", createdAt: { gte: report.createdAt } },
        select: { id: true },
      });
      if (!revision) throw new DomainRuleError("Choose a revision of this report's annotation approved after the report.", "revisionId");
      acceptedRevisionId = revision.id;
    }
    const declineReason = input.action === "decline" ? input.declineReason : null;
    const updated = await tx.readerReport.updateMany({
      where: { id: report.id, version: report.version },
      data: {
        state: move.to,
        version: { increment: 1 },
        triagedById: person.id,
        triagedAt: report.triagedAt ?? now,
        ...(isClosed(move.to) ? { closedAt: now, declineReason, acceptedRevisionId } : {}),
      },
    });
    if (updated.count !== 1) throw new ConflictError(STALE_REPORT_MESSAGE);
    await writeAudit(tx, person, {
      action: "reader_report.triage",
      entityId: report.id,
      articleId: report.articleId,
      data: { before: { state: from, version: report.version }, after: { state: move.to, version: report.version + 1, declineReason, acceptedRevisionId } },
    });
    return { state: move.to, version: report.version + 1, slug: report.article.slug };
  });
  await purgeReporterEmails(RETENTION_ACTOR(), now);
  invalidateReaderReports();
  // An accepted report marks its correction "Reported by a reader" in the public log.
  if (done.state === "accepted") invalidateArticle(done.slug);
  return { state: done.state, version: done.version };
}

/**
 * The retention rule: erases the email of every report closed more than EMAIL_RETENTION_DAYS before `now`, with one
 * audit event counting them. Run after every new report and every triage (and callable from a script with systemActor).
 */
export async function purgeReporterEmails(actor: Actor, now = new Date()): Promise<number> {
  authorize(actor, "triage_reports");
  const cutoff = new Date(now.getTime() - EMAIL_RETENTION_DAYS * DAY_MS);
  return db.$transaction(async (tx) => {
    const { count } = await tx.readerReport.updateMany({ where: { email: { not: null }, closedAt: { lt: cutoff } }, data: { email: null } });
    if (count > 0) {
      await writeAudit(tx, actor, { action: "reader_report.email_purge", entityId: "retention", data: { after: { reports: count, retentionDays: EMAIL_RETENTION_DAYS } } });
    }
    return count;
  });
}

async function loadStats(sinceIso: string): Promise<ReaderReportStats> {
  const [row] = await db.$queryRaw<{ received: number; accepted: number; declined: number; median: number | null }[]>`
    SELECT count(*)::int AS received,
           count(*) FILTER (WHERE "state" = 'accepted')::int AS accepted,
           count(*) FILTER (WHERE "state" = 'declined')::int AS declined,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM ("triagedAt" - "createdAt")) * 1000)
             FILTER (WHERE "triagedAt" IS NOT NULL) AS median
    FROM "ReaderReport" WHERE "createdAt" >= ${new Date(sinceIso)}`;
  return { received: row.received, accepted: row.accepted, declined: row.declined, medianTriageMs: row.median === null ? null : Math.round(Number(row.median)) };
}

/** Public: reports received, accepted and declined in the 12 months before `now`, and their median time to triage. */
export async function readerReportStats(actor: Actor, now = new Date()): Promise<ReaderReportStats> {
  authorize(actor, "read_published");
  const since = new Date(now);
  since.setUTCFullYear(since.getUTCFullYear() - 1);
  since.setUTCHours(0, 0, 0, 0);
  return unstable_cache(loadStats, ["reader-reports:stats"], { tags: [READER_REPORTS_TAG], revalidate: 3600 })(since.toISOString());
}
