import "server-only";
import { db } from "../db";
import type { Actor } from "../actors";
import { authorize } from "../authorize";
import { readAuditEvent } from "@/lib/contracts/audit-events";
import { AuditFilterSchema, type AuditFilter } from "@/lib/validation/admin";
import { csvField } from "@/lib/export/csv";
import { parseInput } from "./common";
import type { AuditEventDTO } from "@/lib/contracts/admin-dto";
import {
  AUDIT_ORDER,
  auditEntityLabel,
  auditLabelsSql,
  auditWhere,
  decodeAuditCursor,
  DISTINCT_ACTIONS_SQL,
  DISTINCT_ENTITY_TYPES_SQL,
  encodeAuditCursor,
  labelMap,
  SYSTEM_ACTOR,
  type AuditEntityLabel,
  type AuditLabelRow,
} from "./audit-query";

export { SYSTEM_ACTOR, type AuditEntityLabel };

export const AUDIT_PAGE_SIZE = 50;

export const AUDIT_ENTITY_TYPES = ["annotation", "article", "statement", "user", "claim_type", "verification_status", "claim_link", "reader_report", "source"] as const;

export type { AuditEventDTO };

export interface AuditPage {
  events: AuditEventDTO[];
  /** Opaque cursor for the next (older) page, or null on the last page. */
  nextCursor: string | null;
  filter: AuditFilter;
}

type AuditRow = Omit<AuditEventDTO, "createdAt" | "entityLabel" | "recognised"> & { createdAt: Date; recognised: boolean };

function toDTO(e: AuditRow, labels: Map<string, string>): AuditEventDTO {
  return { ...e, createdAt: e.createdAt.toISOString(), entityLabel: auditEntityLabel(e, labels) };
}

/** The labels of every entity on a page, in one query (see auditLabelsSql). */
async function pageLabels(rows: AuditRow[]): Promise<Map<string, string>> {
  const sql = auditLabelsSql(rows);
  return labelMap(sql ? await db.$queryRaw<AuditLabelRow[]>(sql) : []);
}

function jsonText(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

async function fetchPage(filter: AuditFilter, take: number) {
  const found = await db.auditEvent.findMany({ where: auditWhere(filter), orderBy: AUDIT_ORDER, take: take + 1 });
  // The DTO carries before/after as JSON text (the diff view and the CSV show it as such).
  // Whether the event has the shape the audit catalogue gives its action: the page marks one that does not, and
  // shows it as stored, without reading meaning into it.
  const rows = found.map((e) => ({ ...e, before: jsonText(e.before), after: jsonText(e.after), recognised: readAuditEvent(e) !== null }));
  const more = rows.length > take;
  const page = more ? rows.slice(0, take) : rows;
  const last = page[page.length - 1];
  return { rows: page, nextCursor: more && last ? encodeAuditCursor(last.createdAt, last.id) : null };
}

/** Admin: one page of the audit log, newest first, filtered; keyset-paginated so a deep page costs what the first does. */
export async function listAuditEvents(actor: Actor, input: unknown, pageSize = AUDIT_PAGE_SIZE): Promise<AuditPage> {
  authorize(actor, "read_audit");
  const filter = parseInput(AuditFilterSchema, input);
  if (filter.cursor && !decodeAuditCursor(filter.cursor)) filter.cursor = undefined;
  const { rows, nextCursor } = await fetchPage(filter, Math.min(Math.max(pageSize, 1), 200));
  const labels = await pageLabels(rows);
  return { events: rows.map((e) => toDTO(e, labels)), nextCursor, filter };
}

export interface AuditFilterOptions {
  actors: { value: string; label: string }[];
  entityTypes: string[];
  actions: string[];
}

/** Admin: choices for the filter form (people, entity types, actions seen). */
export async function getAuditFilterOptions(actor: Actor): Promise<AuditFilterOptions> {
  authorize(actor, "read_audit");
  const [users, actions, types] = await Promise.all([
    db.user.findMany({ select: { id: true, name: true, email: true }, orderBy: { name: "asc" } }),
    db.$queryRawUnsafe<{ v: string }[]>(DISTINCT_ACTIONS_SQL),
    db.$queryRawUnsafe<{ v: string }[]>(DISTINCT_ENTITY_TYPES_SQL),
  ]);
  const entityTypes = [...new Set([...AUDIT_ENTITY_TYPES, ...types.map((t) => t.v)])].sort();
  const prefixes = [...new Set(actions.map((a) => a.v.split(".")[0] + "."))];
  return {
    actors: [{ value: SYSTEM_ACTOR, label: "system (scripts and seeds)" }, ...users.map((u) => ({ value: u.id, label: `${u.name} <${u.email}>` }))],
    entityTypes,
    actions: [...prefixes, ...actions.map((a) => a.v)].sort(),
  };
}

export const AUDIT_CSV_HEADER = ["created_at", "actor", "actor_id", "action", "entity_type", "entity_id", "article_id", "comment", "before", "after"];
const CSV_BATCH = 1000;

/**
 * Admin: the filtered log (ignoring the page cursor) as CSV, newest first, streamed in batches. The admin check and
 * the input validation happen before the first byte, when this is called.
 */
export async function exportAuditCsv(actor: Actor, input: unknown): Promise<AsyncGenerator<string>> {
  authorize(actor, "read_audit");
  const filter = { ...parseInput(AuditFilterSchema, input), cursor: undefined as string | undefined };
  async function* rows() {
    yield AUDIT_CSV_HEADER.join(",") + "\r\n";
    let cursor: string | undefined;
    for (;;) {
      const { rows, nextCursor } = await fetchPage({ ...filter, cursor }, CSV_BATCH);
      let chunk = "";
      for (const e of rows) {
        chunk +=
          [e.createdAt.toISOString(), e.actorLabel, e.actorId, e.action, e.entityType, e.entityId, e.articleId, e.comment, e.before, e.after]
            .map((c) => csvField(c))
            .join(",") + "\r\n";
      }
      if (chunk) yield chunk;
      if (!nextCursor) return;
      cursor = nextCursor;
    }
  }
  return rows();
}
