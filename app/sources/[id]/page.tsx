import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { anonymousReader } from "@/lib/server/actors";
import { getSourcePage } from "@/lib/server/claims/sources";
import { StatusBadge, shortQuote } from "@/components/reader/AnnotationDetails";
import { formatPartialDate, formatTimestampDate } from "@/lib/format/dates";
import { SOURCE_KIND_LABELS } from "@/lib/vocabulary/labels";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await getSourcePage(anonymousReader(), (await params).id);
  return page ? { title: `${page.source.name}: checked claims`, description: `Every published statement attributed to or relayed by ${page.source.name}.` } : { title: "Source not found" };
}

const ROLE_LABELS = { speaker: "attributed to it", origin: "it is the origin", relay: "relayed by it" } as const;

/** A source across articles: every published statement attributed to it or relayed by it, with the verdicts. */
export default async function SourcePage({ params }: Props) {
  const page = await getSourcePage(anonymousReader(), (await params).id);
  if (!page) notFound();
  // A duplicate an admin merged away: its address lives on as a permanent redirect to the source it was merged into.
  if (page.source.mergedIntoId) permanentRedirect(`/sources/${encodeURIComponent(page.source.mergedIntoId)}`);
  const { source, statements, verdicts, articles, firstAppearance } = page;
  return (
    <div className="max-w-4xl space-y-6">
      <header className="space-y-1">
        <p className="text-sm text-stone-600">{SOURCE_KIND_LABELS[source.kind] ?? source.kind}</p>
        <h1 className="font-serif text-3xl font-bold text-stone-900">{source.name}</h1>
        {source.url ? (
          <p className="text-sm">
            <a href={source.url} rel="nofollow noopener noreferrer" className="underline">
              {source.url}
            </a>
          </p>
        ) : null}
        <p className="text-stone-700">
          {statements.length === 0
            ? "No published statement is attributed to this source or relayed by it yet."
            : `${statements.length} published ${statements.length === 1 ? "statement" : "statements"} in ${articles.length} ${articles.length === 1 ? "article" : "articles"}.`}
          {firstAppearance ? ` First appearance we have: ${formatPartialDate(firstAppearance.date)}, in “${firstAppearance.article.title}”.` : ""}
        </p>
        {statements.length > 0 ? (
          <p className="text-sm">
            <Link href={`/search?source=${encodeURIComponent(source.id)}`} className="underline">
              Search within this source’s statements
            </Link>
          </p>
        ) : null}
      </header>

      {verdicts.length > 0 ? (
        <section aria-labelledby="verdicts-heading">
          <h2 id="verdicts-heading" className="mb-2 text-lg font-semibold text-stone-900">
            Verdicts
          </h2>
          <ul className="flex flex-wrap gap-3" data-testid="source-verdicts">
            {verdicts.map((v) => (
              <li key={v.slug} className="flex items-center gap-1 text-sm">
                <StatusBadge label={v.label} color={v.color} /> × {v.count}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {articles.length > 0 ? (
        <section aria-labelledby="articles-heading">
          <h2 id="articles-heading" className="mb-2 text-lg font-semibold text-stone-900">
            Articles
          </h2>
          <ul className="list-disc space-y-1 pl-6 text-sm">
            {articles.map((a) => (
              <li key={a.slug}>
                <Link href={`/articles/${a.slug}`} className="underline">
                  {a.title}
                </Link>
                {a.outlet ? ` (${a.outlet})` : ""} — {a.statements} {a.statements === 1 ? "statement" : "statements"}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {statements.length > 0 ? (
        <section aria-labelledby="statements-heading" className="space-y-3">
          <h2 id="statements-heading" className="text-lg font-semibold text-stone-900">
            Statements
          </h2>
          <ol className="space-y-3">
            {statements.map((s) => (
              <li key={s.annotationId} className="rounded-lg border border-stone-300 bg-white p-4">
                <blockquote className="font-serif text-stone-900">
                  <Link href={s.permalink} className="hover:underline">
                    {shortQuote(s.quote, 280)}
                  </Link>
                </blockquote>
                <p className="mt-2 flex flex-wrap items-center gap-x-3 text-sm text-stone-700">
                  <StatusBadge label={s.verdict.label} color={s.verdict.color} />
                  <span>{s.roles.map((r) => ROLE_LABELS[r]).join("; ")}</span>
                  {s.speakerName ? <span>speaker: {s.speakerName}</span> : null}
                </p>
                <p className="mt-1 text-sm text-stone-600">
                  In{" "}
                  <Link href={`/articles/${s.article.slug}`} className="underline">
                    {s.article.title}
                  </Link>
                  {s.claimDate ? ` · said ${formatPartialDate(s.claimDate)}` : ""} · checked <time dateTime={s.approvedAt}>{formatTimestampDate(s.approvedAt)}</time>
                </p>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
