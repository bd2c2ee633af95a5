import Link from "next/link";
import type { AdminSourceDTO, AdminSourceListDTO, SourceUsageDTO } from "@/lib/contracts/admin-dto";
import { SOURCE_KIND_LABELS } from "@/lib/vocabulary/labels";
import { formatTimestampDate } from "@/lib/format/dates";
import { UndoMergeForm } from "./UndoMergeForm";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function kindLabel(kind: string): string {
  return SOURCE_KIND_LABELS[kind as keyof typeof SOURCE_KIND_LABELS] ?? kind;
}

export function usageText(u: SourceUsageDTO): string {
  if (u.hops === 0) return "Not in any chain";
  return `${plural(u.hops, "chain hop", "chain hops")} · ${plural(u.annotations, "annotation", "annotations")} · ${plural(u.articles, "article", "articles")}`;
}

const mergeHref = (id: string, into?: string) => `/admin/sources/${encodeURIComponent(id)}/merge${into ? `?into=${encodeURIComponent(into)}` : ""}`;

// Below md the table reads as one card per source, each cell labelled from data-label.
const cell =
  "px-3 py-2 max-md:flex max-md:flex-wrap max-md:items-baseline max-md:gap-x-3 max-md:py-1 max-md:before:w-28 max-md:before:shrink-0 max-md:before:text-xs max-md:before:font-semibold max-md:before:uppercase max-md:before:text-stone-600 max-md:before:content-[attr(data-label)]";

function SourceRow({ source }: { source: AdminSourceDTO }) {
  return (
    <tr className="border-t border-stone-200 align-top max-md:block max-md:py-2" data-testid={`source-row-${source.id}`}>
      <td className={cell} data-label="Source">
        <div className="min-w-0 break-words">
          <Link href={`/sources/${encodeURIComponent(source.id)}`} className="font-medium text-stone-900 underline">
            {source.name}
          </Link>
          <div className="text-xs text-stone-600">
            {kindLabel(source.kind)}
            {source.date ? ` · ${source.date}` : ""}
            {source.url ? <span className="break-all"> · {source.url}</span> : null}
          </div>
        </div>
      </td>
      <td className={cell} data-label="Used in">
        {usageText(source.usage)}
      </td>
      <td className={cell} data-label="Likely duplicates">
        {source.likelyDuplicates.length === 0 ? (
          <span className="text-stone-500">None found</span>
        ) : (
          <ul className="space-y-1" data-testid="likely-duplicates">
            {source.likelyDuplicates.map((d) => (
              <li key={d.id}>
                <Link href={mergeHref(d.id, source.id)} className="underline" aria-label={`Merge ${d.name} (${kindLabel(d.kind)}) into ${source.name}`}>
                  {d.name}
                </Link>{" "}
                <span className="text-xs text-stone-600">
                  ({d.reason}, {kindLabel(d.kind).toLowerCase()})
                </span>
              </li>
            ))}
          </ul>
        )}
      </td>
      <td className={cell} data-label="Actions">
        <Link href={mergeHref(source.id)} className="whitespace-nowrap rounded border border-stone-500 bg-white px-3 py-1.5 text-sm font-medium text-stone-900 hover:bg-stone-100">
          Merge into…
        </Link>
      </td>
    </tr>
  );
}

/** The sources page: the searchable list with usage and duplicate hints, its pages, and the merges that can be undone. */
export function SourceList({ list, q }: { list: AdminSourceListDTO; q: string }) {
  const pageHref = (page: number) => `/admin/sources?${new URLSearchParams({ ...(q ? { q } : {}), page: String(page) })}`;
  return (
    <div className="space-y-6">
      <div className="overflow-x-auto rounded-lg border border-stone-300 bg-white max-md:overflow-visible">
        <table className="w-full text-left text-sm max-md:block" data-testid="sources-table">
          <caption className="sr-only">Sources</caption>
          <thead className="bg-stone-100 text-stone-800 max-md:hidden">
            <tr>
              <th scope="col" className="px-3 py-2">Source</th>
              <th scope="col" className="px-3 py-2">Used in</th>
              <th scope="col" className="px-3 py-2">Likely duplicates (merge into this one)</th>
              <th scope="col" className="px-3 py-2">Actions</th>
            </tr>
          </thead>
          <tbody className="max-md:block">
            {list.sources.length === 0 ? (
              <tr>
                <td colSpan={4} className="block px-3 py-6 text-center text-stone-600 md:table-cell">
                  {q ? `No source matches “${q}”.` : "No sources yet: they are made when reviewers fill in provenance chains."}
                </td>
              </tr>
            ) : null}
            {list.sources.map((s) => (
              <SourceRow key={s.id} source={s} />
            ))}
          </tbody>
        </table>
      </div>
      {list.pageCount > 1 ? (
        <nav aria-label="Pages of sources" className="flex items-center gap-4 text-sm">
          {list.page > 1 ? (
            <Link href={pageHref(list.page - 1)} className="underline" rel="prev">
              ← Previous
            </Link>
          ) : null}
          <span>
            Page {list.page} of {list.pageCount} ({plural(list.total, "source", "sources")})
          </span>
          {list.page < list.pageCount ? (
            <Link href={pageHref(list.page + 1)} className="underline" rel="next">
              Next →
            </Link>
          ) : null}
        </nav>
      ) : (
        <p className="text-sm text-stone-600">{plural(list.total, "source", "sources")}</p>
      )}

      <section aria-labelledby="merged-heading" className="space-y-2">
        <h2 id="merged-heading" className="text-lg font-semibold text-stone-900">
          Merged sources
        </h2>
        {list.merged.length === 0 ? (
          <p className="text-sm text-stone-600">No source has been merged.</p>
        ) : (
          <ul className="divide-y divide-stone-200 rounded-lg border border-stone-300 bg-white" data-testid="merged-sources">
            {list.merged.map((m) => (
              <li key={m.id} id={`merged-${m.id}`} className="flex flex-wrap items-start justify-between gap-3 px-3 py-2 text-sm" data-testid={`merged-${m.id}`}>
                <p className="min-w-0 break-words">
                  <span className="font-medium">{m.name}</span> merged into{" "}
                  <Link href={`/sources/${encodeURIComponent(m.into.id)}`} className="underline">
                    {m.into.name}
                  </Link>{" "}
                  on <time dateTime={m.mergedAt}>{formatTimestampDate(m.mergedAt)}</time>
                </p>
                <UndoMergeForm source={m} intoName={m.into.name} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
