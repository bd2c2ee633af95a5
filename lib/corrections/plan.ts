/**
 * Planning a correction of an article's text, as pure code: where every statement and annotation goes in the new
 * version, and which statements the pipeline proposes for text that no kept statement covers. The data layer shows
 * the plan as a preview, then applies it unchanged on confirm.
 *
 * Annotations get one outcome each (see lib/anchoring/reanchor-revision.ts): unchanged, moved, changed, orphaned.
 * An unannotated statement is kept when its text survived verbatim (shifted to its new place) and dropped otherwise;
 * the proposals of the import pipeline then fill the gaps, so inserted text gets statements as at import.
 */
import { prepareRevision, reanchorThroughRevision, type RevisionOutcome } from "@/lib/anchoring/reanchor-revision";
import { equalRunCovering } from "@/lib/anchoring/text-diff";
import type { TextRange } from "@/lib/domain/types";

export interface PlanAnnotation {
  id: string;
  /** The working copy's quote and where it stood in the old text. */
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  /** The span readers see (approvedStart/approvedEnd), when it differs from the working span. */
  approved: TextRange | null;
}

export interface PlanStatement {
  id: string;
  start: number;
  end: number;
  annotation: PlanAnnotation | null;
}

export interface PlannedAnnotation {
  annotationId: string;
  statementId: string;
  oldQuote: string;
  outcome: RevisionOutcome;
  /** Where readers will see it in the new text (null when orphaned). */
  approved: TextRange | null;
}

export interface CorrectionPlan {
  annotations: PlannedAnnotation[];
  /** Unannotated statements whose text survived verbatim, at their new offsets. */
  keptStatements: Array<{ id: string; start: number; end: number }>;
  /** New statements from the pipeline's proposals, in text no kept statement covers. */
  proposedStatements: TextRange[];
  counts: Record<RevisionOutcome["kind"], number> & { dropped: number; proposed: number };
}

const overlaps = (a: TextRange, b: TextRange) => a.start < b.end && b.start < a.end;

export function planCorrection(oldText: string, newText: string, statements: readonly PlanStatement[], proposed: readonly TextRange[]): CorrectionPlan {
  const revision = prepareRevision(oldText, newText);
  const annotations: PlannedAnnotation[] = [];
  const keptStatements: CorrectionPlan["keptStatements"] = [];
  let dropped = 0;

  for (const st of [...statements].sort((a, b) => a.start - b.start)) {
    const a = st.annotation;
    if (!a) {
      const run = equalRunCovering(revision.diff, st.start, st.end);
      if (run) {
        const start = run.newStart + st.start - run.oldStart;
        keptStatements.push({ id: st.id, start, end: start + st.end - st.start });
      } else {
        dropped++;
      }
      continue;
    }
    const outcome = reanchorThroughRevision(revision, { exact: a.exact, prefix: a.prefix, suffix: a.suffix, start: a.start, end: a.end });
    annotations.push({ annotationId: a.id, statementId: st.id, oldQuote: a.exact, outcome, approved: approvedSpanAfter(revision, oldText, a, outcome) });
  }

  // Two annotations may not share text: a later one that lands on an earlier one's new span is orphaned, not merged.
  const taken: TextRange[] = [];
  const placed = annotations.filter((p) => p.outcome.kind !== "orphaned").map((p) => ({ p, span: spanOf(p.outcome)! }));
  for (const { p, span } of placed.sort((x, y) => x.span.start - y.span.start)) {
    if (taken.some((t) => overlaps(t, span))) {
      p.outcome = { kind: "orphaned", bestScore: 0 };
      p.approved = null;
    } else {
      taken.push(span);
    }
  }
  const survivors = keptStatements.filter((s) => {
    const clash = taken.some((t) => overlaps(t, s));
    if (clash) dropped++;
    return !clash;
  });
  const occupied = [...taken, ...survivors];
  const proposedStatements = proposed.filter((p) => !occupied.some((o) => overlaps(o, p))).map((p) => ({ start: p.start, end: p.end }));

  const counts = { unchanged: 0, moved: 0, changed: 0, orphaned: 0, dropped, proposed: proposedStatements.length };
  for (const p of annotations) counts[p.outcome.kind]++;
  return { annotations, keptStatements: survivors, proposedStatements, counts };
}

/** The new span of an outcome, or null when orphaned. */
export function spanOf(outcome: RevisionOutcome): TextRange | null {
  return outcome.kind === "orphaned" ? null : { start: outcome.start, end: outcome.end };
}

/**
 * The span readers see follows the working span when they were the same; when a pending split or merge had made
 * them differ, the approved span is re-anchored on its own, falling back to the working span's new place.
 */
function approvedSpanAfter(revision: ReturnType<typeof prepareRevision>, oldText: string, a: PlanAnnotation, working: RevisionOutcome): TextRange | null {
  const workingSpan = spanOf(working);
  if (!workingSpan) return null;
  if (!a.approved || (a.approved.start === a.start && a.approved.end === a.end)) return workingSpan;
  const exact = oldText.slice(a.approved.start, a.approved.end);
  const own = reanchorThroughRevision(revision, { exact, prefix: "", suffix: "", start: a.approved.start, end: a.approved.end });
  return spanOf(own) ?? workingSpan;
}
