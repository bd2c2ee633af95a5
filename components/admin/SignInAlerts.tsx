"use client";

import { useActionState } from "react";
import { liftSignInLocksAction } from "@/lib/actions/admin/sign-in";
import type { SignInAlertDTO } from "@/lib/contracts/admin-dto";
import { ActionMessage, Notice } from "@/components/ui/Notice";
import { secondaryButtonClass } from "@/components/ui/styles";

function LiftLocks({ alert }: { alert: SignInAlertDTO }) {
  const [state, action, pending] = useActionState(liftSignInLocksAction, null);
  return (
    <form action={action} className="mt-1 flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={alert.userId} />
      <button type="submit" disabled={pending} className={secondaryButtonClass}>
        {pending ? "Lifting…" : `Lift sign-in locks for ${alert.name}`}
      </button>
      <ActionMessage state={state} />
    </form>
  );
}

/** The banner on /admin/users: accounts under attack, and addresses locked out of an account. */
export function SignInAlerts({ alerts, threshold, windowMinutes }: { alerts: SignInAlertDTO[]; threshold: number; windowMinutes: number }) {
  if (alerts.length === 0) return null;
  return (
    <Notice tone="warning" role="alert" testId="sign-in-alerts">
      <ul className="space-y-3">
        {alerts.map((a) => (
          <li key={a.userId} data-testid={`sign-in-alert-${a.email}`}>
            <strong>
              {a.underAttack
                ? `${a.name} (${a.email}) may be under attack: ${a.failures} failed sign-ins in the last ${windowMinutes} minutes (alert at ${threshold}).`
                : `${a.name} (${a.email}) has sign-in locks.`}
            </strong>{" "}
            {a.lockedAddresses.length > 0 ? `Locked out: ${a.lockedAddresses.join(", ")}, until ${a.until.slice(11, 16)} UTC.` : null}
            <LiftLocks alert={a} />
          </li>
        ))}
      </ul>
    </Notice>
  );
}
