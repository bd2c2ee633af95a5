"use client";

import { useActionState } from "react";
import { confirmCorrectionAction, previewCorrectionAction } from "@/lib/actions/review/corrections";
import { errorsOf, valuesOf } from "@/lib/contracts/forms";
import type { CorrectionOutcomeDTO, CorrectionPreviewDTO } from "@/lib/corrections/contracts";
import { OUTCOME_LABELS } from "@/lib/corrections/labels";
import { Field, fieldAria } from "@/components/ui/Field";
import { Notice } from "@/components/ui/Notice";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { WordDiff } from "@/components/ui/WordDiff";

export function CorrectionForm({ articleId, currentText }: { articleId: string; currentText: string }) {
  const [state, preview, previewing] = useActionState(previewCorrectionAction, null);
  const result = state?.ok ? state.preview : null;
  const errors = errorsOf(state);
  const text = result?.text ?? valuesOf(state)?.text ?? currentText;
  return (
    <div className="space-y-6">
      <form action={preview} className="space-y-4" noValidate aria-busy={previewing}>
        {state && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
        <input type="hidden" name="articleId" value={articleId} />
        <Field id="correction-text" label="Corrected text" error={errors.text} hint="Edit the text below, or paste the outlet's new version over it.">
          <textarea id="correction-text" name="text" rows={16} defaultValue={text} key={text} {...fieldAria("correction-text", errors.text)} className={`${inputClass} font-mono text-sm`} />
        </Field>
        <div>
          <label htmlFor="correction-file" className={labelClass}>
            …or a file (replaces the text above)
          </label>
          <input id="correction-file" name="file" type="file" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" className="text-sm" />
          {errors.file ? <p className="text-sm text-red-800">{errors.file}</p> : null}
        </div>
        <button type="submit" className={secondaryButtonClass} disabled={previewing}>
          Preview the correction
        </button>
      </form>
      {result ? <CorrectionPreview preview={result} /> : null}
    </div>
  );
}

function CorrectionPreview({ preview }: { preview: CorrectionPreviewDTO }) {
  const [state, confirm, confirming] = useActionState(confirmCorrectionAction, null);
  const errors = errorsOf(state);
  const { counts } = preview;
  return (
    <section aria-labelledby="correction-preview" className="space-y-4 rounded border border-stone-300 p-4" data-testid="correction-preview">
      <h2 id="correction-preview" className="text-lg font-semibold text-stone-900">
        Preview: revision {preview.fromRevision} → {preview.fromRevision + 1}
      </h2>
      <p className="text-sm text-stone-800" data-testid="correction-counts">
        {counts.unchanged} unchanged, {counts.moved} moved, {counts.changed} changed (back to review), {counts.orphaned} no longer in the article;{" "}
        {counts.proposed} new statements proposed.
      </p>
      <ol className="space-y-2">
        {preview.outcomes.map((o) => (
          <OutcomeItem key={o.annotationId} outcome={o} />
        ))}
      </ol>
      {preview.newStatements.length ? (
        <div>
          <h3 className="font-semibold text-stone-900">New statements proposed</h3>
          <ul className="list-disc space-y-1 pl-5 text-sm" data-testid="new-statements">
            {preview.newStatements.map((s) => (
              <li key={s.start}>{s.text}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <form action={confirm} className="space-y-3" noValidate aria-busy={confirming}>
        {state && !state.ok ? <Notice tone="error" testId="confirm-error">{state.message}</Notice> : null}
        {(["articleId", "text", "fromHash", "toHash", "fingerprint"] as const).map((k) => (
          <input key={k} type="hidden" name={k} value={preview[k]} />
        ))}
        <input type="hidden" name="fromRevision" value={preview.fromRevision} />
        <Field id="correction-reason" label="What changed, and why (shown to readers in the corrections log)" error={errors.reason} required>
          <input id="correction-reason" name="reason" defaultValue={valuesOf(state)?.reason ?? ""} maxLength={500} {...fieldAria("correction-reason", errors.reason)} className={inputClass} />
        </Field>
        <button type="submit" className={buttonClass} disabled={confirming}>
          Confirm the correction
        </button>
      </form>
    </section>
  );
}

function OutcomeItem({ outcome: o }: { outcome: CorrectionOutcomeDTO }) {
  return (
    <li className="rounded border border-stone-200 p-2 text-sm" data-testid="correction-outcome" data-kind={o.kind}>
      <p>
        <strong>{OUTCOME_LABELS[o.kind]}</strong> · {o.claimType} · {o.status}
        {o.published ? " · published" : ""}
      </p>
      {o.kind === "changed" && o.diff ? (
        <p className="mt-1">
          <WordDiff parts={o.diff} />
        </p>
      ) : (
        <p className={`mt-1 ${o.kind === "orphaned" ? "line-through" : ""} text-stone-700`}>“{o.oldQuote}”</p>
      )}
    </li>
  );
}
