import type { Metadata } from "next";
import Link from "next/link";
import { guardReview } from "../guard";
import { requireReviewer } from "@/lib/server/session";
import { listReportQueue, type QueueFilter } from "@/lib/server/reader-reports";
import { ReportQueue } from "@/components/review/ReportQueue";
import { BackLink } from "@/components/ui/BackLink";
import { Notice } from "@/components/ui/Notice";
import { EMAIL_RETENTION_DAYS } from "@/lib/contracts/reader-reports";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Reader reports" };

const FILTERS: { value: QueueFilter; label: string }[] = [
  { value: "open", label: "Open" },
  { value: "new", label: "New" },
  { value: "acknowledged", label: "Acknowledged" },
  { value: "accepted", label: "Accepted" },
  { value: "declined", label: "Declined" },
  { value: "all", label: "All" },
];

const DONE: Record<string, string> = {
  acknowledge: "Acknowledged: the reader’s link now says a reviewer is looking into it.",
  accept: "Accepted: the reader’s link says so, and the corrections log marks the change as reported by a reader.",
  decline: "Declined: the reader’s link shows your reason.",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function queueHref(filter: QueueFilter, page: number): string {
  const params = new URLSearchParams();
  if (filter !== "open") params.set("state", filter);
  if (page > 0) params.set("page", String(page + 1));
  const query = params.toString();
  return `/review/reports${query ? `?${query}` : ""}`;
}

export default async function ReaderReportsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const filter = FILTERS.find((f) => f.value === sp.state)?.value ?? "open";
  const requested = typeof sp.page === "string" && /^[1-9][0-9]{0,5}$/.test(sp.page) ? Number(sp.page) - 1 : 0;
  const queue = await guardReview(async () => listReportQueue(await requireReviewer(), filter, requested), queueHref(filter, requested));
  const done = typeof sp.done === "string" ? DONE[sp.done] : undefined;
  const returnTo = queueHref(filter, queue.page);
  const countOf = (f: QueueFilter) =>
    f === "all" ? queue.counts.new + queue.counts.acknowledged + queue.counts.accepted + queue.counts.declined : f === "open" ? queue.counts.new + queue.counts.acknowledged : queue.counts[f];
  return (
    <div className="max-w-4xl space-y-5">
      <BackLink href="/review">Review desk</BackLink>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold text-stone-900">Reader reports</h1>
        <p className="text-sm text-stone-700">
          Problems readers reported with published fact-checks. Acknowledge a report to tell the reader you are on it; accept it once the corrected annotation is
          approved, or decline it with a reason (the reader sees the reason, never your name). Reporters’ emails are for answering them only, and are erased{" "}
          {EMAIL_RETENTION_DAYS} days after a report is closed.
        </p>
      </header>
      {done ? (
        <Notice tone="success" testId="triage-done">
          {done}
        </Notice>
      ) : null}
      <nav aria-label="Filter reports by state" className="flex flex-wrap gap-2 text-sm">
        {FILTERS.map((f) => (
          <Link
            key={f.value}
            href={queueHref(f.value, 0)}
            aria-current={f.value === filter ? "page" : undefined}
            className={`rounded border px-2.5 py-1 ${f.value === filter ? "border-stone-900 bg-stone-900 font-semibold text-white" : "border-stone-400 bg-white text-stone-900 hover:bg-stone-100"}`}
          >
            {f.label} ({countOf(f.value)})
          </Link>
        ))}
      </nav>
      {queue.reports.length === 0 ? (
        <p className="text-stone-700" data-testid="report-queue-empty">
          {filter === "open" || filter === "new" ? "No report is waiting: readers have not reported anything new." : "No reports in this state."}
        </p>
      ) : (
        <ReportQueue reports={queue.reports} returnTo={returnTo} />
      )}
      {queue.pageCount > 1 ? (
        <nav aria-label="Pages" className="flex gap-4 text-sm">
          {queue.page > 0 ? <Link href={queueHref(filter, queue.page - 1)}>← Previous</Link> : null}
          <span>
            Page {queue.page + 1} of {queue.pageCount}
          </span>
          {queue.page + 1 < queue.pageCount ? <Link href={queueHref(filter, queue.page + 1)}>Next →</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
