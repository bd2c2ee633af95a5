/**
 * The audit catalogue: every action the app records, with the shape of its before/after payload. One zod
 * discriminated union keyed by `action`; the writer (lib/server/audit.ts) is typed by it, and the reader uses it to
 * tell a recognised event from one written in another shape (shown as "unrecognised", never guessed at).
 * The entity type of an event is the action's prefix ("annotation.move" → "annotation").
 */
import { z } from "zod";
import { READER_REPORT_REASONS, READER_REPORT_STATES } from "./reader-reports";

const text = z.string();
const optionalText = z.string().nullable();

const FlatSnapshot = z.object({
  claimType: text,
  status: text,
  attributionText: optionalText,
  speakerName: optionalText,
  speakerKind: optionalText,
  speakerRole: optionalText,
  claimDate: optionalText,
  rationale: text,
  chain: z.array(z.object({ name: text, kind: text, url: optionalText, date: optionalText, note: optionalText })),
  evidence: z.array(z.object({ url: text, title: text, stance: text, archivedUrl: optionalText, note: optionalText })),
  workflowState: text,
  version: z.number().int(),
});
export type AuditFlatSnapshot = z.infer<typeof FlatSnapshot>;

const WorkflowState = z.enum(["draft", "in_review", "approved"]);
const UserView = z.object({ email: text, name: text, role: text, active: z.boolean() });
const ClaimTypeView = z.object({ slug: text, label: text, shortLabel: text.optional(), description: text, color: text, position: z.number().int(), retired: z.boolean() });
const StatusView = z.object({ slug: text, label: text, description: text, color: text, rating: z.number().int().nullable(), position: z.number().int(), retired: z.boolean() });
const Position = z.object({ slug: text, position: z.number().int() });
/** A source merge: exactly which rows moved to the survivor, so an undo moves exactly those back. */
const SourceMergeRecord = z.object({
  mergedIntoId: text,
  mergedIntoName: text,
  /** ProvenanceHop ids repointed from the merged source to the survivor. */
  hopIds: z.array(text),
  /** Sources merged earlier into the merged source, whose mergedIntoId now names the survivor. */
  redirectedSourceIds: z.array(text),
  annotations: z.number().int(),
  articles: z.number().int(),
});
const SourceView = z.object({ name: text, kind: text, url: optionalText, date: optionalText });

/** One entry: the action and what its before/after hold (absent = recorded as null). */
function entry<A extends string, B extends z.ZodType, F extends z.ZodType>(action: A, before: B, after: F) {
  return z.object({ action: z.literal(action), before, after });
}
const none = z.undefined();

function vocabularyEntries<K extends "claim_type" | "verification_status", V extends z.ZodType>(kind: K, view: V) {
  return [
    entry(`${kind}.create`, none, view),
    entry(`${kind}.update`, view, view),
    entry(`${kind}.move`, Position, Position),
    entry(`${kind}.retire`, view, view),
    entry(`${kind}.unretire`, view, view),
    entry(`${kind}.delete`, view, none),
  ] as const;
}

