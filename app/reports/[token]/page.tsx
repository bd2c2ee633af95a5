import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FollowedReport } from "@/components/reader/FollowedReport";
import { anonymousReader } from "@/lib/server/actors";
import { followReaderReport } from "@/lib/server/reader-reports";

/*
 * A reporter's private link: the token in the address is the only credential, so the page is never cached by a
 * shared cache and never sends the address on as a referrer (proxy.ts sets both headers; the meta tag repeats the
 * referrer policy for the browser).
 */
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Your report", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FollowReportPage({ params, searchParams }: Props) {
  const [{ token }, sp] = await Promise.all([params, searchParams]);
  const report = await followReaderReport(anonymousReader(), token);
  if (!report) notFound();
  return <FollowedReport report={report} justSent={sp.sent === "1"} />;
}
