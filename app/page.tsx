import Link from "next/link";
import { getReaderVocabulary } from "@/lib/server/reader";
import { listPublishedArticlesPage, parseArticleSort, type ArticleSort } from "@/lib/server/reader-list";
import { anonymousReader } from "@/lib/server/actors";
import { ProvenanceSummary } from "@/components/reader/ProvenanceSummary";
import { formatTimestampDate } from "@/lib/format/dates";

export const dynamic = "force-dynamic";

const SORT_LABELS: Record<ArticleSort, string> = { newest: "Newest first", oldest: "Oldest first", title: "By title" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function homeHref(sort: ArticleSort, page: number): string {
  const params = new URLSearchParams();
  if (sort !== "newest") params.set("sort", sort);
  if (page > 0) params.set("page", String(page + 1));
  const qs = params.toString();
  return qs ? `/?${qs}` : "/";
}

export default async function HomePage({ searchParams }: Props) {
  const sp = await searchParams;
  const sort = parseArticleSort(one(sp.sort));
  // The URL counts pages from 1.
  const requested = Number(one(sp.page) ?? "1");
  const [list, vocabulary] = await Promise.all([
    listPublishedArticlesPage(anonymousReader(), { sort, page: Number.isInteger(requested) && requested >= 1 ? requested - 1 : 0 }),
    getReaderVocabulary(anonymousReader()),
  ]);
  const articles = list.items;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="font-serif text-3xl font-bold text-stone-900">Sourced articles</h1>
        <p className="mt-1 max-w-2xl text-stone-700">
          Every statement tagged with who said it, where it comes from and whether it holds up. Open an article to see its
          highlighted statements.
        </p>
      </div>
      {list.total > 0 ? (
        <nav aria-label="Order" className="flex flex-wrap gap-3 text-sm">
          {(Object.keys(SORT_LABELS) as ArticleSort[]).map((s) =>
            s === sort ? (
              <span key={s} aria-current="true" className="font-semibold text-stone-900">
                {SORT_LABELS[s]}
              </span>
            ) : (
              <Link key={s} href={homeHref(s, 0)} className="text-blue-800 underline">
                {SORT_LABELS[s]}
              </Link>
            ),
          )}
          <span className="text-stone-600">
            · {list.total} {list.total === 1 ? "article" : "articles"}
          </span>
        </nav>
      ) : null}
      {articles.length === 0 && list.total > 0 ? (
        <p className="rounded-lg border border-dashed border-stone-400 bg-white p-6 text-stone-700">
          There is no page {list.page + 1}. <Link href={homeHref(sort, 0)} className="underline">Go to the first page</Link>.
        </p>
      ) : articles.length === 0 ? (
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
      {list.pageCount > 1 ? (
        <nav aria-label="Pages" className="flex items-center gap-4 text-sm">
          {list.page > 0 ? (
            <Link href={homeHref(sort, list.page - 1)} rel="prev" className="text-blue-800 underline">
              ← Previous page
            </Link>
          ) : null}
          <span className="text-stone-700">
            Page {list.page + 1} of {list.pageCount}
          </span>
          {list.page + 1 < list.pageCount ? (
            <Link href={homeHref(sort, list.page + 1)} rel="next" className="text-blue-800 underline">
              Next page →
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}
