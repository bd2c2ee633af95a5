import Link from "next/link";
import type { FollowedReportDTO } from "@/lib/contracts/reader-reports";
import { REASON_LABELS, STATE_LABELS } from "@/lib/contracts/reader-reports";
import { formatTimestampDate } from "@/lib/format/dates";
import { Notice } from "@/components/ui/Notice";
import { StateBadge } from "@/components/ui/StateBadge";
import { shortQuote } from "./AnnotationDetails";

const BADGE = { new: "none", acknowledged: "in_review", accepted: "approved", declined: "draft" } as const;

/** What the reporter's private link shows: their report, its state and, when declined, the reviewer's reason. */
export function FollowedReport({ report, justSent }: { report: FollowedReportDTO; justSent: boolean }) {
  const factCheck =
    report.article.published && report.annotationId
      ? `/articles/${encodeURIComponent(report.article.slug)}?annotation=${encodeURIComponent(report.annotationId)}`
      : null;
  return (
    <div className="max-w-2xl space-y-5">
      <h1 className="font-serif text-3xl font-bold text-stone-900">Your report</h1>
      {justSent ? (
        <Notice tone="success" testId="report-sent">
          <p className="font-semibold">Thank you: your report was received.</p>
          <p>
            Keep this page’s address (bookmark it): it is your private link to follow the report, and we cannot send it to you again. Anyone with the link can
            read this page.
          </p>
        </Notice>
      ) : null}
      <section aria-labelledby="state-heading" className="space-y-2 rounded border border-stone-300 bg-white p-4" data-testid="report-state" data-state={report.state}>
        <h2 id="state-heading" className="text-lg font-semibold text-stone-900">
          Where it stands
        </h2>
        <p>
          <StateBadge state={BADGE[report.state]} label={STATE_LABELS[report.state]} />
          <span className="ml-2 text-sm text-stone-700">since {formatTimestampDate(report.updatedAt)}</span>
        </p>
        {report.state === "declined" && report.declineReason ? (
          <div data-testid="decline-reason">
            <h3 className="text-sm font-semibold text-stone-900">Why we declined it</h3>
            <p className="whitespace-pre-wrap text-stone-800">{report.declineReason}</p>
          </div>
        ) : null}
        {report.state === "accepted" ? (
          <p className="text-stone-800">
            We corrected the fact-check. The change is listed in our{" "}
            <Link href="/corrections" className="text-blue-800 underline">
              corrections log
            </Link>
            .
          </p>
        ) : null}
        {report.state === "new" || report.state === "acknowledged" ? <p className="text-sm text-stone-700">Come back to this link to see what we decide.</p> : null}
      </section>
      <section aria-labelledby="report-heading" className="space-y-2">
        <h2 id="report-heading" className="text-lg font-semibold text-stone-900">
          What you reported
        </h2>
        <p className="text-sm text-stone-700">
          Sent {formatTimestampDate(report.createdAt)} about this statement in <cite>{report.article.title}</cite>:
        </p>
        <blockquote className="border-l-4 border-stone-400 pl-3 font-serif text-stone-900">{shortQuote(report.quote, 300)}</blockquote>
        <dl className="space-y-1 text-sm">
          <dt className="font-semibold text-stone-900">Reason</dt>
          <dd>{REASON_LABELS[report.reason]}</dd>
          {report.earlierSourceUrl ? (
            <>
              <dt className="font-semibold text-stone-900">Earlier source</dt>
              <dd className="break-all">{report.earlierSourceUrl}</dd>
            </>
          ) : null}
          <dt className="font-semibold text-stone-900">Your message</dt>
          <dd className="whitespace-pre-wrap">{report.message}</dd>
        </dl>
        {factCheck ? (
          <p>
            <Link href={factCheck} className="text-blue-800 underline">
              See the fact-check
            </Link>
          </p>
        ) : null}
      </section>
    </div>
  );
}
