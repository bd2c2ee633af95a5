"use client";

import { useActionState, useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { mergeAction, splitAction } from "@/lib/actions/review/statements";
import { selectionOffsets } from "./selection";
import { asQuotation } from "@/lib/format/quote";
import { submitWithoutReset } from "@/components/ui/submit";
import { Notice } from "@/components/ui/Notice";
import { useScopePending } from "@/components/ui/pending";
import { ConfirmButtons } from "@/components/ui/ConfirmButtons";
import { inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";

interface Neighbour {
  id: string;
  annotated: boolean;
  /** Its annotation has an approved version that readers see. */
  approved?: boolean;
  preview: string;
}

export interface StatementToolsProps {
  articleId: string;
  statementId: string;
  start: number;
  end: number;
  text: string;
  annotationLabel: string | null;
  /** The annotation has an approved version that readers see. */
  annotationApproved?: boolean;
  previous: Neighbour | null;
  next: Neighbour | null;
  candidates: { at: number; label: string }[];
}

const short = (s: string, n = 50) => {
  const t = s.replace(/\s+/g, " ").trim();
  return t.length > n ? `${t.slice(0, n - 1)}…` : t;
};

/** What moving an approved annotation means for readers (the move is a pending revision). */
const REVISION_NOTE =
  "Readers keep the approved version (its current place and content) until this change is approved: it becomes a pending revision that a second reviewer must approve.";

/** Split and merge, each with a confirmation that says where the annotation goes. */
export function StatementTools(props: StatementToolsProps) {
  const { articleId, statementId, start, text, annotationLabel, annotationApproved, previous, next, candidates } = props;
  const router = useRouter();
  const [mode, setMode] = useState<"none" | "split" | "merge-prev" | "merge-next">("none");
  const [at, setAt] = useState<number>(candidates[0]?.at ?? 0);
  const [keep, setKeep] = useState<"first" | "second">("first");
  const [split, splitFormAction, splitting] = useActionState(splitAction, null);
  const [merge, mergeFormAction, merging] = useActionState(mergeAction, null);
  const busy = useScopePending(splitting || merging);
  const [cursorNote, setCursorNote] = useState<string | null>(null);

  useEffect(() => {
    const done = split?.ok ? split : merge?.ok ? merge : null;
    if (done) router.push(`/review/articles/${articleId}?s=${done.statementId}`, { scroll: false });
  }, [split, merge, articleId, router]);

  function takeCursor() {
    const root = document.getElementById("workspace-text");
    const sel = root ? selectionOffsets(root) : null;
    if (!sel || sel.start <= start || sel.start >= start + text.length) {
      setCursorNote("Click inside this statement's text where it should be split, then press this button again.");
      return;
    }
    setAt(sel.start);
    setCursorNote(null);
  }

  const rel = at - start;
  const first = text.slice(0, rel);
  const second = text.slice(rel);
  const neighbour = mode === "merge-prev" ? previous : mode === "merge-next" ? next : null;
  const bothAnnotated = !!annotationLabel && !!neighbour?.annotated;
  const movesApproved = mode === "split" ? !!annotationApproved : !bothAnnotated && (annotationLabel ? !!annotationApproved : !!neighbour?.approved);

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <button type="button" className={secondaryButtonClass} aria-expanded={mode === "split"} onClick={() => setMode(mode === "split" ? "none" : "split")} disabled={busy || (candidates.length === 0 && text.length < 2)}>
          Split…
        </button>
        <button type="button" className={secondaryButtonClass} aria-expanded={mode === "merge-prev"} disabled={busy || !previous} onClick={() => setMode(mode === "merge-prev" ? "none" : "merge-prev")}>
          Merge with previous…
        </button>
        <button type="button" className={secondaryButtonClass} aria-expanded={mode === "merge-next"} disabled={busy || !next} onClick={() => setMode(mode === "merge-next" ? "none" : "merge-next")}>
          Merge with next…
        </button>
      </div>

      {mode === "split" ? (
        <form onSubmit={submitWithoutReset(splitFormAction)} className="space-y-2 rounded border border-stone-300 bg-white p-3 text-sm" aria-label="Split statement">
          <input type="hidden" name="articleId" value={articleId} />
          <input type="hidden" name="statementId" value={statementId} />
          <input type="hidden" name="at" value={at} />
          <input type="hidden" name="confirmed" value="yes" />
          <div>
            <label htmlFor="split-at" className={labelClass}>
              Split after
            </label>
            <select id="split-at" value={at} onChange={(e) => setAt(Number(e.target.value))} className={inputClass}>
              {candidates.every((c) => c.at !== at) && at > start ? <option value={at}>Text cursor position</option> : null}
              {candidates.map((c) => (
                <option key={c.at} value={c.at}>
                  {c.label}
                </option>
              ))}
            </select>
            <button type="button" className="mt-1 text-sm text-blue-800 underline" onClick={takeCursor}>
              Use the text cursor position
            </button>
            {cursorNote ? <p className="text-xs text-amber-900">{cursorNote}</p> : null}
          </div>
          {rel > 0 && rel < text.length ? (
            <p className="rounded bg-stone-100 p-2 font-serif">
              <span className="text-stone-900">{asQuotation(short(first, 80))}</span> <span aria-hidden="true">✂</span>
              <span className="sr-only">split here, then</span> <span className="text-stone-900">{asQuotation(short(second, 80))}</span>
            </p>
          ) : null}
          {annotationLabel ? (
            <fieldset className="space-y-1">
              <legend className="font-medium">This statement carries an annotation ({annotationLabel}). Which part keeps it?</legend>
              <label className="flex items-center gap-2">
                <input type="radio" name="keep" value="first" checked={keep === "first"} onChange={() => setKeep("first")} /> The first part
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="keep" value="second" checked={keep === "second"} onChange={() => setKeep("second")} /> The second part
              </label>
              <Notice tone="warning">
                The annotation will move to the {keep} part: {asQuotation(short(keep === "first" ? first : second, 70))}. The other part becomes a new statement without an annotation.
                {movesApproved ? <> {REVISION_NOTE}</> : null}
              </Notice>
            </fieldset>
          ) : (
            <input type="hidden" name="keep" value="first" />
          )}
          {split && !split.ok ? <Notice tone="error">{split.message}</Notice> : null}
          <ConfirmButtons label={annotationLabel ? "Confirm split" : "Split"} danger={false} disabled={busy || rel <= 0 || rel >= text.length} onCancel={() => setMode("none")} />
        </form>
      ) : null}

      {neighbour ? (
        <form action={mergeFormAction} className="space-y-2 rounded border border-stone-300 bg-white p-3 text-sm" aria-label="Merge statements">
          <input type="hidden" name="articleId" value={articleId} />
          <input type="hidden" name="firstId" value={mode === "merge-prev" ? neighbour.id : statementId} />
          <input type="hidden" name="secondId" value={mode === "merge-prev" ? statementId : neighbour.id} />
          <input type="hidden" name="confirmed" value="yes" />
          <p>
            Merge with the {mode === "merge-prev" ? "previous" : "next"} statement: {asQuotation(neighbour.preview)}.
          </p>
          {bothAnnotated ? (
            <Notice tone="error">
              Both statements carry an annotation, and a statement carries only one. To merge them, first delete one of the two annotations (“Delete
              annotation…” on that statement).
            </Notice>
          ) : annotationLabel ? (
            <Notice tone="warning">
              This statement&apos;s annotation ({annotationLabel}) will cover the whole merged statement.{movesApproved ? <> {REVISION_NOTE}</> : null}
            </Notice>
          ) : neighbour.annotated ? (
            <Notice tone="warning">
              The {mode === "merge-prev" ? "previous" : "next"} statement&apos;s annotation will cover the whole merged statement.
              {movesApproved ? <> {REVISION_NOTE}</> : null}
            </Notice>
          ) : null}
          {merge && !merge.ok ? <Notice tone="error">{merge.message}</Notice> : null}
          <ConfirmButtons label={annotationLabel || neighbour.annotated ? "Confirm merge" : "Merge"} danger={false} disabled={busy || bothAnnotated} onCancel={() => setMode("none")} />
        </form>
      ) : null}
    </div>
  );
}
