import Link from "next/link";
import { REASON_LABELS, type QueuedReportDTO, type ReaderReportState } from "@/lib/contracts/reader-reports";
import { formatTimestampDate } from "@/lib/format/dates";
import { StateBadge } from "@/components/ui/StateBadge";
import { ReportTriage } from "./ReportTriage";

const BADGE: Record<ReaderReportState, string> = { new: "none", acknowledged: "in_review", accepted: "approved", declined: "draft" };
const STATE_NAMES: Record<ReaderReportState, string> = { new: "New", acknowledged: "Acknowledged", accepted: "Accepted", declined: "Declined" };

function isWebAddress(value: string): boolean {
  return /^https?:\/\//i.test(value);
}

/** One page of readers' reports, each with what the reader wrote (as text) and its triage controls. */
export function ReportQueue({ reports, returnTo }: { reports: QueuedReportDTO[]; returnTo: string }) {
  return (
    <ol className="space-y-4" data-testid="report-queue">
      {reports.map((r) => (
        <li key={r.id} className="space-y-2 rounded border border-stone-300 bg-white p-4 text-sm" data-report-id={r.id} data-state={r.state}>
          <div className="flex flex-wrap items-center gap-2">
            <StateBadge state={BADGE[r.state]} label={STATE_NAMES[r.state]} />
            <strong className="text-stone-900">{REASON_LABELS[r.reason]}</strong>
            <span className="text-stone-600">received {formatTimestampDate(r.createdAt)}</span>
          </div>
          <p className="text-stone-700">
            On{" "}
            <Link href={`/review/articles/${encodeURIComponent(r.article.id)}`} className="text-blue-800 underline">
              {r.article.title}
            </Link>
            {r.annotationId ? null : " (the annotation has since been deleted)"}:
          </p>
          <blockquote className="border-l-4 border-stone-300 pl-3 font-serif text-stone-900">{r.quote}</blockquote>
          <dl className="grid gap-x-3 gap-y-1 sm:grid-cols-[max-content_1fr]">
            {r.earlierSourceUrl ? (
              <>
                <dt className="font-semibold text-stone-900">Earlier source</dt>
                <dd className="break-all">
                  {isWebAddress(r.earlierSourceUrl) ? (
                    <a href={r.earlierSourceUrl} rel="noopener noreferrer nofollow" target="_blank" className="text-blue-800 underline">
                      {r.earlierSourceUrl}
                    </a>
                  ) : (
                    r.earlierSourceUrl
                  )}
                </dd>
              </>
            ) : null}
            <dt className="font-semibold text-stone-900">Message</dt>
            <dd className="whitespace-pre-wrap" data-testid="report-text">
              {r.message}
            </dd>
            <dt className="font-semibold text-stone-900">Reporter</dt>
            <dd>{r.email ? <span data-testid="reporter-email">{r.email}</span> : <span className="text-stone-600">No email (or erased after the retention period)</span>}</dd>
            {r.declineReason ? (
              <>
                <dt className="font-semibold text-stone-900">Declined because</dt>
                <dd className="whitespace-pre-wrap">{r.declineReason}</dd>
              </>
            ) : null}
            {r.acceptedRevision ? (
              <>
                <dt className="font-semibold text-stone-900">Led to</dt>
                <dd>
                  version {r.acceptedRevision.version}, approved {formatTimestampDate(r.acceptedRevision.createdAt)}
                </dd>
              </>
            ) : null}
          </dl>
          <ReportTriage report={r} returnTo={returnTo} />
        </li>
      ))}
    </ol>
  );
}
