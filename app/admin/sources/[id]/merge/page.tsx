import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdminPage } from "@/lib/server/admin/page-guard";
import { getAdminSource, listAdminSources, previewSourceMerge, type SourceMergePreviewDTO } from "@/lib/server/admin/sources";
import { DomainRuleError, NotFoundError } from "@/lib/server/errors";
import { isPlausibleId } from "@/lib/server/reader";
import { SourceMergePreview } from "@/components/admin/SourceMergePreview";
import { kindLabel, usageText } from "@/components/admin/SourceList";
import { BackLink } from "@/components/ui/BackLink";
import { Notice } from "@/components/ui/Notice";
import { inputClass, secondaryButtonClass } from "@/components/ui/styles";

export const metadata: Metadata = { title: "Merge a source · Admin" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

/** Step 1: choose the source that stays (likely duplicates first, or search); step 2: the preview and the confirmation. */
export default async function MergeSourcePage({ params, searchParams }: Props) {
  const { id } = await params;
  const me = await requireAdminPage(`/admin/sources/${id}/merge`);
  if (!isPlausibleId(id)) notFound();
  const source = await getAdminSource(me, id);
  if (!source) notFound();
  const sp = await searchParams;
  const q = first(sp.q).trim();
  const intoId = first(sp.into);

  let preview: SourceMergePreviewDTO | null = null;
  let refusal: string | null = null;
  if (intoId && !source.mergedIntoId) {
    try {
      preview = await previewSourceMerge(me, id, intoId);
    } catch (error) {
      if (!(error instanceof DomainRuleError || error instanceof NotFoundError)) throw error;
      refusal = error.message;
    }
  }
  const found = q ? (await listAdminSources(me, { q })).sources.filter((s) => s.id !== id) : [];
  const chooseHref = (into: string) => `/admin/sources/${encodeURIComponent(id)}/merge?${new URLSearchParams({ ...(q ? { q } : {}), into })}`;
  const candidates = (title: string, list: { id: string; name: string; kind: string; note: string }[], testId: string) => (
    <div className="space-y-1">
      <h3 className="text-sm font-semibold text-stone-900">{title}</h3>
      <ul className="space-y-1 text-sm" data-testid={testId}>
        {list.map((c) => (
          <li key={c.id}>
            <Link href={chooseHref(c.id)} className="underline" aria-current={c.id === intoId ? "true" : undefined}>
              {c.name}
            </Link>{" "}
            <span className="text-stone-600">
              ({kindLabel(c.kind).toLowerCase()}, {c.note})
            </span>
          </li>
        ))}
      </ul>
    </div>
  );

  return (
    <div className="max-w-4xl space-y-4">
      <BackLink href="/admin/sources">All sources</BackLink>
      <h1 className="break-words text-2xl font-bold text-stone-900">Merge “{source.name}” into another source</h1>
      <p className="text-sm text-stone-700">
        {kindLabel(source.kind)} · {usageText(source.usage)}
      </p>
      {source.mergedIntoId ? (
        <Notice tone="info">This source has already been merged into another one. Undo that merge on the sources page first.</Notice>
      ) : (
        <>
          <section aria-labelledby="choose-heading" className="space-y-3">
            <h2 id="choose-heading" className="text-lg font-semibold text-stone-900">
              Choose the source that stays
            </h2>
            {source.likelyDuplicates.length > 0
              ? candidates(
                  "Likely duplicates",
                  source.likelyDuplicates.map((d) => ({ ...d, note: d.reason })),
                  "merge-candidates-duplicates",
                )
              : <p className="text-sm text-stone-600">No likely duplicate found by name. Search for the source that should stay.</p>}
            <form method="get" role="search" className="flex flex-wrap items-end gap-2">
              {intoId ? <input type="hidden" name="into" value={intoId} /> : null}
              <div className="min-w-[16rem] flex-1">
                <label htmlFor="merge-q" className="mb-1 block text-sm font-medium text-stone-800">
                  Search other sources by name
                </label>
                <input id="merge-q" name="q" type="search" defaultValue={q} maxLength={200} className={inputClass} />
              </div>
              <button type="submit" className={secondaryButtonClass}>
                Search
              </button>
            </form>
            {q ? (
              found.length > 0 ? (
                candidates(`Sources matching “${q}”`, found.map((s) => ({ ...s, note: usageText(s.usage).toLowerCase() })), "merge-candidates-search")
              ) : (
                <p className="text-sm text-stone-600">No other source matches “{q}”.</p>
              )
            ) : null}
          </section>
          {refusal ? <Notice tone="error">{refusal}</Notice> : null}
          {preview ? <SourceMergePreview preview={preview} /> : null}
        </>
      )}
    </div>
  );
}
