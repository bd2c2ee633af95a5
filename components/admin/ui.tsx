"use client";

import { useState } from "react";
import type { AdminActionState } from "@/lib/server/admin/common";

export const inputClass = "w-full rounded border border-stone-400 bg-white px-3 py-2 text-stone-900 aria-[invalid=true]:border-red-700";
export const buttonClass = "rounded bg-stone-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-stone-700 disabled:opacity-60";
export const secondaryButtonClass = "rounded border border-stone-500 bg-white px-3 py-1.5 text-sm font-medium text-stone-900 hover:bg-stone-100 disabled:opacity-60";
export const dangerButtonClass = "rounded bg-red-800 px-3 py-1.5 text-sm font-semibold text-white hover:bg-red-700 disabled:opacity-60";

/** The result line of a form: success in green, failure in red, announced to screen readers. */
export function FormMessage({ state, testId }: { state: AdminActionState; testId?: string }) {
  if (!state.message) return null;
  return (
    <p
      role={state.ok ? "status" : "alert"}
      data-testid={testId}
      className={`rounded border px-3 py-2 text-sm ${state.ok ? "border-green-700 bg-green-50 text-green-900" : "border-red-300 bg-red-50 text-red-900"}`}
    >
      {state.message}
    </p>
  );
}

export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-800">
      {message}
    </p>
  );
}

/** The invitation / reset link for the admin to pass on, with whether it was e-mailed. */
export function LinkPanel({ state }: { state: AdminActionState }) {
  const [copied, setCopied] = useState(false);
  if (!state.ok || !state.link) return null;
  return (
    <div className="space-y-2 rounded border border-blue-300 bg-blue-50 p-3 text-sm text-stone-900" data-testid="invitation-link-panel">
      <label className="block font-medium" htmlFor={`link-${state.link.slice(-8)}`}>
        Single-use link (valid until {state.linkExpiresAt ? new Date(state.linkExpiresAt).toUTCString() : "7 days"})
      </label>
      <div className="flex gap-2">
        <input id={`link-${state.link.slice(-8)}`} readOnly value={state.link} className={`${inputClass} font-mono text-xs`} data-testid="invitation-link" onFocus={(e) => e.currentTarget.select()} />
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
