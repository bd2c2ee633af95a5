"use client";

import { useActionState, useRef } from "react";
import { inviteAction } from "@/lib/actions/admin/users";
import { errorsOf, valuesOf } from "@/lib/contracts/forms";
import { ActionMessage } from "@/components/ui/Notice";
import { Field, fieldAria } from "@/components/ui/Field";
import { firstInvalid, useFocusOnAnswer } from "@/components/ui/focus";
import { buttonClass, inputClass } from "@/components/ui/styles";
import { LinkPanel } from "./LinkPanel";

export function InviteForm() {
  const [state, action, pending] = useActionState(inviteAction, null);
  const v = valuesOf(state) ?? {};
  const e = errorsOf(state);
  const formRef = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  // After an answer: the link to copy, or the first field to fix.
  useFocusOnAnswer(state, (s) => (s?.ok ? (linkRef.current ?? messageRef.current) : (firstInvalid(formRef.current) ?? messageRef.current)));
  return (
    <section aria-labelledby="invite-title" className="space-y-3 rounded-lg border border-stone-300 bg-white p-4">
      <h2 id="invite-title" className="text-lg font-semibold text-stone-900">
        Invite a reviewer
      </h2>
      <form ref={formRef} action={action} className="grid gap-3 sm:grid-cols-[1fr_1fr_10rem_auto] sm:items-start" key={state?.ok ? state.link : "form"} noValidate>
        <Field id="invite-name" label="Name" error={e.name}>
          <input id="invite-name" name="name" required defaultValue={v.name ?? ""} {...fieldAria("invite-name", e.name)} className={inputClass} />
        </Field>
        <Field id="invite-email" label="Email" error={e.email}>
          <input id="invite-email" name="email" type="email" required defaultValue={v.email ?? ""} {...fieldAria("invite-email", e.email)} className={inputClass} />
        </Field>
        <Field id="invite-role" label="Role">
          <select id="invite-role" name="role" defaultValue={v.role ?? "reviewer"} className={inputClass}>
            <option value="reviewer">Reviewer</option>
            <option value="admin">Admin</option>
          </select>
        </Field>
        <div className="sm:pt-6">
          <button type="submit" disabled={pending} className={buttonClass}>
            {pending ? "Inviting…" : "Invite"}
          </button>
        </div>
      </form>
      <ActionMessage state={state} testId="invite-message" ref={messageRef} />
      <LinkPanel state={state} linkRef={linkRef} />
    </section>
  );
}
