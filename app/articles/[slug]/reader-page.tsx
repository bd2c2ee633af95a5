import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ReaderView } from "@/components/reader/ReaderView";
import { articleUrl } from "@/lib/export";
import type { ReaderQuery } from "@/lib/reader/filters";
import { getPublicVerdictHistory, getPublishedArticle, getReaderVocabulary, readerExportContext } from "@/lib/server/reader";
import { anonymousReader } from "@/lib/server/actors";
import { annotationsCsvApiUrl, claimReviewApiUrl } from "@/lib/server/public-read-api";
import { getClaimAppearances } from "@/lib/server/claims/clusters";

/** Shared by the cached article page and its filtered / permalink variant. */
export async function readerMetadata(slug: string): Promise<Metadata> {
  const view = await getPublishedArticle(anonymousReader(), slug);
  if (!view) return { title: "Article not found" };
  const ctx = readerExportContext();
  return {
    title: view.article.title,
    description: `${view.annotations.length} sourced statements in “${view.article.title}”: who said them, where they come from, whether they hold.`,
    alternates: {
      canonical: articleUrl(ctx, view.article.slug),
      types: { "application/ld+json": claimReviewApiUrl(ctx, view.article.slug), "text/csv": annotationsCsvApiUrl(ctx, view.article.slug) },
    },
  };
}

export async function ReaderPage({ slug, query }: { slug: string; query: ReaderQuery }) {
  const [view, vocabulary, history, appearances] = await Promise.all([
    getPublishedArticle(anonymousReader(), slug),
    getReaderVocabulary(anonymousReader()),
    getPublicVerdictHistory(anonymousReader(), slug),
    getClaimAppearances(anonymousReader(), slug),
  ]);
  if (!view) notFound();
  const ctx = readerExportContext();
  return (
    <ReaderView
      article={view.article}
      annotations={view.annotations}
      orphaned={view.orphaned}
      withdrawn={view.withdrawn}
      corrections={view.corrections}
      vocabulary={vocabulary}
      history={history}
      appearances={appearances}
      query={query}
      ctx={ctx}
      exports={{ claimReview: claimReviewApiUrl(ctx, view.article.slug), csv: annotationsCsvApiUrl(ctx, view.article.slug) }}
    />
  );
}
