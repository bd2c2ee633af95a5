"use client";

import { useActionState, useRef, useState } from "react";
import {
  createVocabularyAction,
  deleteVocabularyAction,
  moveVocabularyAction,
  retireVocabularyAction,
  updateVocabularyAction,
} from "@/lib/actions/admin/vocabulary";
import { errorsOf, valuesOf, type ActionState } from "@/lib/contracts/forms";
import type { AdminVocabularyEntry } from "@/lib/contracts/admin-dto";
import type { VocabularyKind } from "@/lib/contracts/admin";
import { checkHighlightColor, checkMarkColor, formatRatio, isHexColor, normalizeHex } from "@/lib/vocabulary/contrast";
import { ActionMessage } from "@/components/ui/Notice";
import { FieldError } from "@/components/ui/FieldError";
import { firstInvalid, useFocusOnAnswer } from "@/components/ui/focus";
import { buttonClass, dangerButtonClass, inputClass, labelClass, secondaryButtonClass } from "@/components/ui/styles";

function ContrastHint({ kind, color }: { kind: VocabularyKind; color: string }) {
  if (!isHexColor(color)) return null;
  const check = kind === "verification_status" ? checkHighlightColor(color) : checkMarkColor(color);
  return (
    <span className={`text-xs ${check.ok ? "text-green-900" : "text-red-800"}`}>
      Contrast {formatRatio(check.ratio)} {check.ok ? "(passes AA)" : "(fails AA, needs 4.5:1)"}
    </span>
  );
}

function Swatch({ kind, color, label }: { kind: VocabularyKind; color: string; label: string }) {
  return kind === "verification_status" ? (
    <span className="rounded px-1.5 py-0.5 text-sm text-[#111827]" style={{ background: isHexColor(color) ? color : "#fff" }}>
      {label || "Sample"}
    </span>
  ) : (
    <span className="rounded px-1.5 py-0.5 text-sm font-semibold text-white" style={{ background: isHexColor(color) ? color : "#000" }}>
      {label || "Sample"}
    </span>
  );
}

function Fields({ kind, idPrefix, values, errors }: { kind: VocabularyKind; idPrefix: string; values: Record<string, string>; errors: Record<string, string> }) {
  const [color, setColor] = useState(values.color ?? "");
  const [label, setLabel] = useState(values.label ?? "");
  const field = (name: string) => ({
    id: `${idPrefix}-${name}`,
    name,
    "aria-invalid": !!errors[name],
    "aria-describedby": errors[name] ? `${idPrefix}-${name}-error` : undefined,
  });
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <div>
        <label htmlFor={`${idPrefix}-label`} className={labelClass}>
          Label
        </label>
        <input {...field("label")} value={label} onChange={(e) => setLabel(e.target.value)} required maxLength={80} className={inputClass} />
        <FieldError id={`${idPrefix}-label-error`} message={errors.label} />
      </div>
      {kind === "claim_type" ? (
        <div>
          <label htmlFor={`${idPrefix}-shortLabel`} className={labelClass}>
            Short label (tag after the statement)
          </label>
          <input {...field("shortLabel")} defaultValue={values.shortLabel ?? ""} maxLength={24} className={inputClass} />
          <FieldError id={`${idPrefix}-shortLabel-error`} message={errors.shortLabel} />
        </div>
      ) : (
        <div>
          <label htmlFor={`${idPrefix}-rating`} className={labelClass}>
            ClaimReview rating
          </label>
          <select {...field("rating")} defaultValue={values.rating ?? ""} className={inputClass}>
            <option value="">Not rated (no ClaimReview)</option>
            <option value="5">5 – true</option>
            <option value="4">4 – mostly true</option>
            <option value="3">3 – mixed</option>
            <option value="2">2 – mostly false</option>
            <option value="1">1 – false</option>
          </select>
          <FieldError id={`${idPrefix}-rating-error`} message={errors.rating} />
        </div>
      )}
      <div className="md:col-span-2">
        <label htmlFor={`${idPrefix}-description`} className={labelClass}>
          Description
        </label>
        <textarea {...field("description")} defaultValue={values.description ?? ""} rows={2} maxLength={500} className={inputClass} />
        <FieldError id={`${idPrefix}-description-error`} message={errors.description} />
      </div>
      <div className="md:col-span-2">
        <label htmlFor={`${idPrefix}-color`} className={labelClass}>
          Colour (hex)
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <input {...field("color")} value={color} onChange={(e) => setColor(e.target.value)} required placeholder="#fde68a" className={`${inputClass} max-w-32 font-mono`} />
          <input type="color" aria-label="Pick a colour" value={isHexColor(color) ? normalizeHex(color) : "#ffffff"} onChange={(e) => setColor(e.target.value)} className="h-9 w-12 rounded border border-stone-400" />
          <Swatch kind={kind} color={color} label={label} />
          <ContrastHint kind={kind} color={color} />
        </div>
        <FieldError id={`${idPrefix}-color-error`} message={errors.color} />
      </div>
    </div>
  );
}

