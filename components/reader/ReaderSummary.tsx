import Link from "next/link";
import type { ReaderSummary as Summary, SummaryEntry } from "@/lib/reader/filters";

function FilterList({ title, entries, id }: { title: string; entries: SummaryEntry[]; id: string }) {
  return (
    <div>
      <h2 id={id} className="mb-1 text-xs font-semibold uppercase tracking-wide text-stone-600">
        {title}
      </h2>
      <ul className="flex flex-wrap gap-2" aria-labelledby={id}>
        {entries.map((e) => (
          <li key={e.slug}>
            <Link
              href={e.href}
              prefetch={false}
              className="filter-chip"
              aria-current={e.active ? "true" : undefined}
              data-filter-value={e.slug}
              title={e.active ? `Showing only ${e.label} — select to show all` : `Show only ${e.label}`}
            >
              <span aria-hidden="true" className="filter-swatch" style={{ background: e.color }} />
              {e.label} <span className="font-semibold">{e.count}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The statements by verdict and by claim type; every entry is a link that filters the page (no JavaScript). */
export function ReaderSummary({
  summary,
  shown,
  filtered,
  clearHref,
}: {
  summary: Summary;
  shown: number;
  filtered: boolean;
  clearHref: string;
}) {
  if (summary.total === 0) return <p className="text-sm text-stone-600">No reviewed statements yet.</p>;
  return (
    <nav aria-label="Filter statements" className="reader-summary no-print space-y-3 rounded-lg border border-stone-300 bg-white p-4 text-sm" data-testid="reader-summary">
      <div aria-hidden="true" className="flex h-2 w-full max-w-md overflow-hidden rounded border border-stone-400">
        {summary.byStatus.map((p) => (
          <span key={p.slug} style={{ background: p.color, width: `${(p.count / summary.total) * 100}%` }} />
        ))}
      </div>
      <p role="status" data-testid="filter-status">
        {filtered ? (
          <>
            Showing <strong>{shown}</strong> of {summary.total} sourced statements.{" "}
            <Link href={clearHref} prefetch={false} className="font-medium text-blue-800 underline">
              Show all statements
            </Link>
          </>
        ) : (
          <>
            <strong>{summary.total} sourced statements.</strong> Select a verdict or a claim type to show only those.
          </>
        )}
      </p>
      {summary.unknownStatuses.length > 0 || summary.unknownTypes.length > 0 ? (
        <p className="text-amber-900">
          Unknown filter value: {[...summary.unknownStatuses, ...summary.unknownTypes].map((v) => `“${v}”`).join(", ")}.
        </p>
      ) : null}
      <FilterList id="summary-status" title="By verdict" entries={summary.byStatus} />
      <FilterList id="summary-type" title="By claim type" entries={summary.byType} />
    </nav>
  );
}
