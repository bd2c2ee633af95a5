import type { Metadata } from "next";
import Link from "next/link";
import { requireAdminPage } from "@/lib/server/admin/page-guard";
import { getAuditFilterOptions, listAuditEvents } from "@/lib/server/admin/audit-log";
import { AuditEntry } from "@/components/admin/AuditEntry";
import { AuditFilterSchema } from "@/lib/contracts/admin";
import { fieldErrors } from "@/lib/contracts/forms";

export const metadata: Metadata = { title: "Audit log · Admin" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";
const inputClass = "w-full rounded border border-stone-400 bg-white px-2 py-1.5 text-sm text-stone-900";

export default async function AdminAuditPage({ searchParams }: Props) {
  const admin = await requireAdminPage("/admin/audit");
  const sp = await searchParams;
  const raw = { actor: first(sp.actor), entityType: first(sp.entityType), action: first(sp.action), from: first(sp.from), to: first(sp.to), cursor: first(sp.cursor) };
  const parsed = AuditFilterSchema.safeParse(raw);
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  const [page, options] = await Promise.all([listAuditEvents(admin, parsed.success ? parsed.data : {}), getAuditFilterOptions(admin)]);
  const filterQuery = new URLSearchParams(Object.entries({ ...raw, cursor: "" }).filter(([, v]) => v) as [string, string][]);
  const filtered = filterQuery.toString() !== "";
  // The export matches what the page shows: invalid filters are ignored here too (rather than a 400 download).
  const exportQuery = parsed.success ? filterQuery.toString() : "";
  const nextQuery = new URLSearchParams(filterQuery);
  if (page.nextCursor) nextQuery.set("cursor", page.nextCursor);

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold text-stone-900">Audit log</h1>
          <p className="text-sm text-stone-700">Every change, newest first. Open an entry to see what it changed. Times are UTC.</p>
        </div>
        <a
          href={`/admin/audit/export${exportQuery ? `?${exportQuery}` : ""}`}
          className="rounded border border-stone-500 bg-white px-3 py-1.5 text-sm font-medium text-stone-900 hover:bg-stone-100"
          download
        >
          Export {exportQuery ? "this filtered view" : "everything"} as CSV
        </a>
      </div>

      <form method="get" action="/admin/audit" className="grid gap-3 rounded-lg border border-stone-300 bg-white p-4 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_1fr_9.5rem_9.5rem_auto]" aria-label="Filter the audit log">
        <div>
          <label htmlFor="f-actor" className="mb-1 block text-sm font-medium text-stone-800">
            Actor
          </label>
          <select id="f-actor" name="actor" defaultValue={raw.actor} className={inputClass}>
            <option value="">Anyone</option>
            {options.actors.map((a) => (
              <option key={a.value} value={a.value}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="f-entity" className="mb-1 block text-sm font-medium text-stone-800">
            Entity type
          </label>
          <select id="f-entity" name="entityType" defaultValue={raw.entityType} className={inputClass}>
            <option value="">Any</option>
            {options.entityTypes.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
          {errors.entityType ? <p className="mt-1 text-sm text-red-800">{errors.entityType}</p> : null}
        </div>
        <div>
          <label htmlFor="f-action" className="mb-1 block text-sm font-medium text-stone-800">
            Action
          </label>
          <input id="f-action" name="action" list="f-action-list" defaultValue={raw.action} placeholder="e.g. user.invite or user." className={inputClass} aria-describedby="f-action-hint" />
          <datalist id="f-action-list">
            {options.actions.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
          <p id="f-action-hint" className="mt-1 text-xs text-stone-600">
            End with a dot for a group (“user.”).
          </p>
          {errors.action ? <p className="mt-1 text-sm text-red-800">{errors.action}</p> : null}
        </div>
        <div>
          <label htmlFor="f-from" className="mb-1 block text-sm font-medium text-stone-800">
            From
          </label>
          <input id="f-from" name="from" type="date" defaultValue={raw.from} className={inputClass} />
          {errors.from ? <p className="mt-1 text-sm text-red-800">{errors.from}</p> : null}
        </div>
        <div>
          <label htmlFor="f-to" className="mb-1 block text-sm font-medium text-stone-800">
            To (inclusive)
          </label>
          <input id="f-to" name="to" type="date" defaultValue={raw.to} className={inputClass} />
          {errors.to ? <p className="mt-1 text-sm text-red-800">{errors.to}</p> : null}
        </div>
        <div className="flex items-end gap-2">
          <button type="submit" className="rounded bg-stone-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-stone-700">
            Filter
          </button>
          {filtered ? (
            <Link href="/admin/audit" className="px-2 py-1.5 text-sm text-blue-800 underline">
              Clear
            </Link>
          ) : null}
        </div>
      </form>
      {!parsed.success ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          Some filters were not valid and are ignored: {Object.values(errors).join(" ")}
        </p>
      ) : null}

      {page.events.length === 0 ? (
        <p className="rounded border border-dashed border-stone-400 bg-white p-6 text-center text-stone-700">
          {filtered ? "No events match these filters." : "Nothing has been recorded yet."}
        </p>
      ) : (
        <ol className="rounded-lg border border-stone-300 bg-white text-sm" data-testid="audit-list">
          {page.events.map((e) => (
            <AuditEntry key={e.id} event={e} />
          ))}
        </ol>
      )}

      <nav aria-label="Audit log pages" className="flex gap-4 text-sm">
        {raw.cursor ? (
          <Link href={`/admin/audit${filterQuery.toString() ? `?${filterQuery}` : ""}`} className="text-blue-800 underline">
            ← Newest
          </Link>
        ) : null}
        {page.nextCursor ? (
          <Link href={`/admin/audit?${nextQuery}`} className="text-blue-800 underline" rel="next">
            Older events →
          </Link>
        ) : page.events.length ? (
          <span className="text-stone-600">End of the log.</span>
        ) : null}
      </nav>
    </div>
  );
}