function EntryRow({ entry, index, count, onDeleted }: { entry: AdminVocabularyEntry; index: number; count: number; onDeleted: (message: string) => void }) {
  const [editState, editAction, editPending] = useActionState(updateVocabularyAction, null);
  const [moveState, moveAction, movePending] = useActionState(moveVocabularyAction, null);
  const [retireState, retireAction, retirePending] = useActionState(retireVocabularyAction, null);
  // A deleted row disappears with its own state, so the section shows (and focuses) the answer.
  const [deleteState, deleteAction, deletePending] = useActionState(async (prev: ActionState, formData: FormData) => {
    const answer = await deleteVocabularyAction(prev, formData);
    if (answer?.ok && answer.message) onDeleted(answer.message);
    return answer;
  }, null);
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  // Only the answer to the latest action is shown.
  const [last, setLast] = useState<"edit" | "move" | "retire" | "delete" | null>(null);
  const lastState = last ? { edit: editState, move: moveState, retire: retireState, delete: deleteState }[last] : null;
  const idPrefix = `v-${entry.id}`;
  // Focus follows each answer, so reordering by keyboard can go on pressing Enter (a button disabled while
  // pending, or moved in the list, would otherwise drop focus to the page).
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  const moveDirection = useRef<"up" | "down">("up");
  const retireRef = useRef<HTMLButtonElement>(null);
  const editButtonRef = useRef<HTMLButtonElement>(null);
  const editFormRef = useRef<HTMLFormElement>(null);
  const deleteButtonRef = useRef<HTMLButtonElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const usable = (b: HTMLButtonElement | null) => (b && !b.disabled ? b : null);
  useFocusOnAnswer(moveState, () =>
    moveDirection.current === "up" ? (usable(upRef.current) ?? downRef.current) : (usable(downRef.current) ?? upRef.current),
  );
  useFocusOnAnswer(retireState, (s) => (s?.ok ? retireRef.current : messageRef.current));
  useFocusOnAnswer(editState, (s) => (s?.ok ? (messageRef.current ?? editButtonRef.current) : (firstInvalid(editFormRef.current) ?? messageRef.current)));
  useFocusOnAnswer(deleteState, () => messageRef.current);
  // After "Cancel" the opener is rendered again: focus goes back to it then.
  const returnFocusTo = (opener: { current: HTMLButtonElement | null }) => setTimeout(() => opener.current?.focus(), 0);
  const hidden = (
    <>
      <input type="hidden" name="kind" value={entry.kind} />
      <input type="hidden" name="id" value={entry.id} />
      <input type="hidden" name="version" value={entry.version} />
    </>
  );
  const values =
    valuesOf(editState) ?? { label: entry.label, shortLabel: entry.shortLabel, description: entry.description, color: entry.color, rating: entry.rating === null ? "" : String(entry.rating) };
  const showEditor = editing || !!valuesOf(editState);
  return (
    <li className="space-y-2 border-t border-stone-200 p-3 first:border-t-0" data-testid={`vocab-${entry.slug}`}>
      <div className="flex flex-wrap items-center gap-3">
        <Swatch kind={entry.kind} color={entry.color} label={entry.kind === "claim_type" ? entry.shortLabel : entry.label} />
        <div className="min-w-48 flex-1">
          <div className="font-medium text-stone-900">
            {entry.label} {entry.retired ? <span className="ml-1 rounded bg-stone-200 px-1.5 py-0.5 text-xs font-semibold text-stone-800">Retired</span> : null}
          </div>
          <div className="text-xs text-stone-700">
            <code>{entry.slug}</code> · {entry.color}
            {entry.kind === "verification_status" ? ` · rating ${entry.rating ?? "none"}` : ""} · used by {entry.usage} annotation{entry.usage === 1 ? "" : "s"}
          </div>
          {entry.description ? <p className="text-sm text-stone-700">{entry.description}</p> : null}
        </div>
        <form
          action={moveAction}
          onSubmit={(ev) => {
            setLast("move");
            moveDirection.current = (ev.nativeEvent as SubmitEvent).submitter?.getAttribute("value") === "down" ? "down" : "up";
          }}
          className="flex gap-1"
        >
          {hidden}
          <button type="submit" ref={upRef} name="direction" value="up" disabled={index === 0 || movePending} aria-label={`Move ${entry.label} up`} className={secondaryButtonClass}>
            ↑ Up
          </button>
          <button type="submit" ref={downRef} name="direction" value="down" disabled={index === count - 1 || movePending} aria-label={`Move ${entry.label} down`} className={secondaryButtonClass}>
            ↓ Down
          </button>
        </form>
        <button type="button" ref={editButtonRef} className={secondaryButtonClass} aria-expanded={showEditor} onClick={() => setEditing(!showEditor)} aria-label={`Edit ${entry.label}`}>
          Edit
        </button>
        <form action={retireAction} onSubmit={() => setLast("retire")}>
          {hidden}
          <input type="hidden" name="retired" value={entry.retired ? "false" : "true"} />
          <button type="submit" ref={retireRef} disabled={retirePending} className={secondaryButtonClass} aria-label={`${entry.retired ? "Unretire" : "Retire"} ${entry.label}`}>
            {entry.retired ? "Unretire" : "Retire"}
          </button>
        </form>
        {!confirmDelete ? (
          <button type="button" ref={deleteButtonRef} className={secondaryButtonClass} onClick={() => setConfirmDelete(true)} aria-label={`Delete ${entry.label}`}>
            Delete…
          </button>
        ) : null}
      </div>
      {confirmDelete ? (
        <form action={deleteAction} onSubmit={() => { setConfirmDelete(false); setLast("delete"); }} role="group" aria-label={`Confirm deletion of ${entry.label}`} className="flex flex-wrap items-center gap-2 rounded border border-amber-400 bg-amber-50 p-2 text-sm">
          {hidden}
          <input type="hidden" name="label" value={entry.label} />
          <span>
            Delete “{entry.label}” for good?{entry.usage > 0 ? ` It is used by ${entry.usage} annotation(s), so this will be refused: retire it instead.` : ""}
          </span>
          <button type="submit" autoFocus disabled={deletePending} className={dangerButtonClass}>
            Yes, delete
          </button>
          <button type="button" className={secondaryButtonClass} onClick={() => { setConfirmDelete(false); returnFocusTo(deleteButtonRef); }}>
            Cancel
          </button>
        </form>
      ) : null}
      {showEditor ? (
        <form ref={editFormRef} action={editAction} onSubmit={() => { setEditing(false); setLast("edit"); }} className="space-y-3 rounded border border-stone-300 bg-stone-50 p-3" aria-label={`Edit ${entry.label}`}>
          {hidden}
          <Fields kind={entry.kind} idPrefix={idPrefix} values={values} errors={errorsOf(editState)} key={`${entry.version}-${editState?.message ?? ""}`} />
          <div className="flex gap-2">
            <button type="submit" disabled={editPending} className={buttonClass}>
              {editPending ? "Saving…" : "Save"}
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => { setEditing(false); returnFocusTo(editButtonRef); }}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      {lastState ? <ActionMessage state={lastState} ref={messageRef} /> : null}
    </li>
  );
}

function AddForm({ kind }: { kind: VocabularyKind }) {
  const [state, action, pending] = useActionState(createVocabularyAction, null);
  const values = valuesOf(state) ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  useFocusOnAnswer(state, (s) => (s?.ok ? messageRef.current : (firstInvalid(formRef.current) ?? messageRef.current)));
  return (
    <div className="space-y-2">
    <details className="rounded border border-stone-300 bg-white p-3" open={!!valuesOf(state)}>
      <summary className="cursor-pointer font-medium text-stone-900">Add a {kind === "claim_type" ? "claim type" : "verification status"}</summary>
      <form ref={formRef} action={action} className="mt-3 space-y-3" key={state?.ok ? state.message : "add"}>
        <input type="hidden" name="kind" value={kind} />
        <Fields kind={kind} idPrefix={`add-${kind}`} values={values} errors={errorsOf(state)} key={state?.message ?? "fresh"} />
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? "Adding…" : "Add"}
        </button>
      </form>
    </details>
    {/* Outside <details>: a successful add closes the form, and its answer must stay visible. */}
    <ActionMessage state={state} testId={`add-${kind}-message`} ref={messageRef} />
    </div>
  );
}

export function VocabularySection({ kind, title, intro, entries }: { kind: VocabularyKind; title: string; intro: string; entries: AdminVocabularyEntry[] }) {
  const [deleted, setDeleted] = useState<ActionState>(null);
  const deletedRef = useRef<HTMLDivElement>(null);
  useFocusOnAnswer(deleted, () => deletedRef.current);
  return (
    <section aria-labelledby={`${kind}-title`} className="space-y-3">
      <h2 id={`${kind}-title`} className="text-xl font-semibold text-stone-900">
        {title}
      </h2>
      <p className="text-sm text-stone-700">{intro}</p>
      <ActionMessage state={deleted} ref={deletedRef} testId={`${kind}-deleted-message`} />
      {entries.length === 0 ? (
        <p className="rounded border border-dashed border-stone-400 bg-white p-4 text-sm text-stone-700">None yet. Add the first one below.</p>
      ) : (
        <ol className="rounded-lg border border-stone-300 bg-white" data-testid={`${kind}-list`}>
          {entries.map((e, i) => (
            <EntryRow key={e.id} entry={e} index={i} count={entries.length} onDeleted={(message) => setDeleted({ ok: true, message })} />
          ))}
        </ol>
      )}
      <AddForm kind={kind} />
    </section>
  );
}
