"use client";

import { useActionState, useEffect, useState, type ChangeEvent } from "react";
import { importAction, type ImportState } from "@/app/review/actions";
import { FieldError, Notice, buttonClass, inputClass, labelClass, secondaryButtonClass } from "./ui";

const MAX_BYTES = 2 * 1024 * 1024;
const EMPTY = { title: "", outlet: "", byline: "", originalUrl: "", publishedDate: "", language: "en", text: "" };

export function ImportForm() {
  const [state, action, pending] = useActionState<ImportState, FormData>(importAction, { status: "idle", values: EMPTY });
  const [stale, setStale] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  useEffect(() => setStale(false), [state]);

  const errors = state.status === "error" ? state.fieldErrors ?? {} : {};
  const v = state.values;
  const field = (name: keyof typeof EMPTY, label: string, opts: { type?: string; hint?: string; required?: boolean; placeholder?: string } = {}) => (
    <div>
      <label htmlFor={`import-${name}`} className={labelClass}>
        {label}
        {opts.required ? <span className="text-stone-600"> (required)</span> : null}
      </label>
      <input
        id={`import-${name}`}
        name={name}
        type={opts.type ?? "text"}
        defaultValue={v[name]}
        placeholder={opts.placeholder}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={[errors[name] ? `import-${name}-error` : "", opts.hint ? `import-${name}-hint` : ""].join(" ").trim() || undefined}
        className={inputClass}
      />
      {opts.hint ? (
        <p id={`import-${name}-hint`} className="mt-1 text-xs text-stone-600">
          {opts.hint}
        </p>
      ) : null}
      <FieldError id={`import-${name}-error`} message={errors[name]} />
    </div>
  );

  function onFile(e: ChangeEvent<HTMLInputElement>) {
    const f = e.target.files?.[0];
    setFileError(f && f.size > MAX_BYTES ? "The file is larger than 2 MB. Choose a smaller file or paste the text." : null);
  }

  const showImport = state.status === "preview" && !stale;
  return (
    <form action={action} onChange={() => setStale(true)} className="space-y-5" noValidate aria-busy={pending}>
      {state.status === "error" ? <Notice tone="error">{state.message}</Notice> : null}
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

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" name="intent" value="preview" disabled={pending || !!fileError} className={showImport ? secondaryButtonClass : buttonClass}>
          {pending ? "Working…" : showImport ? "Preview again" : "Preview"}
        </button>
        {showImport ? (
          <button type="submit" name="intent" value="import" disabled={pending} className={buttonClass}>
            Import
          </button>
        ) : (
          <span className="text-sm text-stone-600">{stale && state.status === "preview" ? "You changed the form: preview again before importing." : "Preview the proposed statements, then import."}</span>
        )}
      </div>

      {state.status === "preview" ? (
        <section aria-labelledby="preview-heading" className="space-y-3 rounded border border-stone-300 bg-white p-4">
          {state.note ? <Notice tone="info">{state.note}</Notice> : null}
          <h2 id="preview-heading" className="text-lg font-semibold text-stone-900">
            Proposed statements ({state.preview.statements.length})
          </h2>
          <p className="text-sm text-stone-700">
            “{state.preview.title}” — {state.preview.words.toLocaleString("en")} words. The article is saved as a draft; you can split, merge or
            select statements by hand in the workspace.
          </p>
          <ol className="max-h-[28rem] list-decimal space-y-1.5 overflow-y-auto pl-8 font-serif text-[0.95rem] text-stone-900" data-testid="proposed-statements">
            {state.preview.statements.map((s) => (
              <li key={s.start} className="whitespace-pre-wrap">
                {s.text}
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </form>
  );
}
