import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPublishedArticle } from "@/lib/server/reader";
import { getVocabulary } from "@/lib/server/vocabulary";
import { env } from "@/lib/server/env";
import { ArticleText } from "@/components/reader/ArticleText";
import { AnnotationDetails } from "@/components/reader/AnnotationDetails";
import { Legend } from "@/components/reader/Legend";
import { ProvenanceSummary } from "@/components/reader/ProvenanceSummary";
import { HighlightKeys } from "@/components/reader/HighlightKeys";
import { annotationPermalink } from "@/lib/export/config";
import { formatPartialDate, formatTimestampDate } from "@/lib/format/dates";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const view = await getPublishedArticle(slug);
  return { title: view ? view.article.title : "Article not found" };
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  const [view, vocabulary] = await Promise.all([getPublishedArticle(slug), getVocabulary()]);
  if (!view) notFound();
  const { article, annotations } = view;
  const ctx = { baseUrl: env().PUBLIC_BASE_URL, publisher: { name: env().PUBLISHER_NAME, url: env().PUBLISHER_URL ?? env().PUBLIC_BASE_URL } };
  const noteNumbers = new Map(annotations.map((a, i) => [a.id, i + 1]));
  const counts: Record<string, number> = {};
  for (const a of annotations) counts[a.status.slug] = (counts[a.status.slug] ?? 0) + 1;
  const usedStatuses = vocabulary.statuses.filter((s) => !s.retired || counts[s.slug]);
  const usedTypes = vocabulary.claimTypes.filter((t) => !t.retired || annotations.some((a) => a.claimType.slug === t.slug));

  return (
    <article lang={article.language} className="space-y-6">
      <HighlightKeys />
      <header className="space-y-2">
        <p className="text-sm text-stone-600">
          <Link href="/" className="hover:underline">
            ← All articles
          </Link>
        </p>
        <h1 className="font-serif text-3xl font-bold leading-tight text-stone-900">{article.title}</h1>
        <p className="text-sm text-stone-600">
          {[article.outlet ?? "Outlet not recorded", article.byline, formatPartialDate(article.publishedDate)].filter(Boolean).join(" · ")}
          {article.originalUrl ? (
            <>
              {" · "}
              <a href={article.originalUrl} rel="noopener noreferrer nofollow" className="text-blue-800 underline">
                Original article
              </a>
            </>
          ) : null}
          {article.publishedAt ? ` · Fact-check published ${formatTimestampDate(article.publishedAt)}` : null}
        </p>
        <ProvenanceSummary counts={counts} statuses={vocabulary.statuses} total={annotations.length} />
        <p className="text-sm text-stone-600 no-print">
          Select a highlighted statement (click, or Tab then Enter) to see who said it, the chain of sources and the verdict.{" "}
          <Link href="/methodology" className="text-blue-800 underline">
            How we check claims
          </Link>
        </p>
      </header>

      <div className="grid gap-8 md:grid-cols-[minmax(0,1fr)_22rem]">
        <ArticleText text={article.text} emphasis={article.emphasis} annotations={annotations} noteNumbers={noteNumbers} />
        <aside aria-label="Statement details" className="annotation-panel space-y-4 md:sticky md:top-4 md:max-h-[calc(100vh-2rem)] md:self-start md:overflow-y-auto">
          <p className="annotation-placeholder rounded-lg border border-dashed border-stone-400 bg-white p-4 text-sm text-stone-700">
            Select a highlighted statement to see its attribution, source chain, verdict and evidence.
          </p>
          {annotations.map((a, i) => (
            <AnnotationDetails key={a.id} annotation={a} index={i + 1} permalink={annotationPermalink(ctx, article.slug, a.id)} />
          ))}
          <Legend statuses={usedStatuses} claimTypes={usedTypes} />
        </aside>
      </div>

      <section className="print-only" aria-label="Notes">
        <h2 className="font-semibold">Notes</h2>
        <ol className="list-decimal pl-6 text-sm">
          {annotations.map((a) => (
            <li key={a.id}>
              {a.status.label} ({a.claimType.label}). {a.attributionText ? `Attributed as “${a.attributionText}”. ` : ""}
              {a.rationale}
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}
