import type { Metadata } from "next";
import { requireAdminPage } from "@/lib/server/admin/page-guard";
import { listUsers } from "@/lib/server/admin/users";
import { listSignInAlerts } from "@/lib/server/admin/sign-in-alerts";
import { InviteForm } from "@/components/admin/InviteForm";
import { SignInAlerts } from "@/components/admin/SignInAlerts";
import { RATE_LIMITS } from "@/lib/security/rate-limits";
import { UserActions } from "@/components/admin/UserActions";
import { formatTimestampDate } from "@/lib/format/dates";
import { ACCOUNT_STATUS_LABELS, accountStatus, type AccountStatus } from "@/lib/format/account-status";

const STATUS_BADGE: Record<AccountStatus, string> = {
  active: "bg-green-100 text-green-900",
  invited: "bg-amber-100 text-amber-950",
  deactivated: "bg-stone-200 text-stone-800",
  "invitation-revoked": "bg-stone-200 text-stone-800",
};

export const metadata: Metadata = { title: "Reviewers · Admin" };
export const dynamic = "force-dynamic";

// Below md the table reads as one card per account: each cell on its own line, labelled from data-label.
const cell =
  "px-3 py-2 max-md:flex max-md:flex-wrap max-md:items-baseline max-md:gap-x-3 max-md:py-1 max-md:text-left max-md:before:w-32 max-md:before:shrink-0 max-md:before:text-xs max-md:before:font-semibold max-md:before:uppercase max-md:before:text-stone-600 max-md:before:content-[attr(data-label)]";

export default async function AdminUsersPage() {
  const me = await requireAdminPage("/admin/users");
  const [users, alerts] = await Promise.all([listUsers(me), listSignInAlerts(me)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-stone-900">Reviewers</h1>
      <SignInAlerts alerts={alerts} threshold={RATE_LIMITS.signInFailuresPerEmail.limit} windowMinutes={RATE_LIMITS.signInFailuresPerEmail.windowMs / 60_000} />
      <InviteForm />
      <div className="overflow-x-auto rounded-lg border border-stone-300 bg-white max-md:overflow-visible">
        <table className="w-full text-left text-sm max-md:block" data-testid="users-table">
          <caption className="sr-only">Accounts</caption>
          <thead className="bg-stone-100 text-stone-800 max-md:hidden">
            <tr>
              <th scope="col" className="px-3 py-2">Name and email</th>
              <th scope="col" className="px-3 py-2">Role</th>
              <th scope="col" className="px-3 py-2">Status</th>
              <th scope="col" className="px-3 py-2">Last sign-in</th>
              <th scope="col" className="px-3 py-2 text-right">Annotations authored</th>
              <th scope="col" className="px-3 py-2 text-right">Approved (as second reviewer)</th>
              <th scope="col" className="px-3 py-2">Actions</th>
            </tr>
          </thead>
          <tbody className="max-md:block">
            {users.length === 0 ? (
              <tr>
                <td colSpan={7} className="block px-3 py-6 text-center text-stone-600 md:table-cell">
                  No accounts yet. Invite the first reviewer above.
                </td>
              </tr>
            ) : null}
            {users.map((u) => (
              <tr key={u.id} className="border-t border-stone-200 align-top max-md:block max-md:py-2 max-md:first:border-t-0" data-testid={`user-row-${u.email}`}>
                <td className={cell} data-label="Account">
                  <div className="min-w-0 [overflow-wrap:anywhere]">
                    <div className="font-medium text-stone-900">{u.name}</div>
                    <div className="text-stone-700">{u.email}</div>
                  </div>
                </td>
                <td className={cell} data-label="Role" data-field="role">
                  {u.role === "admin" ? "Admin" : "Reviewer"}
                </td>
                <td className={cell} data-label="Status" data-field="status">
                  <div>
                  <span className={`rounded px-1.5 py-0.5 font-medium ${STATUS_BADGE[accountStatus(u)]}`} data-status={accountStatus(u)}>
                    {ACCOUNT_STATUS_LABELS[accountStatus(u)]}
                  </span>
                  {u.pendingLink ? (
                    <div className="mt-1 text-xs text-stone-700">
                      {u.pendingLink.purpose === "invite" ? "Invitation" : "Password link"} pending until {formatTimestampDate(u.pendingLink.expiresAt)}
                    </div>
                  ) : !u.hasPassword && u.active ? (
                    <div className="mt-1 text-xs text-stone-700">{accountStatus(u) === "invited" ? "No invitation link pending: resend one" : "No password set"}</div>
                  ) : null}
                  </div>
                </td>
                <td className={`${cell} whitespace-nowrap`} data-label="Last sign-in" data-field="last-sign-in">
                  {u.lastSignInAt ? <time dateTime={u.lastSignInAt}>{new Date(u.lastSignInAt).toISOString().slice(0, 16).replace("T", " ")} UTC</time> : "Never"}
                </td>
                <td className={`${cell} text-right tabular-nums`} data-label="Annotations authored" data-field="authored">
                  {u.annotationsAuthored}
                </td>
                <td className={`${cell} text-right tabular-nums`} data-label="Approved as second reviewer" data-field="approved">
                  {u.annotationsApproved}
                </td>
                <td className={cell} data-label="Actions">
                  <UserActions user={u} isSelf={u.id === me.id} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
