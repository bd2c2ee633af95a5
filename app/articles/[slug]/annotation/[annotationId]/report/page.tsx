import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackLink } from "@/components/ui/BackLink";
import { ReportProblemForm } from "@/components/reader/ReportProblemForm";
import { shortQuote } from "@/components/reader/AnnotationDetails";
import { anonymousReader } from "@/lib/server/actors";
import { getReportableAnnotation } from "@/lib/server/reader-reports";

/*
 * "Report a problem" for one published annotation: a page of its own, so the article page stays cached and needs no
 * script. The form posts to a server action, which works without JavaScript (the answer is this page, re-rendered).
 */
export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Report a problem", robots: { index: false, follow: false } };

type Props = { params: Promise<{ slug: string; annotationId: string }> };

export default async function ReportProblemPage({ params }: Props) {
  const { slug, annotationId } = await params;
  const annotation = await getReportableAnnotation(anonymousReader(), slug, annotationId);
  if (!annotation) notFound();
  const back = `/articles/${encodeURIComponent(annotation.slug)}?annotation=${encodeURIComponent(annotation.id)}`;
  return (
    <div className="max-w-2xl space-y-5">
      <BackLink href={back}>Back to the fact-check</BackLink>
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-bold text-stone-900">Report a problem</h1>
        <p className="text-stone-700">
          With our fact-check of this statement in <cite>{annotation.title}</cite>:
        </p>
        <blockquote className="border-l-4 border-stone-400 pl-3 font-serif text-stone-900">{shortQuote(annotation.quote, 300)}</blockquote>
        <p className="text-sm text-stone-700">
          A reviewer reads every report. After sending it you get a private link where you can follow what we decide, and why.
        </p>
      </header>
      <ReportProblemForm annotationId={annotation.id} />
    </div>
  );
}
