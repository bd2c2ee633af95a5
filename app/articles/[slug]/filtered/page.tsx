import type { Metadata } from "next";
import { parseReaderQuery } from "@/lib/reader/filters";
import { ReaderPage, readerMetadata } from "../reader-page";

/*
 * /articles/<slug>?status=…&type=…&annotation=… (rewritten here by next.config.ts): the same page rendered per
 * request from cached data, with only the matching statements highlighted and the asked-for details open.
 */
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { ...(await readerMetadata((await params).slug)), robots: { index: false, follow: true } };
}

export default async function FilteredArticlePage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  return <ReaderPage slug={slug} query={parseReaderQuery(query)} />;
}
