import "server-only";
import type { Tx } from "./db";
import type { SessionUser } from "./session";

export interface AuditInput {
  actor: SessionUser | null;
  action: string;
  entityType: string;
  entityId: string;
  articleId?: string | null;
  before?: unknown;
  after?: unknown;
  comment?: string | null;
}

/** The one audit writer. Always called with the transaction that makes the change. */
export async function writeAudit(tx: Tx, input: AuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: input.actor?.id ?? null,
      actorLabel: input.actor?.email ?? "system",
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId,
      articleId: input.articleId ?? null,
      before: input.before === undefined ? null : JSON.stringify(input.before),
      after: input.after === undefined ? null : JSON.stringify(input.after),
      comment: input.comment ?? null,
    },
  });
}
