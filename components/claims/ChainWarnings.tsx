import type { ChainWarning } from "@/lib/provenance/chain-checks";

/** The chain checks on the saved version, for the author: what to look at before submitting. */
export function ChainWarnings({ warnings }: { warnings: ChainWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <div role="status" className="space-y-1 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950" data-testid="chain-warnings">
      <p className="font-semibold">Chain checks on the saved version ({warnings.length})</p>
      <ul className="list-disc space-y-1 pl-5">
        {warnings.map((w) => (
          <li key={`${w.code}@${w.field}`} data-code={w.code}>
            {w.message}
          </li>
        ))}
      </ul>
      <p className="text-xs">The approver must acknowledge each of these before approving.</p>
    </div>
  );
}
