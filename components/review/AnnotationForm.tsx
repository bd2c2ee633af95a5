"use client";

import dynamic from "next/dynamic";
import { useActionState, useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { saveAnnotationAction, searchSourcesAction } from "@/lib/actions/review/annotations";
import type { ClaimTypeDTO, SourceDTO, VerificationStatusDTO, WorkflowState } from "@/lib/domain/types";
import { errorsOf, type ActionState } from "@/lib/contracts/forms";
import type { SavedAnnotation } from "@/lib/contracts/review-actions";
import type { AnnotationFormValues, EvidenceFormValue, HopFormValue } from "@/lib/contracts/workspace";
import { SOURCE_KIND_LABELS, STANCE_LABELS } from "@/lib/vocabulary/labels";
import { pickedSource, sourceSuggestionLabels, urlHost } from "@/lib/format/source-suggestions";
import { FieldError } from "@/components/ui/FieldError";
import { Notice } from "@/components/ui/Notice";
import { useScopePending } from "@/components/ui/pending";
import { submitWithoutReset } from "@/components/ui/submit";
import { buttonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";

// Loaded only when someone opens the rationale preview, to keep the workspace's JavaScript small.
const Markdown = dynamic(() => import("@/components/markdown/Markdown").then((m) => m.Markdown), { loading: () => <p>Loading preview…</p> });

const EMPTY_HOP: HopFormValue = { sourceId: null, name: "", kind: "person", url: "", date: "", note: "" };
const EMPTY_EVIDENCE: EvidenceFormValue = { url: "", title: "", stance: "supports", archivedUrl: "", note: "" };

export interface AnnotationFormProps {
  articleId: string;
  statementId: string;
  annotation: { version: number; values: AnnotationFormValues } | null;
  claimTypes: ClaimTypeDTO[];
  statuses: VerificationStatusDTO[];
  defaultStatusSlug: string;
  workflowState?: WorkflowState | null;
  /** When given (an approved or in-review annotation), it is shown first, with an explicit "Edit". */
  readOnlyView?: ReactNode;
}

/** What editing does to the annotation in this state (shown next to "Edit" and beside the save buttons). */
const EDIT_NOTES: Partial<Record<WorkflowState, string>> = {
  approved: "Editing an approved annotation creates a pending revision: readers keep seeing this approved version until a second reviewer approves the revision.",
  in_review: "In review — waiting for a second reviewer. Editing it returns it to draft unless you resubmit it.",
};

/** The same, beside the save buttons once editing. */
const FORM_NOTES: Partial<Record<WorkflowState, string>> = {
  approved: "Saving creates a pending revision: readers keep seeing the approved version until a second reviewer approves it.",
  in_review: "“Save and return to draft” takes it out of review; “Save and resubmit for review” keeps it waiting for a second reviewer.",
};

const focusById = (id: string) => setTimeout(() => document.getElementById(id)?.focus(), 0);

/** Options: the active values, plus the current one if it has been retired since (shown as retired). */
function options<T extends { slug: string; label: string; retired: boolean }>(all: T[], current: string | undefined) {
  return all.filter((o) => !o.retired || o.slug === current);
}

function useSourceSearch() {
  const [results, setResults] = useState<SourceDTO[]>([]);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const search = (q: string) => {
    if (timer.current) clearTimeout(timer.current);
    if (q.trim().length < 2) return;
    timer.current = setTimeout(async () => {
      const form = new FormData();
      form.set("query", q.trim());
      const answer = await searchSourcesAction(null, form);
      setResults(answer?.ok ? answer.sources : []);
    }, 200);
  };
  return { results, search };
}

export function AnnotationForm({ articleId, statementId, annotation, claimTypes, statuses, defaultStatusSlug, workflowState = null, readOnlyView }: AnnotationFormProps) {
  const initial: AnnotationFormValues = annotation?.values ?? {
    claimTypeSlug: "",
    statusSlug: defaultStatusSlug,
    attributionText: "",
    speakerName: "",
    speakerKind: "",
    speakerRole: "",
    claimDate: "",
    rationale: "",
    chain: [],
    evidence: [],
  };
  const [values, setValues] = useState<AnnotationFormValues>(initial);
  const [baseVersion, setBaseVersion] = useState<number | null>(annotation?.version ?? null);
  const [state, action, pending] = useActionState(saveAnnotationAction, null);
  const busy = useScopePending(pending);
  const [dismissedConflict, setDismissedConflict] = useState<ActionState<SavedAnnotation>>(null);
  const [preview, setPreview] = useState(false);
  const sources = useSourceSearch();
  const errors = errorsOf(state);
  const conflict = state && !state.ok && state.conflict && dismissedConflict !== state ? state.conflict : null;
  const messageRef = useRef<HTMLDivElement>(null);
  // Approved and in-review annotations open read-only; "Edit" opens the form, a successful submit closes it again.
  const [editing, setEditing] = useState(false);
  const lastIntent = useRef<string | null>(null);
  const showForm = editing || !readOnlyView;
  useEffect(() => {
    // The result (saved, refused, conflict) takes focus: the pressed button is disabled while saving, so focus
    // would otherwise fall back to the page.
    if (state) messageRef.current?.focus();
    // After a successful save the form goes on from the saved version (its values are what was saved).
    if (state && state.ok) {
      setBaseVersion(state.version);
      setDirty(false);
      if (lastIntent.current === "submit") setEditing(false);
    }
  }, [state]);

  const [dirty, setDirty] = useState(false);
  const set = <K extends keyof AnnotationFormValues>(key: K, value: AnnotationFormValues[K]) => {
    setDirty(true);
    setValues((v) => ({ ...v, [key]: value }));
  };
  // A newer version arrived with the page (own save, someone's approval): follow it unless the user has unsaved
  // input — then the save is version-checked and a conflict is shown instead of overwriting anything.
  const propVersion = annotation?.version ?? null;
  const propValues = annotation?.values;
  useEffect(() => {
    if (propVersion !== null && propValues && !dirty) {
      setBaseVersion(propVersion);
      setValues(propValues);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follow a new version only, not every re-render's new values object
  }, [propVersion]);
  const setHop = (i: number, patch: Partial<HopFormValue>) => set("chain", values.chain.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  const setEvidence = (i: number, patch: Partial<EvidenceFormValue>) => set("evidence", values.evidence.map((h, j) => (j === i ? { ...h, ...patch } : h)));
  const chainRef = useRef<HTMLFieldSetElement>(null);
  const evidenceRef = useRef<HTMLFieldSetElement>(null);
  /** After removing an item, focus goes to the item now in its place (or the "Add" button), never to the page. */
  const focusAfterRemove = (root: HTMLElement | null, selector: string, i: number) =>
    setTimeout(() => {
      const items = root?.querySelectorAll<HTMLElement>(selector) ?? [];
      const target = items[Math.min(i, items.length - 1)] ?? root?.querySelector<HTMLElement>("button[data-add]");
      target?.focus();
    }, 0);
  const moveHop = (i: number, d: -1 | 1) => {
    const chain = [...values.chain];
    [chain[i], chain[i + d]] = [chain[i + d], chain[i]];
    set("chain", chain);
  };

  const describedBy = (key: string, hint?: string) => [errors[key] ? `f-${key}-error` : "", hint ?? ""].join(" ").trim() || undefined;
  const invalid = (key: string) => (errors[key] ? true : undefined);

  // A suggestion's text is unique in the list (name — kind · date · host), so a pick links that exact Source by id;
  // typing a name by hand (even one that exists) describes a new source.
  const suggestionLabels = sourceSuggestionLabels(sources.results);
  function onHopName(i: number, value: string) {
    const picked = pickedSource(sources.results, value);
    setHop(i, picked ? { name: picked.name, sourceId: picked.id, kind: picked.kind, url: picked.url ?? "", date: picked.date ?? "" } : { name: value, sourceId: null });
    sources.search(picked ? picked.name : value);
  }

  const payload = JSON.stringify({ statementId, baseVersion, fields: values });
  const currentType = annotation?.values.claimTypeSlug;
  const currentStatus = annotation?.values.statusSlug;
  const editNote = workflowState ? EDIT_NOTES[workflowState] : undefined;
  const formNote = workflowState ? FORM_NOTES[workflowState] : undefined;
  const submit = submitWithoutReset(action);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    lastIntent.current = (event.nativeEvent as SubmitEvent).submitter?.getAttribute("value") ?? null;
    submit(event);
  };

  if (!showForm) {
    return (
      <div className="space-y-3" data-testid="annotation-view">
        <div ref={messageRef} tabIndex={-1} className="outline-none">
          {state && state.ok ? <Notice tone="success">{state.message}</Notice> : null}
        </div>
        {workflowState === "in_review" ? (
          <div id="edit-note">
            <Notice tone="info" testId="in-review-note">
              {EDIT_NOTES.in_review}
            </Notice>
          </div>
        ) : null}
        {readOnlyView}
        <div className="flex flex-wrap items-center gap-3 border-t border-stone-200 pt-3">
          <button
            type="button"
            id="edit-annotation"
            className={buttonClass}
            aria-describedby={editNote ? "edit-note" : undefined}
            onClick={() => {
              setEditing(true);
              focusById("f-claimTypeSlug");
            }}
          >
            Edit
          </button>
          {editNote && workflowState !== "in_review" ? (
            <p id="edit-note" className="min-w-0 flex-1 text-xs text-stone-700">
              {editNote}
            </p>
          ) : null}
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate aria-busy={busy} aria-label="Annotation">
      <input type="hidden" name="payload" value={payload} />
      <input type="hidden" name="articleId" value={articleId} />
      <datalist id="known-sources">
        {sources.results.map((s) => (
          <option key={s.id} value={suggestionLabels.get(s.id)} />
        ))}
      </datalist>

      <div ref={messageRef} tabIndex={-1} className="outline-none">
        {state && state.ok ? <Notice tone="success">{state.message}</Notice> : null}
        {state && !state.ok && !conflict ? (
          <Notice tone="error">
            {state.message}
            {state.signedOut ? (
              <>
                {" "}
                <a href={`/login?callbackUrl=${encodeURIComponent(`/review/articles/${articleId}?s=${statementId}`)}`} className="font-semibold underline">
                  Sign in
                </a>
              </>
            ) : null}
          </Notice>
        ) : null}
        {conflict && state && !state.ok ? (
          <div role="alert" className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950" data-testid="conflict">
            <p className="font-semibold">Not saved: someone else changed this annotation.</p>
            <p>{state.message}</p>
            {conflict.changes.length ? (
              <table className="w-full border-collapse text-left text-xs">
                <caption className="sr-only">What {conflict.changedBy ?? "the other reviewer"} changed</caption>
                <thead>
                  <tr>
                    <th className="border-b border-amber-300 py-1 pr-2">Field</th>
                    <th className="border-b border-amber-300 py-1 pr-2">When you started</th>
                    <th className="border-b border-amber-300 py-1">Now (version {conflict.currentVersion})</th>
                  </tr>
                </thead>
                <tbody>
                  {conflict.changes.map((c) => (
                    <tr key={c.field} data-field={c.field}>
                      <th scope="row" className="py-1 pr-2 align-top font-semibold">
                        {c.label}
                      </th>
                      <td className="whitespace-pre-wrap py-1 pr-2 align-top">{c.before}</td>
                      <td className="whitespace-pre-wrap py-1 align-top">{c.after}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>No content fields differ (only its workflow state changed).</p>
            )}
            <p>Your edit is still in the form below. Reapply it on top of version {conflict.currentVersion}, check it, and save again.</p>
            <button
              type="button"
              className={buttonClass}
              onClick={() => {
                setBaseVersion(conflict.currentVersion);
                setDismissedConflict(state);
              }}
            >
              Reapply my edit on version {conflict.currentVersion}
            </button>
          </div>
        ) : null}
      </div>

      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="f-claimTypeSlug" className={labelClass}>
            Claim type
          </label>
          <select id="f-claimTypeSlug" value={values.claimTypeSlug} onChange={(e) => set("claimTypeSlug", e.target.value)} aria-invalid={invalid("claimTypeSlug")} aria-describedby={describedBy("claimTypeSlug")} className={inputClass}>
            <option value="">Choose…</option>
            {options(claimTypes, currentType).map((t) => (
              <option key={t.slug} value={t.slug}>
                {t.label}
                {t.retired ? " (retired)" : ""}
              </option>
            ))}
          </select>
          <FieldError id="f-claimTypeSlug-error" message={errors.claimTypeSlug} />
        </div>
        <div>
          <label htmlFor="f-statusSlug" className={labelClass}>
            Verification status
          </label>
          <select id="f-statusSlug" value={values.statusSlug} onChange={(e) => set("statusSlug", e.target.value)} aria-invalid={invalid("statusSlug")} aria-describedby={describedBy("statusSlug")} className={inputClass}>
            {options(statuses, currentStatus).map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.label}
                {s.retired ? " (retired)" : ""}
              </option>
            ))}
          </select>
          <FieldError id="f-statusSlug-error" message={errors.statusSlug} />
        </div>
      </div>

      <div>
        <label htmlFor="f-attributionText" className={labelClass}>
          Attribution
        </label>
        <input id="f-attributionText" value={values.attributionText} onChange={(e) => set("attributionText", e.target.value)} placeholder="The wording in the text, e.g. “a spokesperson for the Estonian foreign ministry”" aria-invalid={invalid("attributionText")} aria-describedby={describedBy("attributionText")} className={inputClass} />
        <FieldError id="f-attributionText-error" message={errors.attributionText} />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="sm:col-span-2">
          <label htmlFor="f-speakerName" className={labelClass}>
            Speaker
          </label>
          <input
            id="f-speakerName"
            list="known-sources"
            autoComplete="off"
            value={values.speakerName}
            onChange={(e) => {
              // A picked suggestion puts the source's name in the field and fills "Speaker kind" when still empty.
              const picked = pickedSource(sources.results, e.target.value);
              const name = picked ? picked.name : e.target.value;
              set("speakerName", name);
              if (picked && !values.speakerKind) set("speakerKind", picked.kind === "person" ? "person" : "organisation");
              sources.search(name);
            }}
            placeholder="Person or organisation"
            aria-invalid={invalid("speakerName")}
            aria-describedby={describedBy("speakerName", "f-speaker-hint")}
            className={inputClass}
          />
          <p id="f-speaker-hint" className="mt-1 text-xs text-stone-600">
            Suggestions come from known sources.
          </p>
          <FieldError id="f-speakerName-error" message={errors.speakerName} />
        </div>
        <div>
          <label htmlFor="f-speakerKind" className={labelClass}>
            Speaker kind
          </label>
          <select id="f-speakerKind" value={values.speakerKind} onChange={(e) => set("speakerKind", e.target.value)} aria-invalid={invalid("speakerKind")} aria-describedby={describedBy("speakerKind")} className={inputClass}>
            <option value="">Not recorded</option>
            <option value="person">Person</option>
            <option value="organisation">Organisation</option>
          </select>
          <FieldError id="f-speakerKind-error" message={errors.speakerKind} />
        </div>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="f-speakerRole" className={labelClass}>
            Role
          </label>
          <input id="f-speakerRole" value={values.speakerRole} onChange={(e) => set("speakerRole", e.target.value)} aria-invalid={invalid("speakerRole")} aria-describedby={describedBy("speakerRole")} className={inputClass} />
          <FieldError id="f-speakerRole-error" message={errors.speakerRole} />
        </div>
        <div>
          <label htmlFor="f-claimDate" className={labelClass}>
            Claim date
          </label>
          <input id="f-claimDate" value={values.claimDate} onChange={(e) => set("claimDate", e.target.value)} placeholder="2025-06-27, 2025-06 or 2021" aria-invalid={invalid("claimDate")} aria-describedby={describedBy("claimDate")} className={inputClass} />
          <FieldError id="f-claimDate-error" message={errors.claimDate} />
        </div>
      </div>

      <fieldset ref={chainRef} className="space-y-3 rounded border border-stone-300 p-3">
        <legend className="px-1 text-sm font-semibold text-stone-900">Provenance chain</legend>
        <p className="text-xs text-stone-600">From the original speaker to this article, in order. Each hop is a source: pick a known one or describe a new one.</p>
        {values.chain.length === 0 ? <p className="text-sm text-stone-700">No hops yet.</p> : null}
        <ol className="space-y-3">
          {values.chain.map((hop, i) => (
            <li key={i}>
              <fieldset className="space-y-2 rounded border border-stone-200 bg-stone-50 p-2" aria-label={`Hop ${i + 1}`}>
                <legend className="px-1 text-xs font-semibold uppercase tracking-wide text-stone-700">
                  Hop {i + 1}
                  {i === 0 ? " (origin)" : ""}
                </legend>
                <div className="grid gap-2 sm:grid-cols-2">
                  <div>
                    <label htmlFor={`hop-${i}-name`} className={labelClass}>
                      Source name
                    </label>
                    <input id={`hop-${i}-name`} list="known-sources" autoComplete="off" value={hop.name} onChange={(e) => onHopName(i, e.target.value)} aria-invalid={invalid(`chain.${i}.name`)} aria-describedby={describedBy(`chain.${i}.name`, `hop-${i}-source`)} className={inputClass} />
                    <FieldError id={`f-chain.${i}.name-error`} message={errors[`chain.${i}.name`]} />
                    <p id={`hop-${i}-source`} className="mt-1 text-xs text-stone-600" data-testid="hop-source">
                      {hop.sourceId
                        ? `Known source: ${[SOURCE_KIND_LABELS[hop.kind as keyof typeof SOURCE_KIND_LABELS] ?? hop.kind, hop.date || "undated", urlHost(hop.url) ?? "no URL"].join(" · ")}. Changing its details records a new source.`
                        : "New source. Pick a suggestion (name — kind · date · site) to reuse a known one."}
                    </p>
                  </div>
                  <div>
                    <label htmlFor={`hop-${i}-kind`} className={labelClass}>
                      Source kind
                    </label>
                    <select id={`hop-${i}-kind`} value={hop.kind} onChange={(e) => setHop(i, { kind: e.target.value })} aria-invalid={invalid(`chain.${i}.kind`)} aria-describedby={describedBy(`chain.${i}.kind`)} className={inputClass}>
                      {Object.entries(SOURCE_KIND_LABELS).map(([k, label]) => (
                        <option key={k} value={k}>
                          {label}
                        </option>
                      ))}
                    </select>
                    <FieldError id={`f-chain.${i}.kind-error`} message={errors[`chain.${i}.kind`]} />
                  </div>
                  <div>
                    <label htmlFor={`hop-${i}-url`} className={labelClass}>
                      Source URL
                    </label>
                    <input id={`hop-${i}-url`} type="url" value={hop.url} onChange={(e) => setHop(i, { url: e.target.value })} placeholder="https://…" aria-invalid={invalid(`chain.${i}.url`)} aria-describedby={describedBy(`chain.${i}.url`)} className={inputClass} />
                    <FieldError id={`f-chain.${i}.url-error`} message={errors[`chain.${i}.url`]} />
                  </div>
                  <div>
                    <label htmlFor={`hop-${i}-date`} className={labelClass}>
                      Source date
                    </label>
                    <input id={`hop-${i}-date`} value={hop.date} onChange={(e) => setHop(i, { date: e.target.value })} placeholder="2025-06-27" aria-invalid={invalid(`chain.${i}.date`)} aria-describedby={describedBy(`chain.${i}.date`)} className={inputClass} />
                    <FieldError id={`f-chain.${i}.date-error`} message={errors[`chain.${i}.date`]} />
                  </div>
                </div>
                <div className="flex flex-wrap gap-2">
                  <button type="button" className={secondaryButtonClass} disabled={i === 0} onClick={() => moveHop(i, -1)} aria-label={`Move hop ${i + 1} up`}>
                    Move up
                  </button>
                  <button type="button" className={secondaryButtonClass} disabled={i === values.chain.length - 1} onClick={() => moveHop(i, 1)} aria-label={`Move hop ${i + 1} down`}>
                    Move down
                  </button>
                  <button type="button" className={secondaryButtonClass} onClick={() => {
                      set("chain", values.chain.filter((_, j) => j !== i));
                      focusAfterRemove(chainRef.current, "input[id$='-name']", i);
                    }} aria-label={`Remove hop ${i + 1}`}>
                    Remove
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <button
          type="button"
          data-add
          className={secondaryButtonClass}
          onClick={() => {
            set("chain", [...values.chain, { ...EMPTY_HOP }]);
            setTimeout(() => document.getElementById(`hop-${values.chain.length}-name`)?.focus(), 0);
          }}
        >
          Add hop
        </button>
      </fieldset>

      <div>
        <div className="mb-1 flex items-center justify-between">
          <label htmlFor="f-rationale" className="block text-sm font-medium text-stone-800">
            Rationale
          </label>
          <button type="button" className="text-sm text-blue-800 underline" aria-expanded={preview} onClick={() => setPreview((p) => !p)}>
            {preview ? "Hide preview" : "Preview"}
          </button>
        </div>
        <textarea id="f-rationale" rows={5} value={values.rationale} onChange={(e) => set("rationale", e.target.value)} aria-invalid={invalid("rationale")} aria-describedby={describedBy("rationale", "f-rationale-hint")} className={inputClass} />
        {preview ? (
          <div className="mt-2 min-h-16 rounded border border-dashed border-stone-400 bg-white p-2 text-sm" role="region" aria-label="Rationale preview">
            <p className="mb-1 text-xs font-semibold uppercase tracking-wide text-stone-600">Preview (as readers will see it)</p>
            {values.rationale.trim() ? <Markdown source={values.rationale} /> : <p className="text-stone-600">Nothing to preview.</p>}
          </div>
        ) : null}
        <p id="f-rationale-hint" className="mt-1 text-xs text-stone-600">
          Markdown: **bold**, *italic*, [links](https://…), lists. HTML is not allowed.
        </p>
        <FieldError id="f-rationale-error" message={errors.rationale} />
      </div>

      <fieldset ref={evidenceRef} className="space-y-3 rounded border border-stone-300 p-3">
        <legend className="px-1 text-sm font-semibold text-stone-900">Evidence</legend>
        {values.evidence.length === 0 ? <p className="text-sm text-stone-700">No evidence links yet.</p> : null}
        {values.evidence.map((ev, i) => (
          <fieldset key={i} className="space-y-2 rounded border border-stone-200 bg-stone-50 p-2" aria-label={`Evidence ${i + 1}`}>
            <legend className="px-1 text-xs font-semibold uppercase tracking-wide text-stone-700">Evidence {i + 1}</legend>
            <div className="grid gap-2 sm:grid-cols-2">
              <div>
                <label htmlFor={`ev-${i}-url`} className={labelClass}>
                  Evidence URL
                </label>
                <input id={`ev-${i}-url`} type="url" value={ev.url} onChange={(e) => setEvidence(i, { url: e.target.value })} placeholder="https://…" aria-invalid={invalid(`evidence.${i}.url`)} aria-describedby={describedBy(`evidence.${i}.url`)} className={inputClass} />
                <FieldError id={`f-evidence.${i}.url-error`} message={errors[`evidence.${i}.url`]} />
              </div>
              <div>
                <label htmlFor={`ev-${i}-title`} className={labelClass}>
                  Evidence title
                </label>
                <input id={`ev-${i}-title`} value={ev.title} onChange={(e) => setEvidence(i, { title: e.target.value })} aria-invalid={invalid(`evidence.${i}.title`)} aria-describedby={describedBy(`evidence.${i}.title`)} className={inputClass} />
                <FieldError id={`f-evidence.${i}.title-error`} message={errors[`evidence.${i}.title`]} />
              </div>
              <div>
                <label htmlFor={`ev-${i}-stance`} className={labelClass}>
                  Stance
                </label>
                <select id={`ev-${i}-stance`} value={ev.stance} onChange={(e) => setEvidence(i, { stance: e.target.value })} aria-invalid={invalid(`evidence.${i}.stance`)} aria-describedby={describedBy(`evidence.${i}.stance`)} className={inputClass}>
                  {Object.entries(STANCE_LABELS).map(([k, label]) => (
                    <option key={k} value={k}>
                      {label}
                    </option>
                  ))}
                </select>
                <FieldError id={`f-evidence.${i}.stance-error`} message={errors[`evidence.${i}.stance`]} />
              </div>
              <div>
                <label htmlFor={`ev-${i}-archived`} className={labelClass}>
                  Archived URL
                </label>
                <input id={`ev-${i}-archived`} type="url" value={ev.archivedUrl} onChange={(e) => setEvidence(i, { archivedUrl: e.target.value })} placeholder="https://web.archive.org/…" aria-invalid={invalid(`evidence.${i}.archivedUrl`)} aria-describedby={describedBy(`evidence.${i}.archivedUrl`)} className={inputClass} />
                <FieldError id={`f-evidence.${i}.archivedUrl-error`} message={errors[`evidence.${i}.archivedUrl`]} />
              </div>
            </div>
            <button type="button" className={secondaryButtonClass} onClick={() => {
                set("evidence", values.evidence.filter((_, j) => j !== i));
                focusAfterRemove(evidenceRef.current, "input[id$='-url'][id^='ev-']", i);
              }} aria-label={`Remove evidence ${i + 1}`}>
              Remove
            </button>
          </fieldset>
        ))}
        <button
          type="button"
          data-add
          className={secondaryButtonClass}
          onClick={() => {
            set("evidence", [...values.evidence, { ...EMPTY_EVIDENCE }]);
            setTimeout(() => document.getElementById(`ev-${values.evidence.length}-url`)?.focus(), 0);
          }}
        >
          Add evidence link
        </button>
      </fieldset>

      {formNote ? (
        <p className="text-xs text-stone-700" data-testid="form-note">
          {formNote}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2 border-t border-stone-200 pt-3">
        <button type="submit" name="intent" value="draft" disabled={busy} className={secondaryButtonClass}>
          {workflowState === "in_review" ? "Save and return to draft" : "Save draft"}
        </button>
        <button type="submit" name="intent" value="submit" disabled={busy} className={buttonClass}>
          {workflowState === "in_review" ? "Save and resubmit for review" : "Submit for review"}
        </button>
        {readOnlyView ? (
          <button
            type="button"
            disabled={busy}
            className={secondaryButtonClass}
            onClick={() => {
              if (annotation) setValues(annotation.values);
              setDirty(false);
              setEditing(false);
              focusById("edit-annotation");
            }}
          >
            Cancel editing
          </button>
        ) : null}
        <span className="text-xs text-stone-600" aria-live="polite">
          {pending ? "Saving…" : baseVersion ? `Editing version ${baseVersion}` : "New annotation"}
        </span>
      </div>
    </form>
  );
}