export const AuditEventSchema = z.discriminatedUnion("action", [
  entry("annotation.create", none, FlatSnapshot),
  entry("annotation.update", FlatSnapshot, FlatSnapshot),
  entry("annotation.submit", z.object({ workflowState: WorkflowState }), z.object({ workflowState: WorkflowState, version: z.number().int() })),
  entry(
    "annotation.approve",
    z.object({ workflowState: WorkflowState, approvedStatusSlug: optionalText }),
    z.object({
      workflowState: WorkflowState,
      version: z.number().int(),
      approvedStatusSlug: text,
      approvedTypeSlug: text,
      /** The chain warnings the approver acknowledged (absent when there were none). */
      chainWarningsAcknowledged: z.array(z.object({ code: text, field: text, message: text })).optional(),
      /** The approved verdict differed from the claim cluster's most recent published one: that one, and the approver's note. */
      consistency: z.object({ clusterAnnotationId: text, clusterVerdictSlug: text, note: text }).optional(),
    }),
  ),
  entry("annotation.return", z.object({ workflowState: WorkflowState, approvedStatusSlug: optionalText }), z.object({ workflowState: WorkflowState, version: z.number().int() })),
  // "Same claim, and copy its chain and evidence": the working copy before, and after with where it was copied from.
  entry("annotation.copy_chain", FlatSnapshot, FlatSnapshot.extend({ copiedFrom: z.object({ annotationId: text, version: z.number().int() }) })),
  entry("annotation.move", FlatSnapshot.extend({ span: text }), FlatSnapshot.extend({ span: text, quote: text })),
  entry(
    "annotation.delete",
    FlatSnapshot.extend({ span: text, quote: text, approvedSnapshot: z.unknown(), approvedAt: optionalText }),
    none,
  ),
  // Withdrawing a published verdict takes two reviewers: a request (with the reason readers see), then a confirmation or a cancellation.
  entry("annotation.removal_request", z.object({ workflowState: WorkflowState, approvedStatusSlug: optionalText }), z.object({ reason: text, version: z.number().int() })),
  entry("annotation.removal_cancel", z.object({ reason: text, requestedBy: optionalText }), z.object({ version: z.number().int() })),
  entry(
    "annotation.removal_confirm",
    FlatSnapshot.extend({ span: text, quote: text, approvedSnapshot: z.unknown(), approvedAt: optionalText }),
    z.object({ removedAt: text, reason: text, requestedBy: optionalText, version: z.number().int() }),
  ),
  // Re-attaching an orphan to a statement of the current text: a request, then a second reviewer's confirmation or a cancellation.
  entry("annotation.reattach_request", z.object({ quote: text }), z.object({ statementId: text, span: text, quote: text, version: z.number().int() })),
  entry("annotation.reattach_cancel", z.object({ statementId: optionalText, requestedBy: optionalText }), z.object({ version: z.number().int() })),
  entry(
    "annotation.reattach_confirm",
    z.object({ quote: text, workflowState: WorkflowState }),
    z.object({ statementId: text, span: text, quote: text, requestedBy: optionalText, version: z.number().int(), articleRevision: z.number().int() }),
  ),
  entry("claim_link.create", none, z.object({ annotationAId: text, annotationBId: text, relation: z.enum(["same", "different"]) })),
  entry("claim_link.delete", z.object({ annotationAId: text, annotationBId: text, relation: z.enum(["same", "different"]) }), none),
  entry("source.merge", SourceView.extend({ mergedIntoId: z.null() }), SourceView.extend(SourceMergeRecord.shape)),
  entry("source.unmerge", SourceView.extend(SourceMergeRecord.shape), SourceView.extend({ mergedIntoId: z.null() })),
  entry("statement.split", z.object({ span: text }), z.object({ span: text, newStatementId: text, annotationGoesTo: z.enum(["first", "second"]).nullable() })),
  entry("statement.merge", z.object({ span: text }), z.object({ span: text, removedStatementId: text })),
  entry("statement.select", z.object({ spans: z.array(text) }), z.object({ span: text, trimmed: z.array(text) })),
  entry(
    "article.import",
    none,
    z.object({ title: text, slug: text, outlet: optionalText, contentHash: text, statements: z.number().int(), state: z.enum(["draft", "published"]) }),
  ),
  entry(
    "article.correct",
    z.object({ revision: z.number().int(), contentHash: text }),
    z.object({
      revision: z.number().int(),
      contentHash: text,
      reason: text,
      outcomes: z.object({ unchanged: z.number().int(), moved: z.number().int(), changed: z.number().int(), orphaned: z.number().int() }),
      proposedStatements: z.number().int(),
    }),
  ),
  // One per annotation a correction moved, changed or orphaned (span null: no longer in the article).
  entry(
    "annotation.reanchor",
    z.object({ span: text, quote: text, workflowState: WorkflowState, articleRevision: z.number().int() }),
    z.object({ outcome: z.enum(["moved", "changed", "orphaned"]), span: optionalText, quote: optionalText, workflowState: WorkflowState, articleRevision: z.number().int() }),
  ),
  entry("article.publish", z.object({ state: text }), z.object({ state: z.literal("published"), approvedAnnotations: z.number().int().nullable() })),
  entry("article.unpublish", z.object({ state: text }), z.object({ state: z.literal("draft") })),
  entry("user.create", none, UserView),
  entry("user.invite", none, UserView.extend({ invitationExpiresAt: text })),
  entry("user.role_change", UserView, UserView),
  entry("user.deactivate", UserView, UserView),
  entry("user.reactivate", UserView, UserView),
  entry(
    "user.password_reset",
    UserView.extend({ hasPassword: z.boolean() }),
    UserView.extend({ hasPassword: z.boolean(), linkPurpose: z.enum(["invite", "reset"]), linkExpiresAt: text }),
  ),
  entry("user.accept_invitation", none, UserView.extend({ hasPassword: z.boolean() })),
  entry("user.password_set", none, UserView.extend({ hasPassword: z.boolean() })),
  entry("user.sign_in", none, none),
  // Written by the system when failed sign-ins at one account cross the alert threshold (lib/server/sign-in.ts).
  entry("user.sign_in_attack", none, z.object({ email: text, failures: z.number().int(), windowMinutes: z.number().int(), addresses: z.number().int() })),
  entry("user.sign_in_unlock", none, z.object({ email: text, addressesCleared: z.number().int() })),
  entry("user.sign_out_everywhere", none, z.object({ sessionsEnded: z.number().int() })),
  ...vocabularyEntries("claim_type", ClaimTypeView),
  ...vocabularyEntries("verification_status", StatusView),
  // A reader's report (never the email or the follow token: hasEmail says whether one was given).
  entry(
    "reader_report.create",
    none,
    z.object({ annotationId: text, reason: z.enum(READER_REPORT_REASONS), state: z.literal("new"), hasEmail: z.boolean(), earlierSourceUrl: optionalText }),
  ),
  entry(
    "reader_report.triage",
    z.object({ state: z.enum(READER_REPORT_STATES), version: z.number().int() }),
    z.object({ state: z.enum(READER_REPORT_STATES), version: z.number().int(), declineReason: optionalText, acceptedRevisionId: optionalText }),
  ),
  // The retention rule erasing reporters' emails (entityId "retention"; the reports are counted, not named).
  entry("reader_report.email_purge", none, z.object({ reports: z.number().int(), retentionDays: z.number().int() })),
  // Written by scripts/db/transfer.mjs (raw SQL, outside the data layer) when a database is restored from an export.
  entry("database.restore", none, z.object({ exportedAt: z.unknown(), migration: z.unknown(), rows: z.record(z.string(), z.number()) })),
]);

