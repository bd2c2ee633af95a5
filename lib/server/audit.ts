import "server-only";
import type { Tx } from "./db";
import { Prisma } from "./generated/prisma/client";
import { AuditEventSchema, auditEntityType, type AuditAction, type AuditData } from "@/lib/contracts/audit-events";
import type { Actor } from "./actors";

export interface AuditRecord<A extends AuditAction> {
  action: A;
  data: AuditData<A>;
  entityId: string;
  articleId?: string | null;
  comment?: string | null;
}

const json = (v: unknown) => (v === undefined || v === null ? Prisma.DbNull : (v as Prisma.InputJsonValue));

function actorColumns(actor: Actor): { actorId: string | null; actorLabel: string } {
  if (actor.kind === "user") return { actorId: actor.id, actorLabel: actor.email };
  return { actorId: null, actorLabel: actor.kind === "system" ? "system" : actor.kind };
}

/**
 * The one audit writer, typed by action (lib/contracts/audit-events.ts): a payload of the wrong shape does not
 * compile, and is refused at run time too. Always called with the transaction that makes the change. A script's
 * reason (systemActor) is the comment when the writer gives none.
 */
export async function writeAudit<A extends AuditAction>(tx: Tx, actor: Actor, record: AuditRecord<A>): Promise<void> {
  const data = record.data as { before?: unknown; after?: unknown };
  const checked = AuditEventSchema.safeParse({ action: record.action, before: data.before, after: data.after });
  if (!checked.success) throw new Error(`Audit payload for ${record.action} does not match the catalogue: ${checked.error.issues[0]?.message}`);
  await tx.auditEvent.create({
    data: {
      ...actorColumns(actor),
      action: record.action,
      entityType: auditEntityType(record.action),
      entityId: record.entityId,
      articleId: record.articleId ?? null,
      // What the writer gave (not the parse result, which would drop fields the catalogue does not list).
      before: json(data.before),
      after: json(data.after),
      comment: record.comment ?? (actor.kind === "system" ? actor.reason : null),
    },
  });
}
