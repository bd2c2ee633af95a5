import type { AuditEventDTO } from "@/lib/contracts/admin-dto";
import { diffSnapshots } from "@/lib/workflow/audit-diff";

const CHANGE_STYLE: Record<string, string> = {
  added: "bg-green-50",
  removed: "bg-red-50",
  changed: "bg-amber-50",
  same: "",
};

function Value({ v }: { v: string | null }) {
  if (v === null) return <span className="text-stone-600">—</span>;
  return <span className="whitespace-pre-wrap break-words font-mono text-xs">{v.length > 2000 ? `${v.slice(0, 2000)}…` : v}</span>;
}

/** One audit event: a summary line, expandable to its before/after diff (works without JavaScript). */
export function AuditEntry({ event }: { event: AuditEventDTO }) {
  const rows = diffSnapshots(event.before, event.after);
  const changed = rows.filter((r) => r.change !== "same").length;
  const when = event.createdAt.slice(0, 19).replace("T", " ");
  const label = event.entityLabel;
  return (
    <li className="border-t border-stone-200 first:border-t-0" data-testid="audit-entry" data-action={event.action} data-entity-id={event.entityId}>
      <details className="group">
        <summary className="grid cursor-pointer grid-cols-1 gap-1 px-3 py-2 hover:bg-stone-50 sm:grid-cols-[12.5rem_14rem_1fr]">
          <time dateTime={event.createdAt} className="tabular-nums text-stone-700">
            {when} UTC
          </time>
          <span className="truncate text-stone-900" title={event.actorLabel}>
            {event.actorLabel}
          </span>
          <span>
            <code className="rounded bg-stone-100 px-1 font-semibold text-stone-900">{event.action}</code>{" "}
            <span className="text-stone-700">
              {event.entityType} <code className="text-xs">{event.entityId}</code>
              {label ? (
                <>
                  {" · "}
                  <span data-testid="audit-entity-label" className="break-words">
                    {label.of === "article" ? "in article " : ""}
                    <span className="font-medium text-stone-900">{label.text}</span>
                    {label.current ? "" : " (no longer exists)"}
                  </span>
                </>
              ) : null}
              {rows.length ? ` · ${changed} field${changed === 1 ? "" : "s"} changed` : ""}
            </span>
            {event.recognised ? null : (
              <span className="block text-amber-900" data-testid="audit-unrecognised">
                Unrecognised event: its data does not have the shape this version records for “{event.action}”; shown as stored.
              </span>
            )}
            {event.comment ? <span className="block text-stone-700">“{event.comment}”</span> : null}
          </span>
        </summary>
        <div className="px-3 pb-3">
          {rows.length === 0 ? (
            <p className="text-sm text-stone-700">No before/after data recorded for this event.</p>
          ) : (
            <table className="w-full table-fixed text-left text-sm" data-testid="audit-diff">
              <caption className="sr-only">Changes in {event.action}</caption>
              <thead className="text-stone-700">
                <tr>
                  <th scope="col" className="w-40 px-2 py-1">Field</th>
                  <th scope="col" className="px-2 py-1">Before</th>
                  <th scope="col" className="px-2 py-1">After</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.field} className={`border-t border-stone-200 align-top ${CHANGE_STYLE[r.change]}`} data-change={r.change}>
                    <th scope="row" className="px-2 py-1 font-medium">
                      {r.field}
                      {r.change !== "same" ? <span className="sr-only"> ({r.change})</span> : null}
                    </th>
                    <td className="px-2 py-1">
                      <Value v={r.before} />
                    </td>
                    <td className="px-2 py-1">
                      <Value v={r.after} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {event.articleId ? (
            <p className="mt-1 text-xs text-stone-700">
              Article {label?.of === "article" ? `“${label.text}” ` : ""}
              {event.articleId}
            </p>
          ) : null}
          {event.action === "source.merge" && event.recognised ? (
            <p className="mt-1 text-sm">
              <a href={`/admin/sources#merged-${encodeURIComponent(event.entityId)}`} className="text-blue-800 underline">
                Undo this merge on the sources page
              </a>{" "}
              (offered while the source is still merged).
            </p>
          ) : null}
        </div>
      </details>
    </li>
  );
}
