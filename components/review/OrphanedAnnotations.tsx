"use client";

import { useActionState } from "react";
import type { WorkspaceOrphanDTO } from "@/lib/contracts/workspace";
import { cancelReattachAction, confirmReattachAction, requestReattachAction } from "@/lib/actions/review/removal";
import { errorsOf } from "@/lib/contracts/forms";
import { formatTimestampDate } from "@/lib/format/dates";
import { WORKFLOW_LABELS } from "@/lib/workflow/transitions";
import { submitWithoutReset } from "@/components/ui/submit";
import { ActionMessage } from "@/components/ui/Notice";
import { useScopePending } from "@/components/ui/pending";
import { Field, fieldAria } from "@/components/ui/Field";
import { inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { PendingRequestDecision, RequestHiddenFields } from "./PendingRequest";
import { RemovalControls } from "./RemovalControls";

export interface AttachableStatement {
  id: string;
  preview: string;
}

/**
 * Annotations whose statement a correction removed. Each can be re-attached to a statement of the current text
 * without an annotation (select text in the article to make one), which a second reviewer confirms. `attachable`: the
 * statements without an annotation on the workspace page shown; `attachableScope` names that page's statements
 * ("statements 301–600") when the article has more than one page.
 */
export function OrphanedAnnotations({
  articleId,
  orphans,
  attachable,
  attachableScope = null,
}: {
  articleId: string;
  orphans: WorkspaceOrphanDTO[];
  attachable: AttachableStatement[];
  attachableScope?: string | null;
}) {
  if (orphans.length === 0) return null;
  return (
    <section aria-labelledby="orphans-heading" className="space-y-3 rounded border border-stone-300 bg-white p-4" data-testid="workspace-orphans">
      <h2 id="orphans-heading" className="text-base font-semibold text-stone-900">
        No longer in the article ({orphans.length})
      </h2>
      <p className="text-sm text-stone-700">
        A correction removed these statements. Readers see approved ones under “Statements no longer in the article”. Re-attach one to a statement of
        the current text; a second reviewer confirms.
      </p>
      <ul className="space-y-4">
        {orphans.map((o) => (
          <li key={`${o.id}:${o.version}`} className="space-y-2 border-t border-stone-200 pt-3 text-sm" data-orphan-id={o.id}>
            <blockquote className="whitespace-pre-wrap border-l-4 border-stone-300 pl-2 font-serif italic text-stone-900">“{o.quote}”</blockquote>
            <p className="text-stone-700">
              {o.claimTypeLabel} · {o.statusLabel} · {WORKFLOW_LABELS[o.workflowState].toLowerCase()}
              {o.hasApprovedVersion ? " · published" : ""}
            </p>
            {o.pendingReattach ? (
              <div className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-amber-950" data-testid="pending-reattach">
                <p className="font-semibold">
                  Re-attachment requested by {o.pendingReattach.requestedBy} on {formatTimestampDate(o.pendingReattach.requestedAt)}
                </p>
                <p className="whitespace-pre-wrap">
                  {o.pendingReattach.quote !== null ? <>To the statement: “{o.pendingReattach.quote}”</> : "The statement chosen no longer exists: cancel the request and choose again."}
                </p>
                <PendingRequestDecision
                  articleId={articleId}
                  annotationId={o.id}
                  version={o.version}
                  confirmAction={confirmReattachAction}
                  cancelAction={cancelReattachAction}
                  confirmRefusal={o.pendingReattach.confirmRefusal}
                  confirmLabel="Confirm re-attachment"
                  question="Re-attach this annotation to the chosen statement?"
                  consequence={<p>It is no longer listed as removed from the article{o.hasApprovedVersion ? "; readers see its verdict highlighted on the new statement at once" : ""}.</p>}
                  testId="reattach-decision"
                />
              </div>
            ) : (
              <RequestReattach articleId={articleId} orphan={o} attachable={attachable} scope={attachableScope} />
            )}
            {o.hasApprovedVersion ? (
              <RemovalControls articleId={articleId} annotationId={o.id} version={o.version} label={`${o.claimTypeLabel}, ${o.statusLabel}`} pending={o.pendingRemoval} />
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

function RequestReattach({ articleId, orphan, attachable, scope }: { articleId: string; orphan: WorkspaceOrphanDTO; attachable: AttachableStatement[]; scope: string | null }) {
  const [state, action, pending] = useActionState(requestReattachAction, null);
  const busy = useScopePending(pending);
  const errors = errorsOf(state);
  const selectId = `reattach-${orphan.id}`;
  if (attachable.length === 0) {
    return scope ? (
      <p className="text-stone-700">
        Every statement on this page ({scope}) is annotated. Go to another page of the article, or select text to make a new statement, then re-attach this
        one to it.
      </p>
    ) : (
      <p className="text-stone-700">Every statement of the current text is annotated. Select text in the article to make a new statement, then re-attach this one to it.</p>
    );
  }
  const hint = scope
    ? `Statements without an annotation on this page (${scope}). For another, go to its page; to use other words, select them in the article first.`
    : "Statements without an annotation. To use other words, select them in the article first.";
  return (
    <form onSubmit={submitWithoutReset(action)} className="space-y-2" aria-label="Re-attach to a statement">
      <RequestHiddenFields articleId={articleId} annotationId={orphan.id} version={orphan.version} />
      <Field id={selectId} label="Re-attach to the statement" hint={hint} error={errors.statementId}>
        <select id={selectId} name="statementId" defaultValue="" className={inputClass} {...fieldAria(selectId, errors.statementId, "hint")}>
          <option value="" disabled>
            Choose a statement…
          </option>
          {attachable.map((s) => (
            <option key={s.id} value={s.id}>
              {s.preview}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" disabled={busy} className={secondaryButtonClass}>
        {pending ? "Requesting…" : "Request re-attachment"}
      </button>
      {state && !(state.ok === false && errors.statementId) ? <ActionMessage state={state} /> : null}
    </form>
  );
}
