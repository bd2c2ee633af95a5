/**
 * The audit log's query shape, shared by the data layer (lib/server/admin/audit-log.ts) and the benchmark
 * (bench/audit.ts), so the benchmark times exactly what the page runs. No server-only imports here: pure builders.
 */
import { Prisma } from "../generated/prisma/client";
import type { AuditFilter } from "@/lib/validation/admin";
import type { AuditEntityLabel } from "@/lib/contracts/admin-dto";

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
  // (createdAt, id) < (c, i), written so PostgreSQL seeks the (createdAt, id) index to `createdAt <= c` and walks it
  // backwards from there, instead of reading from the newest event (a deep page costs what the first does).
  if (cursor) and.push({ createdAt: { lte: cursor.createdAt } }, { OR: [{ createdAt: { lt: cursor.createdAt } }, { id: { lt: cursor.id } }] });
  return and.length ? { AND: and } : {};
}

/**
 * Distinct values of an indexed column without reading the whole index: a recursive "loose index scan" that seeks
 * to the next greater value each step (PostgreSQL's usual idiom; a plain SELECT DISTINCT reads every row). Column names are fixed
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

// ---------------------------------------------------------------------------------------------------------------
// Human labels next to entity ids: resolved for a whole page in ONE query (never per row).

type LabelKind = "article" | "user" | "claim_type" | "verification_status" | "source";
/** Events whose label is their article's title (via the event's articleId). */
const ARTICLE_SCOPED = new Set(["article", "statement", "annotation"]);
const LABEL_KINDS = new Set<string>(["user", "claim_type", "verification_status", "source"]);

export interface AuditLabelSubject {
  entityType: string;
  entityId: string;
  articleId: string | null;
  before: string | null;
  after: string | null;
}

export type { AuditEntityLabel };

/** What to look up for one event: [kind, id], or null when its type has no label. */
function labelKey(e: AuditLabelSubject): [LabelKind, string] | null {
  if (ARTICLE_SCOPED.has(e.entityType)) {
    const id = e.entityType === "article" ? e.entityId : e.articleId;
    return id ? ["article", id] : null;
  }
  return LABEL_KINDS.has(e.entityType) ? [e.entityType as LabelKind, e.entityId] : null;
}

/**
 * One UNION ALL query that fetches the labels of every entity a page of events refers to (primary-key lookups), or
 * null when there is nothing to look up. Rows: { kind, id, label }.
 */
export function auditLabelsSql(events: AuditLabelSubject[]): Prisma.Sql | null {
  const ids: Record<LabelKind, Set<string>> = { article: new Set(), user: new Set(), claim_type: new Set(), verification_status: new Set(), source: new Set() };
  for (const e of events) {
    const key = labelKey(e);
    if (key) ids[key[0]].add(key[1]);
  }
  const parts: Prisma.Sql[] = [];
  const list = (k: LabelKind) => Prisma.join([...ids[k]]);
  if (ids.article.size) parts.push(Prisma.sql`SELECT 'article' AS kind, id, title AS label FROM "Article" WHERE id IN (${list("article")})`);
  if (ids.user.size) parts.push(Prisma.sql`SELECT 'user' AS kind, id, name || ' <' || email || '>' AS label FROM "User" WHERE id IN (${list("user")})`);
  if (ids.claim_type.size) parts.push(Prisma.sql`SELECT 'claim_type' AS kind, id, label FROM "ClaimType" WHERE id IN (${list("claim_type")})`);
  if (ids.verification_status.size) parts.push(Prisma.sql`SELECT 'verification_status' AS kind, id, label FROM "VerificationStatus" WHERE id IN (${list("verification_status")})`);
  if (ids.source.size) parts.push(Prisma.sql`SELECT 'source' AS kind, id, name AS label FROM "Source" WHERE id IN (${list("source")})`);
  return parts.length ? Prisma.join(parts, " UNION ALL ", "", "") : null;
}

export type AuditLabelRow = { kind: string; id: string; label: string };

/** A label the event itself recorded (after, else before): title, label, or name <email>. */
function recordedLabel(e: AuditLabelSubject): string | null {
  for (const json of [e.after, e.before]) {
    if (!json) continue;
    let v: unknown;
    try {
      v = JSON.parse(json);
    } catch {
      continue;
    }
    if (!v || typeof v !== "object") continue;
    const o = v as Record<string, unknown>;
    const str = (k: string) => (typeof o[k] === "string" && (o[k] as string).trim() ? (o[k] as string) : null);
    const label = str("title") ?? str("label") ?? (str("name") && str("email") ? `${str("name")} <${str("email")}>` : str("name"));
    if (label) return label;
  }
  return null;
}

/** The label shown next to an event's entity id: the current one, else the recorded one, else null (id only). */
export function auditEntityLabel(e: AuditLabelSubject, found: Map<string, string>): AuditEntityLabel | null {
  const key = labelKey(e);
  const of = ARTICLE_SCOPED.has(e.entityType) && e.entityType !== "article" ? "article" : "entity";
  const current = key ? found.get(`${key[0]}:${key[1]}`) : undefined;
  if (current !== undefined) return { text: current, of, current: true };
  // Gone (or never resolvable): what the event recorded, if it holds a label for the same thing.
  const recorded = of === "entity" ? recordedLabel(e) : null;
  return recorded ? { text: recorded, of, current: false } : null;
}

export function labelMap(rows: AuditLabelRow[]): Map<string, string> {
  return new Map(rows.map((r) => [`${r.kind}:${r.id}`, r.label]));
}
