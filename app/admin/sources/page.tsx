import type { Metadata } from "next";
import { requireAdminPage } from "@/lib/server/admin/page-guard";
import { getAdminSource, listAdminSources } from "@/lib/server/admin/sources";
import { SourceList } from "@/components/admin/SourceList";
import { Notice } from "@/components/ui/Notice";
import { inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { isPlausibleId } from "@/lib/server/reader";

export const metadata: Metadata = { title: "Sources · Admin" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function AdminSourcesPage({ searchParams }: Props) {
  const me = await requireAdminPage("/admin/sources");
  const sp = await searchParams;
  const list = await listAdminSources(me, { q: first(sp.q), page: first(sp.page) || undefined });
  const merged = isPlausibleId(first(sp.merged)) ? await getAdminSource(me, first(sp.merged)) : null;
  const undone = isPlausibleId(first(sp.undone)) ? await getAdminSource(me, first(sp.undone)) : null;
  const mergedInto = merged?.mergedIntoId ? await getAdminSource(me, merged.mergedIntoId) : null;
  const q = first(sp.q).trim();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold text-stone-900">Sources</h1>
      <p className="max-w-3xl text-sm text-stone-700">
        Every speaker, relay and document in a provenance chain. The editor makes a new source for each name typed into a chain, so one organisation can
        appear several times. Merge a duplicate into the source that should stay: its chain hops move there and its page redirects. A merge can be undone.
      </p>
      {merged && mergedInto ? (
        <Notice tone="success" testId="merge-done">
          “{merged.name}” was merged into “{mergedInto.name}”. Its page now redirects there. Undo it under Merged sources below if this was a mistake.
        </Notice>
      ) : null}
      {undone && !undone.mergedIntoId ? (
        <Notice tone="success" testId="unmerge-done">
          Merge undone: “{undone.name}” is a source of its own again, with the chain hops it had before.
        </Notice>
      ) : null}
      <form method="get" action="/admin/sources" role="search" className="flex flex-wrap items-end gap-2">
        <div className="min-w-[16rem] flex-1">
          <label htmlFor="sources-q" className="mb-1 block text-sm font-medium text-stone-800">
            Search sources by name
          </label>
          <input id="sources-q" name="q" type="search" defaultValue={q} maxLength={200} className={inputClass} />
        </div>
        <button type="submit" className={secondaryButtonClass}>
          Search
        </button>
      </form>
      <SourceList list={list} q={q} />
    </div>
  );
}
