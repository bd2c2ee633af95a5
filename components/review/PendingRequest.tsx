"use client";

import { useActionState, useEffect, type ReactNode } from "react";
import type { ActionState } from "@/lib/contracts/forms";
import { submitWithoutReset } from "@/components/ui/submit";
import { useConfirmation } from "@/components/ui/confirm";
import { ActionMessage, Notice } from "@/components/ui/Notice";
import { useScopePending } from "@/components/ui/pending";
import { ConfirmButtons } from "@/components/ui/ConfirmButtons";
import { quietDangerButtonClass, secondaryButtonClass } from "@/components/ui/styles";

type Action = (previous: ActionState<object>, form: FormData) => Promise<ActionState<object>>;

function Hidden({ articleId, annotationId, version }: { articleId: string; annotationId: string; version: number }) {
  return (
    <>
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="annotationId" value={annotationId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

/**
 * The second reviewer's side of a pending request (a removal, a re-attachment): "Confirm…" asks first, then posts;
 * "Cancel the request" posts at once (nothing is lost: the annotation stays as readers see it). The requester sees
 * why they cannot confirm instead of the button; the server refuses them either way.
 */
export function PendingRequestDecision({
  articleId,
  annotationId,
  version,
  confirmAction,
  cancelAction,
  confirmRefusal,
  confirmLabel,
  question,
  consequence,
  testId,
}: {
  articleId: string;
  annotationId: string;
  version: number;
  confirmAction: Action;
  cancelAction: Action;
  confirmRefusal: string | null;
  confirmLabel: string;
  question: string;
  consequence: ReactNode;
  testId: string;
}) {
  const { confirming, panelRef, openerRef, open, cancel } = useConfirmation<HTMLDivElement>();
  const [confirmState, confirm, confirmPending] = useActionState(confirmAction, null);
  const [cancelState, withdraw, cancelPending] = useActionState(cancelAction, null);
  const busy = useScopePending(confirmPending || cancelPending);

  useEffect(() => {
    if (confirmState && !confirmState.ok) panelRef.current?.focus();
  }, [confirmState, panelRef]);

  return (
    <div className="space-y-2" data-testid={testId}>
      {confirmRefusal ? (
        <p className="text-sm text-stone-700" data-testid={`${testId}-refusal`}>
          {confirmRefusal}
        </p>
      ) : confirming ? (
        <form onSubmit={submitWithoutReset(confirm)} className="space-y-2 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-950" aria-label={confirmLabel}>
          <Hidden articleId={articleId} annotationId={annotationId} version={version} />
          <div ref={panelRef} tabIndex={-1} className="space-y-1 outline-none">
            <p className="font-semibold">{question}</p>
            <div>{consequence}</div>
          </div>
          {confirmState && !confirmState.ok ? <Notice tone="error">{confirmState.message}</Notice> : null}
          <ConfirmButtons label={confirmPending ? "Confirming…" : confirmLabel} disabled={busy} onCancel={cancel} />
        </form>
      ) : (
        <button ref={openerRef} type="button" disabled={busy} className={quietDangerButtonClass} onClick={open}>
          {confirmLabel}…
        </button>
      )}
      <form onSubmit={submitWithoutReset(withdraw)} className="space-y-2">
        <Hidden articleId={articleId} annotationId={annotationId} version={version} />
        <button type="submit" disabled={busy} className={secondaryButtonClass}>
          {cancelPending ? "Cancelling…" : "Cancel the request"}
        </button>
        <ActionMessage state={cancelState} />
      </form>
    </div>
  );
}

export { Hidden as RequestHiddenFields };
