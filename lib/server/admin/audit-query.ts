/**
 * The audit log's query shape, shared by the data layer (lib/server/admin/audit-log.ts) and the benchmark
 * (bench/audit.ts), so the benchmark times exactly what the page runs. No server-only imports here: pure builders.
 */
import type { Prisma } from "../generated/prisma/client";
import type { AuditFilter } from "@/lib/validation/admin";

export const SYSTEM_ACTOR = "system";
const DAY_MS = 24 * 60 * 60 * 1000;

/** Newest first; `id` breaks ties between events of the same millisecond. Served by the (createdAt, id) index. */
export const AUDIT_ORDER: Prisma.AuditEventOrderByWithRelationInput[] = [{ createdAt: "desc" }, { id: "desc" }];

/** Keyset cursor over (createdAt, id): opaque to the browser. */
export function encodeAuditCursor(createdAt: Date, eventId: string): string {
  return Buffer.from(`${createdAt.getTime()}|${eventId}`, "utf8").toString("base64url");
}

export function decodeAuditCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [ms, eventId] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (!eventId || !/^\d{1,15}$/.test(ms ?? "") || !/^[A-Za-z0-9_-]{1,64}$/.test(eventId)) return null;
  return { createdAt: new Date(Number(ms)), id: eventId };
}

/** The filters (and cursor) as a where clause. Dates are whole UTC days, both ends inclusive. */
export function auditWhere(filter: AuditFilter): Prisma.AuditEventWhereInput {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (filter.actor) and.push(filter.actor === SYSTEM_ACTOR ? { actorId: null } : { actorId: filter.actor });
  if (filter.entityType) and.push({ entityType: filter.entityType });
  if (filter.action) and.push(filter.action.endsWith(".") ? { action: { startsWith: filter.action } } : { action: filter.action });
  if (filter.from) and.push({ createdAt: { gte: new Date(`${filter.from}T00:00:00.000Z`) } });
  if (filter.to) and.push({ createdAt: { lt: new Date(new Date(`${filter.to}T00:00:00.000Z`).getTime() + DAY_MS) } });
  const cursor = filter.cursor ? decodeAuditCursor(filter.cursor) : null;
  // (createdAt, id) < (c, i), written so SQLite can seek the index on the range `createdAt <= c` instead of scanning
  // from the newest event (a bare OR would make a deep page cost as much as reading everything before it).
  if (cursor) and.push({ createdAt: { lte: cursor.createdAt } }, { OR: [{ createdAt: { lt: cursor.createdAt } }, { id: { lt: cursor.id } }] });
  return and.length ? { AND: and } : {};
}

/**
 * Distinct values of an indexed column without reading the whole index: a recursive "loose index scan" that seeks
 * to the next greater value each step (SQLite has no skip-scan without ANALYZE statistics). Column names are fixed
 * here, never user input.
 */
function distinctSql(column: "action" | "entityType", limit: number): string {
  return `WITH RECURSIVE d(v, n) AS (
    SELECT (SELECT MIN("${column}") FROM "AuditEvent"), 1
    UNION ALL
    SELECT (SELECT MIN("${column}") FROM "AuditEvent" WHERE "${column}" > d.v), d.n + 1 FROM d WHERE d.v IS NOT NULL AND d.n < ${limit}
  ) SELECT v FROM d WHERE v IS NOT NULL`;
}
export const DISTINCT_ACTIONS_SQL = distinctSql("action", 500);
export const DISTINCT_ENTITY_TYPES_SQL = distinctSql("entityType", 100);
