/**
 * The public change history of annotations: when a verdict was published and when an approval changed it.
 * Built from audit events, but only from what readers may see — the approved verdict, who approved it and when.
 * Nothing else from an event (comments, drafts, emails, other fields) leaves this module.
 */

export interface VerdictRef {
  slug: string;
  label: string;
}

export interface VerdictChange {
  /** ISO timestamp of the approval. */
  at: string;
  /** Display name of the approver (never an email). */
  by: string | null;
  /** The verdict readers saw before; null for the first publication. */
  from: VerdictRef | null;
  to: VerdictRef;
}

/** An audit event on an annotation, as the data layer loads it (JSON columns already parsed). */
export interface AnnotationEventInput {
  annotationId: string;
  action: string;
  createdAt: string;
  actorName: string | null;
  before: unknown;
  after: unknown;
}

const APPROVE_ACTIONS = new Set(["annotation.approve", "annotation.revision.approve", "annotation.approve_revision"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Reads a verification status out of an event payload, whatever shape the writer used: `status: {slug,label}`,
 * `status: "false"`, `statusSlug`, `approvedStatusSlug`, or any of these inside `content`, `snapshot`,
 * `approvedSnapshot` (object or JSON string).
 */
export function statusFromPayload(payload: unknown, depth = 0): { slug: string; label?: string } | null {
  if (typeof payload === "string" && depth > 0) {
    try {
      return statusFromPayload(JSON.parse(payload), depth + 1);
    } catch {
      return null;
    }
  }
  if (!isRecord(payload) || depth > 3) return null;
  const status = payload.status;
  if (isRecord(status) && typeof status.slug === "string") {
    return { slug: status.slug, ...(typeof status.label === "string" ? { label: status.label } : {}) };
  }
  if (typeof status === "string" && status) return { slug: status };
  for (const key of ["approvedStatusSlug", "statusSlug"]) {
    const v = payload[key];
    if (typeof v === "string" && v) return { slug: v };
  }
  for (const key of ["approvedSnapshot", "snapshot", "content", "approved"]) {
    const found = statusFromPayload(payload[key], depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * Verdict history per annotation, oldest first. The latest approval's verdict is the one readers see now (`current`);
 * an earlier approval's verdict is the status its own event records, else the latest status an earlier event of that
 * annotation recorded (its creation or last edit). `resolve` maps a recorded status — a slug or, as some writers
 * store it, a label — to the vocabulary entry. Approvals that leave the verdict unchanged are not listed.
 */
export function buildVerdictHistory(
  events: readonly AnnotationEventInput[],
  current: ReadonlyMap<string, VerdictRef>,
  resolve: (slugOrLabel: string) => VerdictRef | undefined,
): Map<string, VerdictChange[]> {
  const byAnnotation = new Map<string, AnnotationEventInput[]>();
  for (const e of events) {
    const list = byAnnotation.get(e.annotationId) ?? [];
    list.push(e);
    byAnnotation.set(e.annotationId, list);
  }
  const result = new Map<string, VerdictChange[]>();
  for (const [annotationId, list] of byAnnotation) {
    const sorted = [...list].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const lastApproval = sorted.findLastIndex((e) => APPROVE_ACTIONS.has(e.action));
    let latestContent: { slug: string; label?: string } | null = null;
    let published: VerdictRef | null = null;
    const changes: VerdictChange[] = [];
    sorted.forEach((e, i) => {
      const recorded = statusFromPayload(e.after);
      if (!APPROVE_ACTIONS.has(e.action)) {
        if (recorded) latestContent = recorded;
        return;
      }
      let ref: VerdictRef | null = null;
      if (i === lastApproval && current.has(annotationId)) ref = current.get(annotationId)!;
      else {
        const verdict = recorded ?? latestContent;
        if (verdict) ref = resolve(verdict.slug) ?? { slug: verdict.slug, label: verdict.label ?? verdict.slug };
      }
      if (!ref) return;
      if (published && published.slug === ref.slug) return;
      changes.push({ at: e.createdAt, by: e.actorName, from: published, to: { slug: ref.slug, label: ref.label } });
      published = ref;
    });
    if (changes.length > 0) result.set(annotationId, changes);
  }
  return result;
}
