import "server-only";
import { db } from "./db";

/**
 * The one rate limiter. Its counters live in PostgreSQL (RateLimitBucket), so a limit holds across every instance
 * behind the same database. A key's window opens at its first hit and lasts `windowMs`; the next hit after it has
 * closed opens a new one. Counting is one atomic statement (INSERT … ON CONFLICT … DO UPDATE … RETURNING), so parallel
 * requests each get a distinct count and at most `limit` of them are allowed per window.
 *
 * Worst case (documented in docs/SECURITY.md): `limit` hits at the end of one window and `limit` more at the start of
 * the next, so 2 × limit within one window's length.
 */
export interface RateLimitRule {
  /** Part of the key: one name per class of request. */
  name: string;
  limit: number;
  windowMs: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** This hit's number in the current window (1 for the first). */
  count: number;
  limit: number;
  /** Whole seconds until the window closes: the Retry-After of a refusal. */
  retryAfterSeconds: number;
}

/** Past this the counter stops growing (an attacker's hits need not be counted to the last). */
const COUNT_CEILING = 1_000_000;
/** Expired rows are deleted now and then, by whichever request happens to draw it. */
const SWEEP_PROBABILITY = 0.01;

export function bucketKey(rule: RateLimitRule, subject: string): string {
  return `${rule.name}:${subject}`;
}

/** Counts one hit against `rule` for `subject` (a client address, an email, …) and says whether it is allowed. */
export async function hit(rule: RateLimitRule, subject: string, now = new Date()): Promise<RateLimitDecision> {
  const key = bucketKey(rule, subject);
  const closes = new Date(now.getTime() + rule.windowMs);
  const rows = await db.$queryRaw<{ count: number; expiresAt: Date }[]>`
    INSERT INTO "RateLimitBucket" ("key", "windowStart", "count", "expiresAt")
    VALUES (${key}, ${now}, 1, ${closes})
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimitBucket"."expiresAt" <= ${now} THEN 1
                     ELSE LEAST("RateLimitBucket"."count" + 1, ${COUNT_CEILING}) END,
      "windowStart" = CASE WHEN "RateLimitBucket"."expiresAt" <= ${now} THEN ${now} ELSE "RateLimitBucket"."windowStart" END,
      "expiresAt" = CASE WHEN "RateLimitBucket"."expiresAt" <= ${now} THEN ${closes} ELSE "RateLimitBucket"."expiresAt" END
    RETURNING "count", "expiresAt"`;
  if (Math.random() < SWEEP_PROBABILITY) void sweepExpired(now).catch(() => undefined);
  const { count, expiresAt } = rows[0];
  return {
    allowed: count <= rule.limit,
    count,
    limit: rule.limit,
    retryAfterSeconds: Math.max(1, Math.ceil((expiresAt.getTime() - now.getTime()) / 1000)),
  };
}

/** The current count for a key without counting a hit (0 when its window has closed). */
export async function peek(rule: RateLimitRule, subject: string, now = new Date()): Promise<number> {
  const row = await db.rateLimitBucket.findUnique({ where: { key: bucketKey(rule, subject) }, select: { count: true, expiresAt: true } });
  return row && row.expiresAt > now ? row.count : 0;
}

/** Gives one hit back (a sign-in that succeeded does not count against its address). */
export async function refund(rule: RateLimitRule, subject: string): Promise<void> {
  await db.$executeRaw`UPDATE "RateLimitBucket" SET "count" = GREATEST("count" - 1, 0) WHERE "key" = ${bucketKey(rule, subject)}`;
}

/** Forgets a key (a successful sign-in clears its own failures). */
export async function forget(rule: RateLimitRule, subject: string): Promise<void> {
  await db.rateLimitBucket.deleteMany({ where: { key: bucketKey(rule, subject) } });
}

/** Forgets every key of `rule` whose subject starts with `subjectPrefix` (an admin lifting an email's locks). */
export async function forgetPrefix(rule: RateLimitRule, subjectPrefix: string): Promise<number> {
  const { count } = await db.rateLimitBucket.deleteMany({ where: { key: { startsWith: bucketKey(rule, subjectPrefix) } } });
  return count;
}

/** Open windows of `rule` at or over `atLeast` hits (of subjects starting with `subjectPrefix`), with their subjects. */
export async function openBuckets(rule: RateLimitRule, atLeast: number, now = new Date(), subjectPrefix = ""): Promise<{ subject: string; count: number; expiresAt: Date }[]> {
  const prefix = bucketKey(rule, "");
  const rows = await db.rateLimitBucket.findMany({
    where: { key: { startsWith: prefix + subjectPrefix }, count: { gte: atLeast }, expiresAt: { gt: now } },
    select: { key: true, count: true, expiresAt: true },
    orderBy: { count: "desc" },
    take: 200,
  });
  return rows.map((r) => ({ subject: r.key.slice(prefix.length), count: r.count, expiresAt: r.expiresAt }));
}

export async function sweepExpired(now = new Date()): Promise<number> {
  const { count } = await db.rateLimitBucket.deleteMany({ where: { expiresAt: { lt: now } } });
  return count;
}

/** The response to a refused request: 429 with Retry-After. */
export function tooManyRequests(decision: RateLimitDecision, body: string, contentType = "text/plain; charset=utf-8"): Response {
  return new Response(body, {
    status: 429,
    headers: { "Content-Type": contentType, "Retry-After": String(decision.retryAfterSeconds), "Cache-Control": "no-store" },
  });
}
