/**
 * The triage rules of reader reports, pure. A report goes new → acknowledged → accepted | declined (acknowledging is
 * optional); accepted and declined are final.
 */
import type { ReaderReportState, TriageAction } from "@/lib/contracts/reader-reports";

const TARGET: Record<TriageAction, ReaderReportState> = { acknowledge: "acknowledged", accept: "accepted", decline: "declined" };

const ALLOWED: Record<ReaderReportState, readonly TriageAction[]> = {
  new: ["acknowledge", "accept", "decline"],
  acknowledged: ["accept", "decline"],
  accepted: [],
  declined: [],
};

export function isClosed(state: ReaderReportState): boolean {
  return state === "accepted" || state === "declined";
}

/** The state `action` leads to from `from`, or why it may not be taken. */
export function triageTransition(from: ReaderReportState, action: TriageAction): { ok: true; to: ReaderReportState } | { ok: false; reason: string } {
  if (ALLOWED[from].includes(action)) return { ok: true, to: TARGET[action] };
  if (isClosed(from)) return { ok: false, reason: `This report is already ${from}; it cannot be changed.` };
  return { ok: false, reason: "This report has already been acknowledged." };
}

/** The actions a reviewer is offered for a report in `state`. */
export function availableTriageActions(state: ReaderReportState): readonly TriageAction[] {
  return ALLOWED[state];
}

/** "3 hours", "2 days": a duration for readers, rounded to its largest unit. */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return plural(Math.max(minutes, 1), "minute");
  const hours = Math.round(ms / 3_600_000);
  if (hours < 48) return plural(hours, "hour");
  return plural(Math.round(ms / 86_400_000), "day");
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}
