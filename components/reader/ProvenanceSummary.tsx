import type { VerificationStatusDTO } from "@/lib/domain/types";

/** "18 sourced statements: 6 Verified, 3 Partly true, …" in vocabulary order, with a bar of status colours. */
export function ProvenanceSummary({ counts, statuses, total }: { counts: Record<string, number>; statuses: VerificationStatusDTO[]; total: number }) {
  if (total === 0) return <p className="text-sm text-stone-600">No reviewed statements yet.</p>;
  const parts = statuses.filter((s) => counts[s.slug]).map((s) => ({ ...s, count: counts[s.slug] }));
  return (
    <div className="text-sm text-stone-700" data-testid="provenance-summary">
      <div aria-hidden="true" className="mb-1 flex h-2 w-full max-w-md overflow-hidden rounded border border-stone-400">
        {parts.map((p) => (
          <span key={p.slug} style={{ background: p.color, width: `${(p.count / total) * 100}%` }} />
        ))}
      </div>
      <p>
        <strong>
          {total} sourced statement{total === 1 ? "" : "s"}
        </strong>
        : {parts.map((p) => `${p.count} ${p.label.toLowerCase()}`).join(", ")}
      </p>
    </div>
  );
}
