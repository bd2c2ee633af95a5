import type { Metadata } from "next";
import Link from "next/link";
import { getDesk } from "@/lib/server/review/desk";
import { countNewReports } from "@/lib/server/reader-reports";
import { requireReviewer } from "@/lib/server/session";
import { guardReview } from "./guard";
import { DeskList } from "@/components/review/DeskList";
import { StateBadge } from "@/components/ui/StateBadge";
import { buttonClass, secondaryButtonClass } from "@/components/ui/styles";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Review desk" };

export default async function ReviewDeskPage() {
  const [desk, newReports] = await guardReview(async () => {
    const actor = await requireReviewer();
    return Promise.all([getDesk(actor), countNewReports(actor)]);
  }, "/review");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold text-stone-900">Review desk</h1>
        <nav aria-label="Review desk" className="flex flex-wrap items-center gap-3">
          <Link href="/review/reports" className={secondaryButtonClass} data-testid="reader-reports-link">
            Reader reports{newReports > 0 ? ` (${newReports} new)` : ""}
          </Link>
          <Link href="/review/new" className={buttonClass}>
            Import an article
          </Link>
        </nav>
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <DeskList id="waiting-for-me" title="Waiting for my review" items={desk.waitingForMe} empty="Nothing is waiting for you: no colleague has submitted work you can review." />
        <DeskList id="returned-to-me" title="Returned to me" items={desk.returnedToMe} empty="Nothing has been returned to you." showReturn />
        <DeskList id="my-drafts" title="My drafts" items={desk.myDrafts} empty="You have no drafts. Open an article and pick a statement to start one." />
        <DeskList id="recently-approved" title="Recently approved" items={desk.recentlyApproved} empty="Nothing has been approved yet." />
      </div>
      <section aria-labelledby="articles-heading" className="rounded border border-stone-300 bg-white p-4">
        <h2 id="articles-heading" className="mb-2 text-lg font-semibold text-stone-900">
          Articles <span className="text-sm font-normal text-stone-600">({desk.articles.length})</span>
        </h2>
        {desk.articles.length === 0 ? (
          <p className="text-sm text-stone-600">
            No articles yet.{" "}
            <Link href="/review/new" className="text-blue-800 underline">
              Import the first one
            </Link>
            .
          </p>
        ) : (
          <table className="w-full border-collapse text-left text-sm">
            <thead>
              <tr className="border-b border-stone-300 text-stone-700">
                <th scope="col" className="py-1.5 pr-3">Article</th>
                <th scope="col" className="py-1.5 pr-3">State</th>
                <th scope="col" className="py-1.5 pr-3">Annotated</th>
                <th scope="col" className="py-1.5">By workflow state</th>
              </tr>
            </thead>
            <tbody>
              {desk.articles.map((a) => {
                const pct = a.statements ? Math.round((a.annotated / a.statements) * 100) : 0;
                return (
                  <tr key={a.id} className="border-b border-stone-200 align-top" data-article-id={a.id}>
                    <td className="py-2 pr-3">
                      <Link href={`/review/articles/${a.id}`} className="font-medium text-blue-800 underline">
                        {a.title}
                      </Link>
                      {a.outlet ? <span className="block text-xs text-stone-600">{a.outlet}</span> : null}
                    </td>
                    <td className="py-2 pr-3">
                      <StateBadge state={a.state === "published" ? "approved" : "none"} label={a.state === "published" ? "Published" : "Draft"} />
                    </td>
                    <td className="py-2 pr-3">
                      <span data-testid="annotated-count">
                        {a.annotated} / {a.statements}
                      </span>
                      <span className="mt-1 block h-1.5 w-24 overflow-hidden rounded bg-stone-200" aria-hidden="true">
                        <span className="block h-full bg-green-600" style={{ width: `${pct}%` }} />
                      </span>
                    </td>
                    <td className="py-2 text-xs text-stone-700">
                      {a.byState.draft} draft · {a.byState.in_review} in review · {a.byState.approved} approved
                      {a.pendingRevisions ? ` · ${a.pendingRevisions} pending revision${a.pendingRevisions === 1 ? "" : "s"}` : ""}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
