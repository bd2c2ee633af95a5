import Link from "next/link";
import type { AdminSourceDTO, SourceMergePreviewDTO } from "@/lib/contracts/admin-dto";
import { MergeSourceForm } from "./MergeSourceForm";
import { kindLabel, usageText } from "./SourceList";

function SourceCard({ title, source, testId }: { title: string; source: AdminSourceDTO; testId: string }) {
  return (
    <div className="min-w-0 flex-1 rounded-lg border border-stone-300 bg-white p-3" data-testid={testId}>
      <p className="text-xs font-semibold uppercase tracking-wide text-stone-600">{title}</p>
      <p className="break-words font-medium text-stone-900">
        <Link href={`/sources/${encodeURIComponent(source.id)}`} className="underline">
          {source.name}
        </Link>
      </p>
      <p className="text-sm text-stone-700">
        {kindLabel(source.kind)}
        {source.date ? ` · ${source.date}` : ""}
      </p>
      {source.url ? <p className="break-all text-sm text-stone-700">{source.url}</p> : null}
      <p className="mt-1 text-sm text-stone-700">{usageText(source.usage)}</p>
    </div>
  );
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What a merge will do, before the admin confirms it. */
export function SourceMergePreview({ preview }: { preview: SourceMergePreviewDTO }) {
  const { source, into, redirects } = preview;
  const u = source.usage;
  return (
    <section aria-labelledby="preview-heading" className="space-y-3 rounded-lg border border-amber-400 bg-amber-50 p-4">
      <h2 id="preview-heading" className="text-lg font-semibold text-stone-900">
        Preview
      </h2>
      <div className="flex flex-wrap gap-3">
        <SourceCard title="Merged away" source={source} testId="merge-from" />
        <SourceCard title="Stays" source={into} testId="merge-into" />
      </div>
      <ul className="list-disc space-y-1 pl-6 text-sm text-stone-800" data-testid="merge-moves">
        <li>
          {plural(u.hops, "chain hop moves", "chain hops move")} to “{into.name}”: {plural(u.annotations, "annotation", "annotations")} in{" "}
          {plural(u.articles, "article", "articles")}.
        </li>
        {redirects > 0 ? <li>{plural(redirects, "source merged earlier into it now redirects", "sources merged earlier into it now redirect")} to “{into.name}”.</li> : null}
        <li>The page of “{source.name}” redirects to the page of “{into.name}”, which lists the statements of both.</li>
        <li>Already approved annotations keep the chain they were approved with; they are now found under “{into.name}”.</li>
        <li>The merge is recorded in the audit log and can be undone from the sources page, as long as the moved chains are not edited meanwhile.</li>
      </ul>
      {source.kind !== into.kind ? (
        <p className="text-sm font-medium text-amber-950">
          These sources have different kinds ({kindLabel(source.kind)} and {kindLabel(into.kind)}): check that they are the same speaker.
        </p>
      ) : null}
      <MergeSourceForm source={source} into={into} />
    </section>
  );
}
