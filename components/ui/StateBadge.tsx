export const WORKFLOW_BADGE: Record<string, string> = {
  none: "bg-white text-stone-700 border-stone-400",
  draft: "bg-amber-100 text-amber-950 border-amber-400",
  in_review: "bg-sky-100 text-sky-950 border-sky-400",
  approved: "bg-green-100 text-green-950 border-green-500",
};

export function StateBadge({ state, label }: { state: string; label: string }) {
  return <span className={`inline-block rounded border px-1.5 py-0.5 text-xs font-semibold ${WORKFLOW_BADGE[state] ?? WORKFLOW_BADGE.none}`}>{label}</span>;
}
