import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { anonymousReader } from "@/lib/server/actors";
import { getArticleChanges } from "@/lib/server/corrections-log";
import { formatTimestampDate } from "@/lib/format/dates";
import { WordDiff } from "@/components/ui/WordDiff";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await getArticleChanges(anonymousReader(), (await params).slug);
  return { title: view ? `What changed: ${view.title}` : "Article not found", robots: { index: false, follow: true } };
}

/** The word-level diff between two consecutive versions of a corrected article. */
export default async function ArticleChangesPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const sp = await searchParams;
  const to = typeof sp.to === "string" && /^[0-9]{1,6}$/.test(sp.to) ? Number(sp.to) : null;
  const view = await getArticleChanges(anonymousReader(), slug, to);
  if (!view) notFound();
  const base = `/articles/${encodeURIComponent(view.slug)}`;
  const target = view.versions.find((v) => v.revision === view.to);
  return (
    <div className="max-w-3xl space-y-5">
      <p className="text-sm">
        <Link href={base} className="text-blue-800 underline">
          ← Back to the article
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-bold text-stone-900">What changed: {view.title}</h1>
      <p className="text-sm text-stone-700" data-testid="changes-summary">
        Version {view.from} → version {view.to}, corrected on {formatTimestampDate(target?.createdAt)}
        {target?.reason ? `: ${target.reason}` : "."} Deleted words are struck through, added words underlined.
      </p>
      {view.fromWasPublic ? (
        <p className="text-sm">
          <Link href={`${base}/versions/${view.from}`} className="text-blue-800 underline" data-testid="as-checked-link">
            Version {view.from} as checked on {formatTimestampDate(target?.createdAt)}, with the verdicts published then
          </Link>
        </p>
      ) : null}
      {view.versions.length > 2 ? (
        <nav aria-label="Versions" className="flex flex-wrap gap-3 text-sm">
          {view.versions.slice(1).map((v) => (
            <Link key={v.revision} href={`${base}/changes?to=${v.revision}`} aria-current={v.revision === view.to ? "page" : undefined} className="text-blue-800 underline">
              {v.revision - 1} → {v.revision}
            </Link>
          ))}
        </nav>
      ) : null}
      <div className="whitespace-pre-wrap font-serif leading-relaxed text-stone-900" data-testid="changes-diff">
        <WordDiff parts={view.diff} />
      </div>
    </div>
  );
}
