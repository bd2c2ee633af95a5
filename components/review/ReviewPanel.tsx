"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { reviewAction, type SimpleState } from "@/app/review/actions";
import { submitWithoutReset } from "./submit";
import { FieldError, Notice, buttonClass, dangerButtonClass, inputClass, labelClass } from "./ui";

/** Approve / Return for an annotation in review. The server decides who may; the refusal reason is shown up front. */
export function ReviewPanel({ articleId, annotationId, version, refusal }: { articleId: string; annotationId: string; version: number; refusal: string | null }) {
  const [state, action, pending] = useActionState<SimpleState, FormData>(reviewAction, null);
  const [comment, setComment] = useState("");
  const errors = state && !state.ok ? state.fieldErrors ?? {} : {};
  const messageRef = useRef<HTMLDivElement>(null);
  // A refusal or a missing comment takes focus (the pressed button is disabled while pending, so focus would be lost).
  useEffect(() => {
    if (state && !state.ok) (errors.comment ? document.getElementById("review-comment") : messageRef.current)?.focus();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state]);
  return (
    <form onSubmit={submitWithoutReset(action)} className="space-y-3 rounded border border-sky-300 bg-sky-50 p-3" aria-label="Second review" noValidate>
      <h3 className="text-sm font-semibold text-sky-950">Second review</h3>
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="annotationId" value={annotationId} />
      <input type="hidden" name="version" value={version} />
      {refusal ? <Notice tone="warning">{refusal}</Notice> : <p className="text-sm text-sky-950">Check the tag, sources and evidence, then approve it or return it with a comment.</p>}
      <div ref={messageRef} tabIndex={-1} className="outline-none">
        {state ? <Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice> : null}
      </div>
      <div>
        <label htmlFor="review-comment" className={labelClass}>
          Comment (required to return)
        </label>
        <textarea id="review-comment" name="comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} aria-invalid={errors.comment ? true : undefined} aria-describedby={errors.comment ? "review-comment-error" : undefined} className={inputClass} />
        <FieldError id="review-comment-error" message={errors.comment} />
      </div>
      <div className="flex gap-2">
        <button type="submit" name="decision" value="approve" disabled={pending || !!refusal} className={buttonClass}>
          Approve
        </button>
        <button type="submit" name="decision" value="return" disabled={pending || !!refusal} className={dangerButtonClass}>
          Return
        </button>
      </div>
    </form>
  );
}
