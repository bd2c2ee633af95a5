import type { Metadata } from "next";
import Link from "next/link";
import { getInvitation, INVITATION_MESSAGES } from "@/lib/server/admin/users";
import { inviteeActor } from "@/lib/server/session";
import { AcceptInvitationForm } from "@/components/admin/AcceptInvitationForm";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await getInvitation(inviteeActor(token));
  return (
    <div className="mx-auto max-w-md rounded-lg border border-stone-300 bg-white p-6 shadow-sm">
      {invitation.state === "valid" ? (
        <div className="space-y-4">
          <div>
            <h1 className="text-2xl font-bold text-stone-900">{invitation.purpose === "invite" ? "Welcome to Provenance" : "Set a new password"}</h1>
            <p className="mt-1 text-stone-700">
              {invitation.purpose === "invite" ? `${invitation.name}, choose a password for ` : "Choose a new password for "}
              <strong data-testid="invite-email">{invitation.email}</strong>. This link works once.
            </p>
          </div>
          <AcceptInvitationForm token={token} email={invitation.email} />
        </div>
      ) : (
        <div className="space-y-3" data-testid="invitation-problem">
          <h1 className="text-2xl font-bold text-stone-900">This link cannot be used</h1>
          <p role="alert" className="text-stone-800">
            {INVITATION_MESSAGES[invitation.state]}
          </p>
          <Link href="/login" className="font-medium text-blue-800 underline">
            Go to sign in
          </Link>
        </div>
      )}
    </div>
  );
}
