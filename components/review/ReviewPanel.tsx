"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { reviewAction } from "@/lib/actions/review/annotations";
import { errorsOf } from "@/lib/contracts/forms";
import { submitWithoutReset } from "@/components/ui/submit";
import { FieldError } from "@/components/ui/FieldError";
import { ActionMessage, Notice } from "@/components/ui/Notice";
import { useScopePending } from "@/components/ui/pending";
import { buttonClass, inputClass, labelClass, quietDangerButtonClass } from "@/components/ui/styles";
import Link from "next/link";
import { formatTimestampDate } from "@/lib/format/dates";
import { MIN_CONSISTENCY_NOTE_LENGTH, type ClusterVerdictDTO } from "@/lib/contracts/claims";

/** Approve / Return for an annotation in review. The server decides who may; the refusal reason is shown up front. */
export function ReviewPanel({
  articleId,
  annotationId,
  version,
  refusal,
  warnings = [],
  consistency = null,
}: {
  articleId: string;
  annotationId: string;
  version: number;
  refusal: string | null;
  /** Chain warnings to acknowledge before "Approve" (the server refuses an approval without every one). */
  warnings?: { key: string; message: string }[];
  /** The claim cluster's most recent published verdict, when this approval would publish another one: a note is required. */
  consistency?: { earlier: ClusterVerdictDTO; approvingLabel: string } | null;
}) {
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  const allTicked = warnings.every((w) => ticked.has(w.key));
  const [state, action, pending] = useActionState(reviewAction, null);
  const busy = useScopePending(pending);
  const [comment, setComment] = useState("");
  const [note, setNote] = useState("");
  const errors = errorsOf(state);
  const messageRef = useRef<HTMLDivElement>(null);
  // A refusal or a missing comment takes focus (the pressed button is disabled while pending, so focus would be lost).
  useEffect(() => {
    if (!state || state.ok) return;
    const failed = errorsOf(state);
    (failed.comment ? document.getElementById("review-comment") : failed.consistencyNote ? document.getElementById("review-consistency-note") : messageRef.current)?.focus();
  }, [state]);
  return (
    <form onSubmit={submitWithoutReset(action)} className="space-y-3 rounded border border-sky-300 bg-sky-50 p-3" aria-label="Second review" noValidate>
      <h3 className="text-sm font-semibold text-sky-950">Second review</h3>
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="annotationId" value={annotationId} />
      <input type="hidden" name="version" value={version} />
      {refusal ? <Notice tone="warning">{refusal}</Notice> : <p className="text-sm text-sky-950">Check the tag, sources and evidence, then approve it or return it with a comment.</p>}
      <div ref={messageRef} tabIndex={-1} className="outline-none">
        <ActionMessage state={state} />
      </div>
      {warnings.length > 0 ? (
        <fieldset className="space-y-2 rounded border border-amber-400 bg-amber-50 p-2" data-testid="acknowledge-warnings">
          <legend className="px-1 text-sm font-semibold text-amber-950">Chain checks: acknowledge each before approving</legend>
          {warnings.map((w) => (
            <label key={w.key} className="flex items-start gap-2 text-sm text-amber-950">
              <input
                type="checkbox"
                name="acknowledge"
                value={w.key}
                checked={ticked.has(w.key)}
                onChange={(e) => {
                  const next = new Set(ticked);
                  if (e.target.checked) next.add(w.key);
                  else next.delete(w.key);
                  setTicked(next);
                }}
                className="mt-1"
              />
              <span>{w.message}</span>
            </label>
          ))}
          <FieldError id="review-acknowledge-error" message={errors.acknowledgedWarnings} />
        </fieldset>
      ) : null}
      {consistency ? (
        <div className="space-y-2 rounded border border-violet-400 bg-violet-50 p-2" data-testid="consistency-note">
          <p className="text-sm text-violet-950">
            This claim was published as <strong>“{consistency.earlier.verdict.label}”</strong> in{" "}
            <Link href={consistency.earlier.permalink} className="underline">
              {consistency.earlier.article.title}
            </Link>{" "}
            (checked {formatTimestampDate(consistency.earlier.approvedAt)}). You are approving “{consistency.approvingLabel}”.
          </p>
          <div>
            <label htmlFor="review-consistency-note" className={labelClass}>
              Why does this verdict differ? (required to approve, at least {MIN_CONSISTENCY_NOTE_LENGTH} characters)
            </label>
            <textarea
              id="review-consistency-note"
              name="consistencyNote"
              rows={3}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
              aria-invalid={errors.consistencyNote ? true : undefined}
              aria-describedby={errors.consistencyNote ? "review-consistency-note-error" : undefined}
              className={inputClass}
            />
            <FieldError id="review-consistency-note-error" message={errors.consistencyNote} />
          </div>
        </div>
      ) : null}
      <div>
        <label htmlFor="review-comment" className={labelClass}>
          Comment (required to return)
        </label>
        <textarea id="review-comment" name="comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} aria-invalid={errors.comment ? true : undefined} aria-describedby={errors.comment ? "review-comment-error" : undefined} className={inputClass} />
        <FieldError id="review-comment-error" message={errors.comment} />
      </div>
      <div className="flex gap-2">
        <button type="submit" name="decision" value="approve" disabled={busy || !!refusal || !allTicked} className={buttonClass}>
          Approve
        </button>
        <button type="submit" name="decision" value="return" disabled={busy || !!refusal} className={quietDangerButtonClass}>
          Return
        </button>
      </div>
    </form>
  );
}