export type AuditEvent = z.input<typeof AuditEventSchema>;
export type AuditAction = AuditEvent["action"];
/** The payload of one action: its `before` and `after`, each left out when the action records none. */
export type AuditData<A extends AuditAction> = OptionalUndefined<Omit<Extract<AuditEvent, { action: A }>, "action">>;

/** `{ before: undefined-able }` → `{ before?: … }`, so an action without a before is written without one. */
type OptionalUndefined<T> = { [K in keyof T as undefined extends T[K] ? K : never]?: T[K] } & { [K in keyof T as undefined extends T[K] ? never : K]: T[K] };

export const AUDIT_ACTIONS: readonly AuditAction[] = AuditEventSchema.options.map((o) => o.shape.action.value);

/** The entity an action is about: its prefix. */
export function auditEntityType(action: AuditAction): string {
  return action.slice(0, action.indexOf("."));
}

/**
 * An event as stored (JSON columns, null for "none") read against the catalogue: the typed event, or null when the
 * action is unknown or its payload has another shape (an event written before the catalogue, or by hand).
 */
export function readAuditEvent(row: { action: string; before: unknown; after: unknown }): AuditEvent | null {
  const parsed = AuditEventSchema.safeParse({ action: row.action, before: row.before ?? undefined, after: row.after ?? undefined });
  return parsed.success ? (parsed.data as AuditEvent) : null;
}
