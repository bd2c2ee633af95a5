import type { ClaimTypeDTO, VerificationStatusDTO } from "@/lib/domain/types";

/** What the highlight colours and tags mean, from the vocabulary tables. */
export function Legend({ statuses, claimTypes }: { statuses: VerificationStatusDTO[]; claimTypes: ClaimTypeDTO[] }) {
  return (
    <section aria-labelledby="legend-title" className="rounded-lg border border-stone-300 bg-white p-4 text-sm">
      <h2 id="legend-title" className="mb-2 font-semibold text-stone-900">
        Legend
      </h2>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-stone-600">Verdict (highlight colour)</h3>
      <ul className="mb-3 grid grid-cols-1 gap-1 sm:grid-cols-2" data-testid="legend-statuses">
        {statuses.map((s) => (
          <li key={s.slug} className="flex items-center gap-2" title={s.description}>
            <span aria-hidden="true" className="inline-block h-4 w-6 rounded border border-stone-500" style={{ background: s.color }} />
            <span>{s.label}</span>
          </li>
        ))}
      </ul>
      <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-stone-600">Claim type (tag after the statement)</h3>
      <ul className="grid grid-cols-1 gap-1 sm:grid-cols-2" data-testid="legend-claim-types">
        {claimTypes.map((t) => (
          <li key={t.slug} title={t.description}>
            <span className="highlight-tag !ml-0 !align-baseline">{t.shortLabel}</span> {t.label}
          </li>
        ))}
      </ul>
    </section>
  );
}
