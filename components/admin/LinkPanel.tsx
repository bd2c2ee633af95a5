"use client";

import { useState, type Ref } from "react";
import type { ActionState } from "@/lib/contracts/forms";
import type { LinkHandover } from "@/lib/contracts/admin-dto";
import { inputClass, secondaryButtonClass } from "@/components/ui/styles";

/** The invitation / reset link for the admin to pass on, with whether it was e-mailed. */
export function LinkPanel({ state, linkRef }: { state: ActionState<LinkHandover>; linkRef?: Ref<HTMLInputElement> }) {
  const [copied, setCopied] = useState(false);
  if (!state?.ok || !state.link) return null;
  const { link, linkExpiresAt, emailSent, emailNote } = state;
  return (
    <div className="space-y-2 rounded border border-blue-300 bg-blue-50 p-3 text-sm text-stone-900" data-testid="invitation-link-panel">
      <label className="block font-medium" htmlFor={`link-${link.slice(-8)}`}>
        Single-use link (valid until {linkExpiresAt ? new Date(linkExpiresAt).toUTCString() : "7 days"})
      </label>
      <div className="flex gap-2">
        <input id={`link-${link.slice(-8)}`} ref={linkRef} readOnly value={link} className={`${inputClass} font-mono text-xs`} data-testid="invitation-link" onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(link);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
      </div>
      <p data-testid="invitation-email-note" className={emailSent ? "text-green-900" : "text-stone-700"}>
        {emailNote}
      </p>
    </div>
  );
}
