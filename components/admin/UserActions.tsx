"use client";

import { useActionState, useRef, useState } from "react";
import { changeRoleAction, resetPasswordAction, setActiveAction } from "@/lib/actions/admin/users";
import type { AdminUserDTO } from "@/lib/contracts/admin-dto";
import { ActionMessage } from "@/components/ui/Notice";
import { useFocusOnAnswer } from "@/components/ui/focus";
import { ConfirmButtons } from "@/components/ui/ConfirmButtons";
import { inputClass, secondaryButtonClass } from "@/components/ui/styles";
import { LinkPanel } from "./LinkPanel";
import { isInvitee } from "@/lib/format/account-status";

/**
 * Per-user actions: role, deactivate/reactivate (confirmed), reset password (confirmed). For an invitee (no password
 * set, never signed in) the same two actions are what they do to the invitation: resend it, revoke it.
 */
export function UserActions({ user, isSelf }: { user: AdminUserDTO; isSelf: boolean }) {
  const [roleState, roleAction, rolePending] = useActionState(changeRoleAction, null);
  const [activeState, activeAction, activePending] = useActionState(setActiveAction, null);
  const [resetState, resetAction, resetPending] = useActionState(resetPasswordAction, null);
  const [confirming, setConfirming] = useState<null | "active" | "reset">(null);
  // Only the answer to the latest action is shown.
  const [last, setLast] = useState<null | "role" | "active" | "reset">(null);
  const id = user.id;
  const invitee = isInvitee(user);
  // Keyboard users land on each answer (the link to copy after a reset), and back on the button after "Cancel".
  const roleMessageRef = useRef<HTMLDivElement>(null);
  const activeMessageRef = useRef<HTMLDivElement>(null);
  const resetMessageRef = useRef<HTMLDivElement>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  useFocusOnAnswer(roleState, () => roleMessageRef.current);
  useFocusOnAnswer(activeState, () => activeMessageRef.current);
  useFocusOnAnswer(resetState, () => linkRef.current ?? resetMessageRef.current);
  const activeButtonRef = useRef<HTMLButtonElement>(null);
  const resetButtonRef = useRef<HTMLButtonElement>(null);
  // The opener was unmounted while confirming: focus goes back to it once it is rendered again.
  const cancel = () => {
    const opener = confirming === "active" ? activeButtonRef : resetButtonRef;
    setConfirming(null);
    setTimeout(() => opener.current?.focus(), 0);
  };
  return (
    <div className="space-y-2" data-testid={`user-actions-${user.email}`}>
      <form action={roleAction} onSubmit={() => setLast("role")} className="flex items-end gap-2">
        <input type="hidden" name="userId" value={id} />
        <input type="hidden" name="version" value={user.version} />
        <div>
          <label htmlFor={`role-${id}`} className="block text-xs font-medium text-stone-700">
            Role of {user.name}
          </label>
          <select id={`role-${id}`} name="role" defaultValue={user.role} key={`${user.role}-${user.version}`} className={`${inputClass} min-w-[7.5rem] py-1 text-sm`}>
            <option value="reviewer">Reviewer</option>
            <option value="admin">Admin</option>
          </select>
        </div>
        <button type="submit" disabled={rolePending} className={secondaryButtonClass}>
          {rolePending ? "Saving…" : "Change role"}
        </button>
      </form>

      <div className="flex flex-wrap gap-2">
        {confirming !== "active" ? (
          <button type="button" ref={activeButtonRef} className={secondaryButtonClass} onClick={() => setConfirming("active")}>
            {user.active ? (invitee ? "Revoke invitation…" : "Deactivate…") : "Reactivate…"}
          </button>
        ) : null}
        {confirming !== "reset" && user.active ? (
          <button type="button" ref={resetButtonRef} className={secondaryButtonClass} onClick={() => setConfirming("reset")}>
            {invitee ? "Resend invitation…" : "Reset password…"}
          </button>
        ) : null}
      </div>

      {confirming === "active" ? (
        <form action={activeAction} onSubmit={() => { setConfirming(null); setLast("active"); }} role="group" aria-label={`Confirm ${user.active ? (invitee ? "revoking the invitation" : "deactivation") : "reactivation"} of ${user.name}`} className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm">
          <input type="hidden" name="userId" value={id} />
          <input type="hidden" name="version" value={user.version} />
          <input type="hidden" name="intent" value={user.active ? "deactivate" : "reactivate"} />
          <p>
            {user.active && invitee
              ? `Revoke ${user.name}'s invitation? The link stops working and the account is deactivated; you can reactivate it and resend an invitation later.`
              : user.active
              ? `Deactivate ${isSelf ? "your own account" : user.name}? ${isSelf ? "You" : "They"} are signed out everywhere at once and cannot sign in; annotations keep their author.`
              : `Reactivate ${user.name}? They can sign in again with their password.`}
          </p>
          <ConfirmButtons label={user.active ? (invitee ? "Yes, revoke invitation" : "Yes, deactivate") : "Yes, reactivate"} danger={user.active} autoFocus disabled={activePending} onCancel={cancel} />
        </form>
      ) : null}

      {confirming === "reset" ? (
        <form action={resetAction} onSubmit={() => { setConfirming(null); setLast("reset"); }} role="group" aria-label={invitee ? `Confirm a new invitation for ${user.name}` : `Confirm password reset of ${user.name}`} className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm">
          <input type="hidden" name="userId" value={id} />
          <input type="hidden" name="version" value={user.version} />
          {invitee ? (
            <p>Send {user.name} a new invitation? The earlier link stops working; you get a new single-use link to pass on.</p>
          ) : (
            <p>Reset {user.name}&apos;s password? Their current password stops working and their sessions end; you get a new single-use link to pass on.</p>
          )}
          <ConfirmButtons label={invitee ? "Yes, send a new invitation" : "Yes, reset password"} autoFocus disabled={resetPending} onCancel={cancel} />
        </form>
      ) : null}
      {last === "role" ? <ActionMessage state={roleState} ref={roleMessageRef} /> : null}
      {last === "active" ? <ActionMessage state={activeState} ref={activeMessageRef} /> : null}
      {last === "reset" ? (
        <>
          <ActionMessage state={resetState} ref={resetMessageRef} />
          <LinkPanel state={resetState} linkRef={linkRef} />
        </>
      ) : null}
    </div>
  );
}
