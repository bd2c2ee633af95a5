"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { deleteAnnotationAction, type StatementState } from "@/app/review/actions";
import { submitWithoutReset } from "./submit";
import { Notice, dangerButtonClass, secondaryButtonClass } from "./ui";

/**
 * "Delete annotation…": asks first, saying what goes and whether readers lose it; the server re-checks the version.
 * On success the action redirects to the same (now unannotated) statement, which shows a notice.
 */
export function DeleteAnnotation({ articleId, annotationId, version, label, readerVisible }: { articleId: string; annotationId: string; version: number; label: string; readerVisible: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState<StatementState, FormData>(deleteAnnotationAction, null);
  const confirmRef = useRef<HTMLDivElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  // A refusal (someone changed it meanwhile) is shown in the confirmation and takes focus.
  useEffect(() => {
    if (state && !state.ok) confirmRef.current?.focus();
  }, [state]);

  if (!confirming) {
    return (
      <button ref={openerRef} type="button" className={dangerButtonClass} onClick={() => setConfirming(true)}>
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
      <div ref={confirmRef} tabIndex={-1} className="space-y-1 outline-none">
        <p className="font-semibold">Delete this annotation ({label})?</p>
        <p>
          Its claim type, attribution, provenance chain, rationale and evidence are removed from this statement; the statement itself stays, without an
          annotation. {readerVisible ? "It has an approved version: readers stop seeing it at once. " : ""}This cannot be undone here; the audit log keeps a copy.
        </p>
      </div>
      {state && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
      <div className="flex flex-wrap gap-2">
        <button type="submit" disabled={pending} className={dangerButtonClass}>
          {pending ? "Deleting…" : "Delete annotation"}
        </button>
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={() => {
            setConfirming(false);
            setTimeout(() => openerRef.current?.focus(), 0);
          }}
        >
          Cancel
        </button>
      </div>
    </form>
  );
}
