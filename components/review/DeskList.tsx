import Link from "next/link";
import type { DeskItemDTO } from "@/lib/contracts/workspace";
import { WORKFLOW_LABELS } from "@/lib/workflow/transitions";
import { asQuotation } from "@/lib/format/quote";
import { StateBadge } from "@/components/ui/StateBadge";

const fmt = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export function DeskList({ id, title, items, empty, showReturn }: { id: string; title: string; items: DeskItemDTO[]; empty: string; showReturn?: boolean }) {
  return (
    <section aria-labelledby={id} className="rounded border border-stone-300 bg-white p-4" data-testid={id}>
      <h2 id={id} className="mb-2 text-lg font-semibold text-stone-900">
        {title} <span className="text-sm font-normal text-stone-600">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-stone-600">{empty}</p>
      ) : (
        <ul className="divide-y divide-stone-200">
          {items.map((i) => (
            <li key={i.annotationId} className="py-2 text-sm" data-annotation-id={i.annotationId}>
              <Link href={`/review/articles/${i.articleId}?s=${i.statementId}`} className="font-serif text-stone-900 underline decoration-stone-400 hover:decoration-stone-900">
                {asQuotation(i.quote)}
              </Link>
              <p className="mt-0.5 text-xs text-stone-600">
                <StateBadge state={i.workflowState} label={WORKFLOW_LABELS[i.workflowState]} /> {i.claimType} · {i.status} · in <em>{i.articleTitle}</em> ·{" "}
                {i.workflowState === "approved" && i.approver ? (
                  <span data-field="approved-by">
                    approved by {i.approver} (written by {i.author}) · {fmt.format(new Date(i.approvedAt ?? i.updatedAt))} UTC
                  </span>
                ) : (
                  <>
                    by {i.author}
                    {i.lastEditor && i.lastEditor !== i.author ? `, edited by ${i.lastEditor}` : ""} · {fmt.format(new Date(i.updatedAt))} UTC
                  </>
                )}
              </p>
              {showReturn && i.returnComment ? <p className="mt-1 whitespace-pre-wrap rounded bg-amber-50 px-2 py-1 text-xs text-amber-950">Returned: {asQuotation(i.returnComment)}</p> : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
