"use client";

import { useActionState, useState, type ChangeEvent } from "react";
import { importAction } from "@/lib/actions/review/articles";
import { errorsOf } from "@/lib/contracts/forms";
import { EMPTY_IMPORT_VALUES, type ImportValues } from "@/lib/contracts/review-actions";
import { Field, fieldAria } from "@/components/ui/Field";
import { FieldError } from "@/components/ui/FieldError";
import { Notice } from "@/components/ui/Notice";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";
import { ImportCheckedBefore } from "@/components/claims/ImportCheckedBefore";

// MAX_IMPORT_BYTES of lib/contracts/review, repeated so the page does not ship the zod schemas just for a number.
const MAX_BYTES = 2 * 1024 * 1024;

export function ImportForm() {
  const [state, action, pending] = useActionState(importAction, null);
  // The form was changed after this answer (a new answer clears it): the preview no longer matches the fields.
  const [changedAfter, setChangedAfter] = useState<typeof state | undefined>(undefined);
  const stale = changedAfter === state;
  const [fileError, setFileError] = useState<string | null>(null);

  const errors = errorsOf(state);
  const preview = state?.ok ? state : null;
  // After an answer the form shows what was sent (or, after a file was read, the file's text).
  const v: ImportValues = state ? (state.ok ? state.values : { ...EMPTY_IMPORT_VALUES, ...state.values }) : EMPTY_IMPORT_VALUES;
  const field = (name: keyof ImportValues, label: string, opts: { type?: string; hint?: string; required?: boolean; placeholder?: string } = {}) => (
    <Field id={`import-${name}`} label={label} hint={opts.hint} error={errors[name]} required={opts.required}>
      <input id={`import-${name}`} name={name} type={opts.type ?? "text"} defaultValue={v[name]} placeholder={opts.placeholder} {...fieldAria(`import-${name}`, errors[name], opts.hint)} className={inputClass} />
    </Field>
  );

  function onFile(e: ChangeEvent<HTMLInputElement>) {
    const f = e.target.files?.[0];
    setFileError(f && f.size > MAX_BYTES ? "The file is larger than 2 MB. Choose a smaller file or paste the text." : null);
  }

  const showImport = !!preview && !stale;
  const duplicates = preview?.preview.duplicates ?? [];
  return (
    <form action={action} onChange={(event) => {
        // Editing the article makes the preview stale; ticking "Import it again anyway" does not.
        if ((event.target as EventTarget & { name?: string }).name !== "confirmDuplicate") setChangedAfter(state);
      }} className="space-y-5" noValidate aria-busy={pending}>
      {state && !state.ok ? <Notice tone="error">{state.message}</Notice> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="sm:col-span-2">{field("title", "Title", { hint: "At most 300 characters. Leave empty to use the first line of the text." })}</div>
        {field("outlet", "Outlet", { placeholder: "e.g. The Baltic Times" })}
        {field("byline", "Byline")}
        {field("originalUrl", "Original URL", { type: "url", placeholder: "https://…" })}
        {field("publishedDate", "Published", { hint: "A date like 2025-06-27, or partial: 2025-06 or 2025." })}
        {field("language", "Language", { hint: "Language code, e.g. en, de, pt-BR." })}
      </div>
      <fieldset className="space-y-3 rounded border border-stone-300 p-4">
        <legend className="px-1 text-sm font-semibold text-stone-900">The article: paste the text or choose a file</legend>
        <div>
          <label htmlFor="import-file" className={labelClass}>
            File (.txt, .md or .html, up to 2 MB)
          </label>
          <input
            id="import-file"
            name="file"
            type="file"
            accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
            onChange={onFile}
            aria-invalid={errors.file || fileError ? true : undefined}
            aria-describedby={errors.file || fileError ? "import-file-error" : undefined}
            className="block text-sm"
          />
          <FieldError id="import-file-error" message={fileError ?? errors.file} />
        </div>
        <div>
          <label htmlFor="import-text" className={labelClass}>
            Article text
          </label>
          <textarea
            id="import-text"
            name="text"
            rows={12}
            defaultValue={v.text}
            aria-invalid={errors.text ? true : undefined}
            aria-describedby={errors.text ? "import-text-error" : undefined}
            className={`${inputClass} font-serif`}
          />
          <FieldError id="import-text-error" message={errors.text} />
        </div>
      </fieldset>

      {showImport && duplicates.length ? (
        <div className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3" role="alert" data-testid="duplicate-warning">
          <p className="text-sm font-semibold text-amber-950">This article may already be on the desk.</p>
          <ul className="list-disc pl-6 text-sm text-amber-950">
            {duplicates.map((d) => (
              <li key={d.id}>
                <a href={`/review/articles/${d.id}`} className="underline">
                  {d.title}
                </a>{" "}
                ({d.state === "published" ? "published" : "draft"}; same {d.matched.map((m) => (m === "text" ? "text" : "original URL")).join(" and ")})
              </li>
            ))}
          </ul>
          <label className="flex items-center gap-2 text-sm text-amber-950">
            <input type="checkbox" name="confirmDuplicate" value="yes" /> Import it again anyway (a correction of an existing article goes through its corrections instead)
          </label>
          <FieldError id="import-confirmDuplicate-error" message={errors.confirmDuplicate} />
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" name="intent" value="preview" disabled={pending || !!fileError} className={showImport ? secondaryButtonClass : buttonClass}>
          {pending ? "Working…" : showImport ? "Preview again" : "Preview"}
        </button>
        {showImport ? (
          <button type="submit" name="intent" value="import" disabled={pending} className={buttonClass}>
            Import
          </button>
        ) : (
          <span className="text-sm text-stone-600">{stale && preview ? "You changed the form: preview again before importing." : "Preview the proposed statements, then import."}</span>
        )}
      </div>

      {preview ? (
        <section aria-labelledby="preview-heading" className="space-y-3 rounded border border-stone-300 bg-white p-4">
          {preview.note ? <Notice tone="info">{preview.note}</Notice> : null}
          <h2 id="preview-heading" className="text-lg font-semibold text-stone-900">
            Proposed statements ({preview.preview.statementCount.toLocaleString("en")})
          </h2>
          <p className="text-sm text-stone-700">
            “{preview.preview.title}” — {preview.preview.words.toLocaleString("en")} words. The article is saved as a draft; you can split, merge or
            select statements by hand in the workspace.
          </p>
          {preview.preview.checkedBefore ? <ImportCheckedBefore checkedBefore={preview.preview.checkedBefore} /> : null}
          <ol className="max-h-[28rem] list-decimal space-y-1.5 overflow-y-auto pl-8 font-serif text-[0.95rem] text-stone-900" data-testid="proposed-statements">
            {preview.preview.statements.map((s) => (
              <li key={s.start} className="whitespace-pre-wrap">
                {s.text}
              </li>
            ))}
          </ol>
          {preview.preview.statementCount > preview.preview.statements.length ? (
            <p className="text-sm text-stone-600">
              The first {preview.preview.statements.length.toLocaleString("en")} are listed; all{" "}
              {preview.preview.statementCount.toLocaleString("en")} are imported.
            </p>
          ) : null}
        </section>
      ) : null}
    </form>
  );
}
