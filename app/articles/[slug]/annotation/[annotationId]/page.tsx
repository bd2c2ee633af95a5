import type { Metadata } from "next";
import { ReaderPage, readerMetadata } from "../../reader-page";

/*
 * /articles/<slug>?annotation=<id> — the permalink of one annotation, with nothing else in the query — is rewritten
 * here (next.config.ts), so that shared and crawled permalinks (the ClaimReview `url`s) are cached like the article
 * itself: rendered on the first request, kept until the article's or the vocabulary's cache tags expire. With a filter
 * in the query as well, ../filtered renders per request. An id that names no published annotation shows the article
 * with nothing open, as the filtered view does.
 */
export const dynamic = "force-static";
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ slug: string; annotationId: string }[]> {
  return [];
}

type Props = { params: Promise<{ slug: string; annotationId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { ...(await readerMetadata((await params).slug)), robots: { index: false, follow: true } };
}

export default async function AnnotationPermalinkPage({ params }: Props) {
  const { slug, annotationId } = await params;
  return <ReaderPage slug={slug} query={{ statuses: [], types: [], annotation: annotationId }} />;
}
