import type { Metadata } from "next";
import Link from "next/link";
import { BackLink } from "@/components/ui/BackLink";
import { getWorkspace } from "@/lib/server/review/workspace";
import { requireReviewer } from "@/lib/server/session";
import { guardReview } from "../../guard";
import { WorkspaceText } from "@/components/review/WorkspaceText";
import { WorkspaceInteractions } from "@/components/review/WorkspaceInteractions";
import { WorkspacePager } from "@/components/review/WorkspacePager";
import { pageOfStatement, workspacePages } from "@/lib/reader/workspace-pages";
import { AnnotationForm } from "@/components/review/AnnotationForm";
import { AnnotationReadOnly } from "@/components/review/AnnotationReadOnly";
import { ReviewPanel } from "@/components/review/ReviewPanel";
import { PublishControl } from "@/components/review/PublishControl";
import { StatementTools } from "@/components/review/StatementTools";
import { HistoryTimeline } from "@/components/review/HistoryTimeline";
import { DeleteAnnotation } from "@/components/review/DeleteAnnotation";
import { RemovalControls } from "@/components/review/RemovalControls";
import { OrphanedAnnotations } from "@/components/review/OrphanedAnnotations";
import { FocusOnMount } from "@/components/review/FocusOnMount";
import { Notice } from "@/components/ui/Notice";
import { StateBadge } from "@/components/ui/StateBadge";
import { PendingScope } from "@/components/ui/pending";
import { WORKFLOW_LABELS } from "@/lib/workflow/transitions";
import { DEFAULT_STATUS_SLUG } from "@/lib/vocabulary/defaults";
import { getClaimLinks, getClaimSuggestions } from "@/lib/server/claims/suggestions";
import { getChainWarnings } from "@/lib/server/claims/chain-warnings";
import { chainWarningKey } from "@/lib/contracts/claims";
import { CheckedBefore } from "@/components/claims/CheckedBefore";
import { CopiedFromNote } from "@/components/claims/CopiedFromNote";
import { getConsistencyConflict } from "@/lib/server/claims/consistency";
import { getCopiedFrom } from "@/lib/server/claims/copy-chain";
import { ChainWarnings } from "@/components/claims/ChainWarnings";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Workspace" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Where a statement can be split: after sentence or clause punctuation followed by a space (at most 40 points). */
function splitCandidates(text: string, start: number): { at: number; label: string }[] {
  const out: { at: number; label: string }[] = [];
  const re = /[.,;:!?…”")\]]\s+/g;
  for (let m = re.exec(text); m && out.length < 40; m = re.exec(text)) {
    const at = m.index + 1;
    if (at >= text.trimEnd().length) break;
    const before = text.slice(Math.max(0, at - 30), at).replace(/\s+/g, " ");
    out.push({ at: start + at, label: `…${before}` });
  }
  return out;
}

export default async function WorkspacePage({ params, searchParams }: Props) {
  const { id } = await params;
  const sp = await searchParams;
  const selectedId = typeof sp.s === "string" ? sp.s : null;
  const ws = await guardReview(async () => getWorkspace(await requireReviewer(), id, selectedId), `/review/articles/${id}${selectedId ? `?s=${selectedId}` : ""}`);
  const { article, statements, orphans, selected, progress } = ws;
  const index = selected ? statements.findIndex((s) => s.id === selected.statement.id) : -1;
  // A long article is shown a page of statements at a time; an open statement's page is the one shown.
  const pages = workspacePages(article.text, statements);
  const requestedPage = Number(sp.page);
  const pageIndex = selected ? pageOfStatement(pages, selected.statement.start) : Number.isInteger(requestedPage) && requestedPage >= 1 && requestedPage <= pages.length ? requestedPage - 1 : 0;
  const page = pages[pageIndex];
  const pager = (position: "top" | "bottom") =>
    pages.length > 1 ? <WorkspacePager articleId={article.id} page={pageIndex} pageCount={pages.length} first={page.first} last={page.last} total={statements.length} position={position} /> : null;
  const neighbour = (i: number) => {
    const s = statements[i];
    if (!s) return null;
    const t = article.text.slice(s.start, s.end).replace(/\s+/g, " ");
    return { id: s.id, annotated: !!s.annotation, approved: !!s.annotation?.hasApprovedVersion, preview: t.length > 70 ? `${t.slice(0, 69)}…` : t };
  };
  const sel = selected?.annotation ?? null;
  // Claim memory for the open statement: earlier checks of the same claim, decisions taken, chain warnings.
  const reviewer = await requireReviewer();
  const [suggestions, claimLinks, chainWarnings, consistencyConflict, copiedFrom] = selected
    ? await Promise.all([
        getClaimSuggestions(reviewer, selected.statement.id),
        sel ? getClaimLinks(reviewer, sel.id) : Promise.resolve([]),
        sel ? getChainWarnings(reviewer, sel.id) : Promise.resolve([]),
        sel?.workflowState === "in_review" ? getConsistencyConflict(reviewer, sel.id) : Promise.resolve(null),
        sel ? getCopiedFrom(reviewer, sel.id) : Promise.resolve(null),
      ])
    : [[], [], [], null, null];
  const selType = sel ? ws.claimTypes.find((t) => t.slug === sel.values.claimTypeSlug) : null;
  const pendingRemovals = statements.flatMap((s, i) => (s.annotation?.pendingRemoval ? [{ id: s.id, number: i + 1 }] : []));
  const pendingReattachments = orphans.filter((o) => o.pendingReattach).length;
  // Only with orphans to re-attach, and the statements of the page shown: the list goes to a client component whole
  // (all of a 2 MB article's 15,000 statements made about 2 MB of page).
  const attachable = orphans.length
    ? statements.slice(page.first, page.last).flatMap((s, k) => (s.annotation ? [] : [{ id: s.id, preview: `${page.first + k + 1}. ${neighbour(page.first + k)!.preview}` }]))
    : [];
  const attachableScope = pages.length > 1 ? `statements ${(page.first + 1).toLocaleString("en")}–${page.last.toLocaleString("en")}` : null;

  return (
    <PendingScope>
      <div className="space-y-5">
        <header className="space-y-2">
          <BackLink href="/review">Review desk</BackLink>
          <div className="flex flex-wrap items-start justify-between gap-4">
            <div className="min-w-0 space-y-1">
              <h1 className="font-serif text-2xl font-bold text-stone-900">{article.title}</h1>
              <p className="text-sm text-stone-700">
                {[article.outlet, article.byline].filter(Boolean).join(" · ") || "Outlet not recorded"} ·{" "}
                <StateBadge state={article.state === "published" ? "approved" : "none"} label={article.state === "published" ? "Published" : "Not published"} />
                {article.state === "published" ? (
                  <>
                    {" "}
                    <Link href={`/articles/${article.slug}`} className="text-blue-800 underline">
                      Reader view
                    </Link>
                  </>
                ) : null}
              </p>
              <p className="text-sm text-stone-700" data-testid="progress">
                {progress.annotated} of {progress.statements} statements annotated — {progress.byState.draft} draft, {progress.byState.in_review} in review,{" "}
                {progress.byState.approved} approved.
              </p>
            </div>
            <PublishControl articleId={article.id} version={article.version} published={article.state === "published"} approved={statements.filter((s) => s.annotation?.hasApprovedVersion).length} />
          </div>
          <p className="text-sm">
            <Link href={`/review/articles/${article.id}/correct`} className="text-blue-800 underline" data-testid="correct-link">
              Correct the article text…
            </Link>
          </p>
          {typeof sp.corrected === "string" ? (
            <Notice tone="success" testId="corrected-notice">
              Article text corrected (revision {sp.corrected}). Statements whose wording changed are back in review; removed ones are listed for readers as no longer in the article.
            </Notice>
          ) : null}
          {pendingRemovals.length > 0 || pendingReattachments > 0 ? (
            <Notice tone="warning" testId="pending-requests">
              <strong>Waiting for a second reviewer:</strong>{" "}
              {pendingRemovals.length > 0 ? (
                <>
                  removal of the published verdict on{" "}
                  {pendingRemovals.map((p, i) => (
                    <span key={p.id}>
                      {i > 0 ? ", " : null}
                      <Link href={`/review/articles/${article.id}?s=${p.id}`} className="underline">
                        statement {p.number}
                      </Link>
                    </span>
                  ))}
                  {pendingReattachments > 0 ? "; " : "."}
                </>
              ) : null}
              {pendingReattachments > 0 ? (
                <>
                  re-attachment of {pendingReattachments === 1 ? "an annotation" : `${pendingReattachments} annotations`} no longer in the article (
                  <a href="#orphans-heading" className="underline">
                    see below
                  </a>
                  ).
                </>
              ) : null}
            </Notice>
          ) : null}
          {sp.removed && !selected ? (
            <Notice tone="success" testId="removed-notice">
              Verdict withdrawn: readers no longer see it, and its permalink explains the removal.
            </Notice>
          ) : null}
          {sp.imported ? <Notice tone="success">Imported as a draft with {progress.statements} proposed statements. Pick a statement to annotate it.</Notice> : null}
          <p className="text-xs text-stone-600">
            Tab or <kbd className="rounded border px-1">j</kbd>/<kbd className="rounded border px-1">k</kbd> to move between statements, Enter to open one;
            select any text with the mouse to make it a statement. Colours: <span className="ws-statement" data-state="draft">draft</span>,{" "}
            <span className="ws-statement" data-state="in_review">in review</span>, <span className="ws-statement" data-state="approved">approved</span>,
            dashed underline = not annotated.
          </p>
        </header>

        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_30rem]">
          <section aria-label="Article text" lang="en" className="space-y-4">
            {pager("top")}
            <WorkspaceInteractions articleId={article.id}>
              <WorkspaceText
                text={article.text}
                emphasis={article.emphasis}
                statements={statements.slice(page.first, page.last)}
                range={pages.length > 1 ? page : undefined}
                selectedId={selected?.statement.id ?? null}
              />
            </WorkspaceInteractions>
            {pager("bottom")}
          </section>

          <aside aria-label="Selected statement" className="space-y-4 lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto">
            {!selected ? (
              <div className="rounded border border-dashed border-stone-400 bg-white p-4 text-sm text-stone-700">
                {selectedId ? <p className="mb-2 font-semibold text-red-800">That statement no longer exists (it was split or merged).</p> : null}
                Pick a statement in the text (click it, or Tab to it and press Enter) to tag it, or select any span of text with the mouse.
              </div>
            ) : (
              <div className="space-y-4 rounded border border-stone-300 bg-white p-4" data-selected-statement={selected.statement.id}>
                <div className="space-y-2">
                  {/* Focus lands here when a statement is opened and when its workflow state changes (approved, returned). */}
                  <FocusOnMount key={`${selected.statement.id}:${sel?.workflowState ?? "none"}`}>
                    <h2 className="text-lg font-semibold text-stone-900">
                      Statement {index + 1} of {statements.length}{" "}
                      {sel ? <StateBadge state={sel.workflowState} label={WORKFLOW_LABELS[sel.workflowState]} /> : <StateBadge state="none" label="Not annotated" />}
                    </h2>
                  </FocusOnMount>
                  {sp.removed && !sel ? (
                    <FocusOnMount>
                      <Notice tone="success" testId="removed-notice">
                        Verdict withdrawn: readers no longer see it, and its permalink explains the removal. You can annotate this statement again.
                      </Notice>
                    </FocusOnMount>
                  ) : null}
                  {sp.reattached && sel ? (
                    <Notice tone="success" testId="reattached-notice">
                      Annotation re-attached to this statement{sel.hasApprovedVersion ? "; readers see it highlighted here" : ""}.
                    </Notice>
                  ) : null}
                  {sp.deleted && !sel ? (
                    <FocusOnMount>
                      <Notice tone="success">
                        Annotation deleted. The audit log keeps a copy. You can annotate this statement
                        again, or merge it with a neighbour.
                      </Notice>
                    </FocusOnMount>
                  ) : null}
                  <blockquote className="whitespace-pre-wrap border-l-4 border-stone-300 pl-3 font-serif text-stone-900">{selected.text}</blockquote>
                  <StatementTools
                    key={selected.statement.id}
                    articleId={article.id}
                    statementId={selected.statement.id}
                    start={selected.statement.start}
                    end={selected.statement.end}
                    text={selected.text}
                    annotationLabel={sel ? `${selType?.shortLabel ?? sel.values.claimTypeSlug}, ${WORKFLOW_LABELS[sel.workflowState].toLowerCase()}` : null}
                    annotationApproved={!!sel?.hasApprovedVersion}
                    previous={neighbour(index - 1)}
                    next={neighbour(index + 1)}
                    candidates={splitCandidates(selected.text, selected.statement.start)}
                  />
                </div>

                {sel ? (
                  <div className="space-y-1 text-sm text-stone-700">
                    <p>
                      Written by <strong>{sel.author.name}</strong>
                      {sel.lastEditor && sel.lastEditor.id !== sel.author.id ? (
                        <>
                          , last edited by <strong>{sel.lastEditor.name}</strong>
                        </>
                      ) : null}
                      {sel.approver ? (
                        <>
                          ; last approved by <strong>{sel.approver.name}</strong>
                        </>
                      ) : null}
                      . Version {sel.version}.
                    </p>
                    {sel.pendingRemoval ? (
                      <Notice tone="warning" testId="pending-removal-summary">
                        <strong>Removal requested</strong> by {sel.pendingRemoval.requestedBy}: <span className="whitespace-pre-wrap">“{sel.pendingRemoval.reason}”</span> Readers still see
                        this verdict until a second reviewer confirms.{" "}
                        <a href="#removal-controls" className="underline">
                          {sel.pendingRemoval.confirmRefusal ? "Cancel the request" : "Confirm or cancel"}
                        </a>
                      </Notice>
                    ) : null}
                    {sel.pendingRevision ? (
                      <Notice tone="info">This is a pending revision: readers still see the last approved version until this one is approved.</Notice>
                    ) : null}
                    {sel.returnComment && sel.workflowState === "draft" ? (
                      <Notice tone="warning">
                        Returned with a comment: <span className="whitespace-pre-wrap">“{sel.returnComment}”</span>
                      </Notice>
                    ) : null}
                  </div>
                ) : null}

                {sel && sel.workflowState === "in_review" ? (
                  <ReviewPanel
                    key={`${sel.id}:${sel.version}`}
                    articleId={article.id}
                    annotationId={sel.id}
                    version={sel.version}
                    refusal={sel.reviewRefusal}
                    warnings={chainWarnings.map((w) => ({ key: chainWarningKey(w), message: w.message }))}
                    consistency={consistencyConflict ? { earlier: consistencyConflict, approvingLabel: ws.statuses.find((st) => st.slug === sel.values.statusSlug)?.label ?? sel.values.statusSlug } : null}
                  />
                ) : null}

                <CheckedBefore articleId={article.id} annotationId={sel?.id ?? null} annotationVersion={sel?.version} suggestions={suggestions} links={claimLinks} />

                <section aria-labelledby="annotation-heading" className="space-y-2">
                  <h2 id="annotation-heading" className="text-base font-semibold text-stone-900">
                    {sel ? "Annotation" : "Annotate this statement"}
                  </h2>
                  {copiedFrom ? <CopiedFromNote copiedFrom={copiedFrom} /> : null}
                  <ChainWarnings warnings={chainWarnings} />
                  <AnnotationForm
                    key={selected.statement.id}
                    articleId={article.id}
                    statementId={selected.statement.id}
                    annotation={sel ? { version: sel.version, values: sel.values } : null}
                    claimTypes={ws.claimTypes}
                    statuses={ws.statuses}
                    defaultStatusSlug={DEFAULT_STATUS_SLUG}
                    workflowState={sel?.workflowState ?? null}
                    readOnlyView={sel && sel.workflowState !== "draft" ? <AnnotationReadOnly values={sel.values} claimTypes={ws.claimTypes} statuses={ws.statuses} /> : undefined}
                  />
                </section>

                {sel ? (
                  <section aria-labelledby="history-heading" className="space-y-2">
                    <h2 id="history-heading" className="text-base font-semibold text-stone-900">
                      History
                    </h2>
                    <HistoryTimeline entries={sel.history} />
                  </section>
                ) : null}

                {sel ? (
                  <div id="removal-controls" className="border-t border-stone-200 pt-3">
                    {sel.hasApprovedVersion ? (
                      <RemovalControls
                        key={`${sel.id}:${sel.version}`}
                        articleId={article.id}
                        annotationId={sel.id}
                        version={sel.version}
                        label={`${selType?.label ?? sel.values.claimTypeSlug}, ${WORKFLOW_LABELS[sel.workflowState].toLowerCase()}`}
                        pending={sel.pendingRemoval}
                      />
                    ) : (
                      <DeleteAnnotation
                        key={`${sel.id}:${sel.version}`}
                        articleId={article.id}
                        annotationId={sel.id}
                        version={sel.version}
                        label={`${selType?.label ?? sel.values.claimTypeSlug}, ${WORKFLOW_LABELS[sel.workflowState].toLowerCase()}`}
                      />
                    )}
                  </div>
                ) : null}
              </div>
            )}
            {orphans.length ? <OrphanedAnnotations articleId={article.id} orphans={orphans} attachable={attachable} attachableScope={attachableScope} /> : null}
          </aside>
        </div>
      </div>
    </PendingScope>
  );
}
