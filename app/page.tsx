import Link from "next/link";
import { getReaderVocabulary, listPublishedArticles } from "@/lib/server/reader";
import { anonymousReader } from "@/lib/server/actors";
import { ProvenanceSummary } from "@/components/reader/ProvenanceSummary";
import { formatTimestampDate } from "@/lib/format/dates";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [articles, vocabulary] = await Promise.all([listPublishedArticles(anonymousReader()), getReaderVocabulary(anonymousReader())]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="font-serif text-3xl font-bold text-stone-900">Sourced articles</h1>
        <p className="mt-1 max-w-2xl text-stone-700">
          Every statement tagged with who said it, where it comes from and whether it holds up. Open an article to see its
          highlighted statements.
        </p>
      </div>
      {articles.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-400 bg-white p-6 text-stone-700">
          No articles have been published yet. Reviewers publish articles from the review desk.
        </p>
      ) : (
        <ul className="space-y-4" aria-label="Published articles">
          {articles.map((a) => (
            <li key={a.slug} className="rounded-lg border border-stone-300 bg-white p-5 shadow-sm">
              <h2 className="font-serif text-xl font-semibold">
                <Link href={`/articles/${a.slug}`} className="text-stone-900 hover:underline">
                  {a.title}
                </Link>
              </h2>
              <p className="mb-2 text-sm text-stone-600">
                {[a.outlet, a.byline].filter(Boolean).join(" · ") || "Outlet not recorded"}
                {a.publishedAt ? ` · fact-checked ${formatTimestampDate(a.publishedAt)}` : ""}
              </p>
              <ProvenanceSummary counts={a.statusCounts} statuses={vocabulary.statuses} total={a.annotated} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
