"use client";

import { useActionState, useEffect } from "react";
import type { PendingRemovalDTO } from "@/lib/contracts/workspace";
import { cancelRemovalAction, confirmRemovalAction, requestRemovalAction } from "@/lib/actions/review/removal";
import { errorsOf } from "@/lib/contracts/forms";
import { formatTimestampDate } from "@/lib/format/dates";
import { submitWithoutReset } from "@/components/ui/submit";
import { useConfirmation } from "@/components/ui/confirm";
import { ActionMessage, Notice } from "@/components/ui/Notice";
import { useScopePending } from "@/components/ui/pending";
import { ConfirmButtons } from "@/components/ui/ConfirmButtons";
import { Field, fieldAria } from "@/components/ui/Field";
import { inputClass, quietDangerButtonClass } from "@/components/ui/styles";
import { PendingRequestDecision, RequestHiddenFields } from "./PendingRequest";

interface Props {
  articleId: string;
  annotationId: string;
  version: number;
  label: string;
  pending: PendingRemovalDTO | null;
}

/**
 * A published verdict is withdrawn by two reviewers: "Request removal…" (with the reason readers will see), then a
 * different reviewer's "Confirm removal". Readers keep the verdict until then.
 */
export function RemovalControls({ articleId, annotationId, version, label, pending }: Props) {
  if (pending) {
    return (
      <div className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950" data-testid="pending-removal">
        <p className="font-semibold">Removal requested by {pending.requestedBy} on {formatTimestampDate(pending.requestedAt)}</p>
        <p className="whitespace-pre-wrap">Reason: “{pending.reason}”</p>
        <p>Readers still see this verdict. A second reviewer must confirm the removal, or anyone can cancel the request.</p>
        <PendingRequestDecision
          articleId={articleId}
          annotationId={annotationId}
          version={version}
          confirmAction={confirmRemovalAction}
          cancelAction={cancelRemovalAction}
          confirmRefusal={pending.confirmRefusal}
          confirmLabel="Confirm removal"
          question={`Withdraw this verdict (${label}) from readers?`}
          consequence={
            <p>
              Readers stop seeing it at once. Its permalink will say that it was removed, when, and why; the removal is listed in the article’s verdict
              history and in the public corrections log. The statement stays, free to annotate again.
            </p>
          }
          testId="removal-decision"
        />
      </div>
    );
  }
  return <RequestRemoval articleId={articleId} annotationId={annotationId} version={version} label={label} />;
}

function RequestRemoval({ articleId, annotationId, version, label }: Omit<Props, "pending">) {
  const { confirming, panelRef, openerRef, open, cancel } = useConfirmation<HTMLDivElement>();
  const [state, action, pending] = useActionState(requestRemovalAction, null);
  const busy = useScopePending(pending);
  const errors = errorsOf(state);

  useEffect(() => {
    if (state && !state.ok) panelRef.current?.focus();
  }, [state, panelRef]);

  if (!confirming) {
    return (
      <div className="space-y-2">
        <button ref={openerRef} type="button" disabled={busy} className={quietDangerButtonClass} onClick={open}>
          Request removal…
        </button>
        {state?.ok ? <ActionMessage state={state} /> : null}
      </div>
    );
  }
  const reasonId = `removal-reason-${annotationId}`;
  return (
    <form onSubmit={submitWithoutReset(action)} className="space-y-2 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-950" aria-label="Request removal">
      <RequestHiddenFields articleId={articleId} annotationId={annotationId} version={version} />
      <div ref={panelRef} tabIndex={-1} className="space-y-1 outline-none">
        <p className="font-semibold">Ask a second reviewer to withdraw this verdict ({label})?</p>
        <p>Readers have seen it, so one reviewer cannot delete it. Readers keep seeing it until another reviewer confirms the removal; the reason is published with it.</p>
      </div>
      <Field id={reasonId} label="Why should readers no longer see this verdict?" required error={errors.reason}>
        <textarea
          id={reasonId}
          name="reason"
          rows={3}
          maxLength={2000}
          defaultValue={state && !state.ok ? (state.values?.reason ?? "") : ""}
          className={inputClass}
          {...fieldAria(reasonId, errors.reason)}
        />
      </Field>
      {state && !state.ok && !errors.reason ? <Notice tone="error">{state.message}</Notice> : null}
      <ConfirmButtons label={pending ? "Requesting…" : "Request removal"} disabled={busy} onCancel={cancel} />
    </form>
  );
}
