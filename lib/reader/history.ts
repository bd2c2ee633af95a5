/**
 * The public change history of annotations: when a verdict was published and when an approval changed it.
 * Built from the approved revisions (AnnotationRevision rows with event "approved"): the verdict each approval
 * published, who approved it and when. Nothing else about a revision (drafts, comments, editors) leaves this module.
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

/** One approval, as the data layer reads it from an approved revision row. */
export interface ApprovalInput {
  annotationId: string;
  /** The status slug the approval published. */
  statusSlug: string;
  /** ISO timestamp. */
  at: string;
  approverName: string | null;
}

/**
 * Verdict history per annotation, oldest first. Each approval's verdict is the status its revision recorded, shown with
 * the vocabulary's current label (`resolve`); a status since deleted from the vocabulary shows its slug. The latest
 * approval shows the verdict readers see now (`current`). Approvals that leave the verdict unchanged are not listed.
 */
export function buildVerdictHistory(
  approvals: readonly ApprovalInput[],
  current: ReadonlyMap<string, VerdictRef>,
  resolve: (slug: string) => VerdictRef | undefined,
): Map<string, VerdictChange[]> {
  const byAnnotation = new Map<string, ApprovalInput[]>();
  for (const a of approvals) {
    const list = byAnnotation.get(a.annotationId) ?? [];
    list.push(a);
    byAnnotation.set(a.annotationId, list);
  }
  const result = new Map<string, VerdictChange[]>();
  for (const [annotationId, list] of byAnnotation) {
    const sorted = [...list].sort((a, b) => a.at.localeCompare(b.at));
    let published: VerdictRef | null = null;
    const changes: VerdictChange[] = [];
    sorted.forEach((approval, i) => {
      const latest = i === sorted.length - 1;
      const ref: VerdictRef = (latest ? current.get(annotationId) : undefined) ?? resolve(approval.statusSlug) ?? { slug: approval.statusSlug, label: approval.statusSlug };
      if (published && published.slug === ref.slug) return;
      changes.push({ at: approval.at, by: approval.approverName, from: published, to: { slug: ref.slug, label: ref.label } });
      published = ref;
    });
    if (changes.length > 0) result.set(annotationId, changes);
  }
  return result;
}

/** When a verdict was first published and when it last changed (ISO timestamps). */
export interface VerdictDates {
  /** The first approval, or the article's publication when that came later. */
  publishedAt: string;
  /** The latest approval that changed the verdict (never earlier than publishedAt); publishedAt when it never changed. */
  verdictChangedAt: string;
}

/**
 * One annotation's verdict dates from its approvals (any order). Re-approvals that keep the verdict (a rationale or
 * source edited, a wording confirmed) do not count as changes. Null when it was never approved.
 */
export function verdictDates(approvals: readonly { statusSlug: string; at: string }[], articlePublishedAt: string | null): VerdictDates | null {
  const sorted = [...approvals].sort((a, b) => a.at.localeCompare(b.at));
  if (sorted.length === 0) return null;
  let changedAt = sorted[0].at;
  for (let i = 1; i < sorted.length; i++) if (sorted[i].statusSlug !== sorted[i - 1].statusSlug) changedAt = sorted[i].at;
  const latest = (x: string, y: string | null) => (y !== null && Date.parse(y) > Date.parse(x) ? y : x);
  const publishedAt = latest(sorted[0].at, articlePublishedAt);
  return { publishedAt, verdictChangedAt: latest(changedAt, publishedAt) };
}
