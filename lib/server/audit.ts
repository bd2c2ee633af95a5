import "server-only";
import type { Tx } from "./db";
import { Prisma } from "./generated/prisma/client";
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
      before: input.before === undefined || input.before === null ? Prisma.DbNull : (input.before as Prisma.InputJsonValue),
      after: input.after === undefined || input.after === null ? Prisma.DbNull : (input.after as Prisma.InputJsonValue),
      comment: input.comment ?? null,
    },
  });
}
