import type { HistoryEntryDTO } from "@/lib/contracts/workspace";

const fmt = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Who, when, what changed (field by field) and comments: text rendered as text. */
export function HistoryTimeline({ entries }: { entries: HistoryEntryDTO[] }) {
  if (entries.length === 0) return <p className="text-sm text-stone-600">No history yet.</p>;
  return (
    <ol className="space-y-3 border-l-2 border-stone-300 pl-4" aria-label="Annotation history" data-testid="history">
      {entries.map((e) => (
        <li key={e.id} className="text-sm" data-action={e.action}>
          <p>
            <strong className="text-stone-900">{e.actionLabel}</strong> by {e.actor}{" "}
            <time dateTime={e.at} className="text-stone-600">
              {fmt.format(new Date(e.at))} UTC
            </time>
          </p>
          {e.recognised ? null : (
            <p className="mt-1 text-amber-900" data-testid="history-unrecognised">
              Unrecognised event: recorded in a shape this version does not read, so its changes are not shown (the audit log keeps it as stored).
            </p>
          )}
          {e.comment ? <p className="mt-1 whitespace-pre-wrap rounded bg-stone-100 px-2 py-1 text-stone-800">“{e.comment}”</p> : null}
          {e.changes.length ? (
            <details className="mt-1">
              <summary className="cursor-pointer text-stone-700">
                {e.changes.length} field{e.changes.length === 1 ? "" : "s"} changed
              </summary>
              <dl className="mt-1 space-y-1">
                {e.changes.map((c) => (
                  <div key={c.field} className="rounded border border-stone-200 bg-white p-1.5">
                    <dt className="font-semibold text-stone-800">{c.label}</dt>
                    <dd className="grid grid-cols-2 gap-2 text-xs">
                      <span className="whitespace-pre-wrap text-red-900">
                        <span className="sr-only">Before: </span>
                        {c.before}
                      </span>
                      <span className="whitespace-pre-wrap text-green-900">
                        <span className="sr-only">After: </span>
                        {c.after}
                      </span>
                    </dd>
                  </div>
                ))}
              </dl>
            </details>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
