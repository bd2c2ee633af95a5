import type { Metadata } from "next";
import { requireAdminPage } from "@/lib/server/admin/page-guard";
import { listUsers } from "@/lib/server/admin/users";
import { InviteForm } from "@/components/admin/InviteForm";
import { UserActions } from "@/components/admin/UserActions";
import { formatTimestampDate } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Reviewers · Admin" };
export const dynamic = "force-dynamic";

export default async function AdminUsersPage() {
  const me = await requireAdminPage("/admin/users");
  const users = await listUsers();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold text-stone-900">Reviewers</h1>
      <InviteForm />
      <div className="overflow-x-auto rounded-lg border border-stone-300 bg-white">
        <table className="w-full text-left text-sm" data-testid="users-table">
          <caption className="sr-only">Accounts</caption>
          <thead className="bg-stone-100 text-stone-800">
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
          <tbody>
            {users.length === 0 ? (
              <tr>
                <td colSpan={7} className="px-3 py-6 text-center text-stone-600">
                  No accounts yet. Invite the first reviewer above.
                </td>
              </tr>
            ) : null}
            {users.map((u) => (
              <tr key={u.id} className="border-t border-stone-200 align-top" data-testid={`user-row-${u.email}`}>
                <td className="px-3 py-2">
                  <div className="font-medium text-stone-900">{u.name}</div>
                  <div className="text-stone-700">{u.email}</div>
                </td>
                <td className="px-3 py-2" data-field="role">
                  {u.role === "admin" ? "Admin" : "Reviewer"}
                </td>
                <td className="px-3 py-2" data-field="status">
                  {u.active ? (
                    <span className="rounded bg-green-100 px-1.5 py-0.5 font-medium text-green-900">Active</span>
                  ) : (
                    <span className="rounded bg-stone-200 px-1.5 py-0.5 font-medium text-stone-800">Deactivated</span>
                  )}
                  {u.pendingLink ? (
                    <div className="mt-1 text-xs text-stone-700">
                      {u.pendingLink.purpose === "invite" ? "Invitation" : "Password link"} pending until {formatTimestampDate(u.pendingLink.expiresAt)}
                    </div>
                  ) : !u.hasPassword && u.active ? (
                    <div className="mt-1 text-xs text-stone-700">No password set</div>
                  ) : null}
                </td>
                <td className="whitespace-nowrap px-3 py-2" data-field="last-sign-in">
                  {u.lastSignInAt ? <time dateTime={u.lastSignInAt}>{new Date(u.lastSignInAt).toISOString().slice(0, 16).replace("T", " ")} UTC</time> : "Never"}
                </td>
                <td className="px-3 py-2 text-right tabular-nums" data-field="authored">
                  {u.annotationsAuthored}
                </td>
                <td className="px-3 py-2 text-right tabular-nums" data-field="approved">
                  {u.annotationsApproved}
                </td>
                <td className="px-3 py-2">
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
