import type { Metadata } from "next";
import { ReaderPage, readerMetadata } from "./reader-page";

/*
 * The published article, cached whole (HTML and RSC payload) on its first request and kept until its cache tags
 * (`article:<slug>`, `vocabulary`) or its path are invalidated — see lib/server/cache.ts. Nothing is rendered at
 * build time. Requests with a filter or `?annotation=` are rewritten (next.config.ts) to ./filtered, which reads the
 * query; this page never does, so it stays static.
 */
export const dynamic = "force-static";
export const dynamicParams = true;
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return readerMetadata((await params).slug);
}

export default async function ArticlePage({ params }: Props) {
  const { slug } = await params;
  return <ReaderPage slug={slug} query={{ statuses: [], types: [], annotation: null }} />;
}
