"use client";

import Link from "next/link";
import { useActionState, useRef, useState } from "react";
import { acceptInvitationAction } from "@/lib/actions/invite/accept";
import { errorsOf } from "@/lib/contracts/forms";
import { passwordProblem, PASSWORD_MIN_LENGTH } from "@/lib/contracts/admin";
import { ActionMessage } from "@/components/ui/Notice";
import { FieldError } from "@/components/ui/FieldError";
import { firstInvalid, useFocusOnAnswer } from "@/components/ui/focus";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";

export function AcceptInvitationForm({ token, email }: { token: string; email: string }) {
  const [state, action, pending] = useActionState(acceptInvitationAction, null);
  const [password, setPassword] = useState("");
  const e = errorsOf(state);
  const formRef = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const signInRef = useRef<HTMLAnchorElement>(null);
  useFocusOnAnswer(state, (s) => (s?.ok ? signInRef.current : (firstInvalid(formRef.current) ?? messageRef.current)));
  if (state?.ok) {
    return (
      <div className="space-y-3" data-testid="invitation-accepted">
        <ActionMessage state={state} />
        <p className="text-stone-800">
          Sign in with <strong>{email}</strong> and your new password.
        </p>
        <Link ref={signInRef} href={`/login?callbackUrl=${encodeURIComponent("/review")}`} className={`${buttonClass} inline-block`}>
          Sign in
        </Link>
      </div>
    );
  }
  // The live check, unless the server's answer for this field already says it (once is enough).
  const live = password && !e.password ? passwordProblem(password, email) : null;
  return (
    <form ref={formRef} action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="username" autoComplete="username" value={email} readOnly />
      <div>
        <label htmlFor="new-password" className={labelClass}>
          New password
        </label>
        <input
          id="new-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          minLength={PASSWORD_MIN_LENGTH}
          value={password}
          onChange={(ev) => setPassword(ev.target.value)}
          aria-invalid={!!e.password}
          aria-describedby="new-password-hint new-password-error"
          className={inputClass}
        />
        <p id="new-password-hint" className={`mt-1 text-sm ${live ? "text-amber-900" : "text-stone-600"}`}>
          {live ?? `At least ${PASSWORD_MIN_LENGTH} characters, and not containing your email address.`}
        </p>
        <FieldError id="new-password-error" message={e.password} />
      </div>
      <div>
        <label htmlFor="confirm-password" className={labelClass}>
          Repeat the password
        </label>
        <input id="confirm-password" name="confirm" type="password" autoComplete="new-password" required aria-invalid={!!e.confirm} aria-describedby="confirm-password-error" className={inputClass} />
        <FieldError id="confirm-password-error" message={e.confirm} />
      </div>
      {!e.password && !e.confirm ? <ActionMessage state={state} ref={messageRef} /> : null}
      <button type="submit" disabled={pending} className={`${buttonClass} w-full py-2`}>
        {pending ? "Saving…" : "Set password"}
      </button>
    </form>
  );
}
