"use client";

import { useActionState, useRef } from "react";
import { inviteAction } from "@/app/admin/users/actions";
import type { AdminActionState } from "@/lib/server/admin/common";
import { buttonClass, FieldError, firstInvalid, FormMessage, inputClass, LinkPanel, useFocusOnAnswer } from "./ui";

const initial: AdminActionState = { ok: false };

export function InviteForm() {
  const [state, action, pending] = useActionState(inviteAction, initial);
  const v = state.ok ? {} : (state.values ?? {});
  const e = state.fieldErrors ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  // After an answer: the link to copy, or the first field to fix.
  useFocusOnAnswer(state, (s) => (s.ok ? (linkRef.current ?? messageRef.current) : (firstInvalid(formRef.current) ?? messageRef.current)));
  return (
    <section aria-labelledby="invite-title" className="space-y-3 rounded-lg border border-stone-300 bg-white p-4">
      <h2 id="invite-title" className="text-lg font-semibold text-stone-900">
        Invite a reviewer
      </h2>
      <form ref={formRef} action={action} className="grid gap-3 sm:grid-cols-[1fr_1fr_10rem_auto] sm:items-start" key={state.ok ? state.link : "form"} noValidate>
        <div>
          <label htmlFor="invite-name" className="mb-1 block text-sm font-medium text-stone-800">
            Name
          </label>
          <input id="invite-name" name="name" required defaultValue={v.name ?? ""} aria-invalid={!!e.name} aria-describedby={e.name ? "invite-name-error" : undefined} className={inputClass} />
          <FieldError id="invite-name-error" message={e.name} />
        </div>
        <div>
          <label htmlFor="invite-email" className="mb-1 block text-sm font-medium text-stone-800">
            Email
          </label>
          <input id="invite-email" name="email" type="email" required defaultValue={v.email ?? ""} aria-invalid={!!e.email} aria-describedby={e.email ? "invite-email-error" : undefined} className={inputClass} />
          <FieldError id="invite-email-error" message={e.email} />
        </div>
        <div>
          <label htmlFor="invite-role" className="mb-1 block text-sm font-medium text-stone-800">
            Role
          </label>
          <select id="invite-role" name="role" defaultValue={v.role ?? "reviewer"} className={inputClass}>
            <option value="reviewer">Reviewer</option>
            <option value="admin">Admin</option>
          </select>
        </div>
        <div className="sm:pt-6">
          <button type="submit" disabled={pending} className={buttonClass}>
            {pending ? "Inviting…" : "Invite"}
          </button>
        </div>
      </form>
      <FormMessage state={state} testId="invite-message" ref={messageRef} />
      <LinkPanel state={state} linkRef={linkRef} />
    </section>
  );
}
