import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { VersionView } from "@/components/reader/VersionView";
import { articleUrl } from "@/lib/export";
import { formatTimestampDate } from "@/lib/format/dates";
import { anonymousReader } from "@/lib/server/actors";
import { getReaderVocabulary, readerExportContext } from "@/lib/server/reader";
import { getArticleVersion, parseRevisionParam } from "@/lib/server/reader-versions";

/** Rendered per request from the cached version read (expired with the article's tags, like the changes page). */
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; revision: string }> };

async function lookup(params: Props["params"]) {
  const { slug, revision } = await params;
  const n = parseRevisionParam(revision);
  return { slug, found: n === null ? null : await getArticleVersion(anonymousReader(), slug, n) };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { found } = await lookup(params);
  if (found?.kind !== "earlier") return { title: "Version not found" };
  const { article, version } = found.view;
  return {
    title: `As checked on ${formatTimestampDate(version.replacedAt)}: ${article.title}`,
    robots: { index: false, follow: true },
    alternates: { canonical: articleUrl(readerExportContext(), article.slug) },
  };
}

/** "As checked on DATE": an earlier version of the article with the verdicts published then. */
export default async function ArticleVersionPage({ params }: Props) {
  const { slug, found } = await lookup(params);
  if (!found) notFound();
  if (found.kind === "current") redirect(`/articles/${encodeURIComponent(slug)}`);
  const vocabulary = await getReaderVocabulary(anonymousReader());
  return <VersionView view={found.view} vocabulary={vocabulary} baseUrl={readerExportContext().baseUrl} />;
}
