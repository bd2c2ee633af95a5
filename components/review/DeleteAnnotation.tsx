"use client";

import { useActionState, useEffect } from "react";
import { deleteAnnotationAction } from "@/lib/actions/review/annotations";
import { submitWithoutReset } from "@/components/ui/submit";
import { useConfirmation } from "@/components/ui/confirm";
import { Notice } from "@/components/ui/Notice";
import { useScopePending } from "@/components/ui/pending";
import { ConfirmButtons } from "@/components/ui/ConfirmButtons";
import { quietDangerButtonClass } from "@/components/ui/styles";

/**
 * "Delete annotation…" for an annotation readers never saw (a published verdict is withdrawn by two reviewers:
 * RemovalControls): asks first, saying what goes; the server re-checks the version.
 * On success the action redirects to the same (now unannotated) statement, which shows a notice.
 */
export function DeleteAnnotation({ articleId, annotationId, version, label }: { articleId: string; annotationId: string; version: number; label: string }) {
  const { confirming, panelRef, openerRef, open, cancel } = useConfirmation<HTMLDivElement>();
  const [state, action, pending] = useActionState(deleteAnnotationAction, null);
  const busy = useScopePending(pending);

  // A refusal (someone changed it meanwhile) is shown in the confirmation and takes focus.
  useEffect(() => {
    if (state && !state.ok) panelRef.current?.focus();
  }, [state, panelRef]);

  if (!confirming) {
    return (
      <button ref={openerRef} type="button" disabled={busy} className={quietDangerButtonClass} onClick={open}>
        Delete annotation…
      </button>
    );
  }
  return (
    <form onSubmit={submitWithoutReset(action)} className="space-y-2 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-950" aria-label="Delete annotation">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="annotationId" value={annotationId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="confirmed" value="yes" />
      <div ref={panelRef} tabIndex={-1} className="space-y-1 outline-none">
        <p className="font-semibold">Delete this annotation ({label})?</p>
        <p>
          Its claim type, attribution, provenance chain, rationale and evidence are removed from this statement; the statement itself stays, without an
          annotation. Readers never saw it. This cannot be undone here; the audit log keeps a copy.
        </p>
      </div>
      {state && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
      <ConfirmButtons label={pending ? "Deleting…" : "Delete annotation"} disabled={busy} onCancel={cancel} />
    </form>
  );
}
