"use client";

import { useEffect, useRef, useState, type Ref } from "react";
import type { AdminActionState } from "@/lib/server/admin/common";

export const inputClass = "w-full rounded border border-stone-400 bg-white px-3 py-2 text-stone-900 aria-[invalid=true]:border-red-700";
export const buttonClass = "rounded bg-stone-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-stone-700 disabled:opacity-60";
export const secondaryButtonClass = "rounded border border-stone-500 bg-white px-3 py-1.5 text-sm font-medium text-stone-900 hover:bg-stone-100 disabled:opacity-60";
export const dangerButtonClass = "rounded bg-red-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-700 disabled:opacity-60";

/** The result line of a form: success in green, failure in red, announced to screen readers. */
export function FormMessage({ state, testId, ref }: { state: AdminActionState; testId?: string; ref?: Ref<HTMLParagraphElement> }) {
  if (!state.message) return null;
  return (
    <p
      ref={ref}
      tabIndex={-1}
      role={state.ok ? "status" : "alert"}
      data-testid={testId}
      className={`rounded border px-3 py-2 text-sm ${state.ok ? "border-green-700 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}
    >
      {state.message}
    </p>
  );
}

/**
 * Moves focus to `target(state)` each time an action answers (useActionState gives a new state object), so a
 * keyboard or screen-reader user lands on the result instead of the top of the page. Not on first render.
 */
export function useFocusOnAnswer(state: AdminActionState, target: (state: AdminActionState) => HTMLElement | null | undefined) {
  const seen = useRef(state);
  useEffect(() => {
    if (seen.current === state) return;
    seen.current = state;
    target(state)?.focus();
  });
}

/** The first field marked invalid inside `root`. */
export function firstInvalid(root: HTMLElement | null): HTMLElement | null {
  return root?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? null;
}

export { FieldError } from "@/components/ui/FieldError";

/** The invitation / reset link for the admin to pass on, with whether it was e-mailed. */
export function LinkPanel({ state, linkRef }: { state: AdminActionState; linkRef?: Ref<HTMLInputElement> }) {
  const [copied, setCopied] = useState(false);
  if (!state.ok || !state.link) return null;
  return (
    <div className="space-y-2 rounded border border-blue-300 bg-blue-50 p-3 text-sm text-stone-900" data-testid="invitation-link-panel">
      <label className="block font-medium" htmlFor={`link-${state.link.slice(-8)}`}>
        Single-use link (valid until {state.linkExpiresAt ? new Date(state.linkExpiresAt).toUTCString() : "7 days"})
      </label>
      <div className="flex gap-2">
        <input id={`link-${state.link.slice(-8)}`} ref={linkRef} readOnly value={state.link} className={`${inputClass} font-mono text-xs`} data-testid="invitation-link" onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(state.link as string);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <p data-testid="invitation-email-note" className={state.emailSent ? "text-green-900" : "text-stone-700"}>
        {state.emailNote}
      </p>
    </div>
  );
}
