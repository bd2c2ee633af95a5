import Link from "next/link";
import type { DraftSearchHitDTO } from "@/lib/contracts/claims";
import { StatusBadge, shortQuote } from "@/components/reader/AnnotationDetails";
import { StateBadge } from "@/components/ui/StateBadge";
import { formatTimestampDate } from "@/lib/format/dates";
import { WORKFLOW_LABELS } from "@/lib/workflow/transitions";

/** Reviewers' results over working content: each links to the workspace (never to a reader page). */
export function DraftSearchHits({ hits }: { hits: DraftSearchHitDTO[] }) {
  return (
    <ol className="space-y-3" aria-label="Statements found, drafts included" data-testid="draft-search-results">
      {hits.map((h) => (
        <li key={h.annotationId} className="rounded-lg border border-stone-300 bg-white p-4 shadow-sm">
          <blockquote className="font-serif text-stone-900">
            <Link href={h.workspaceHref} className="hover:underline">
              {shortQuote(h.quote, 280)}
            </Link>
          </blockquote>
          <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-700">
            <StateBadge state={h.workflowState} label={WORKFLOW_LABELS[h.workflowState]} />
            <StatusBadge label={h.verdict.label} color={h.verdict.color} />
            <span>{h.claimType.label}</span>
            {h.speakerName ? <strong className="text-stone-900">{h.speakerName}</strong> : null}
          </p>
          <p className="mt-1 text-sm text-stone-600">
            In{" "}
            <Link href={h.workspaceHref} className="underline">
              {h.article.title}
            </Link>
            {h.article.outlet ? ` (${h.article.outlet})` : ""} · {h.article.published ? "published article" : "not published"}
            {h.workflowState !== "approved" && h.hasApprovedVersion ? " · pending revision (readers see the approved one)" : ""}
            {" · changed "}
            <time dateTime={h.updatedAt}>{formatTimestampDate(h.updatedAt)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
