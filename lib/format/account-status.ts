/** What an account is, as the admin sees it: an invitee has never set a password nor signed in. */
export type AccountStatus = "active" | "invited" | "deactivated" | "invitation-revoked";

export interface AccountFacts {
  active: boolean;
  hasPassword: boolean;
  lastSignInAt: string | null;
}

/** True for someone invited who has not accepted yet (the data layer sends them an invitation, not a reset link). */
export function isInvitee(user: AccountFacts): boolean {
  return !user.hasPassword && user.lastSignInAt === null;
}

export function accountStatus(user: AccountFacts): AccountStatus {
  if (!user.active) return isInvitee(user) ? "invitation-revoked" : "deactivated";
  return isInvitee(user) ? "invited" : "active";
}

export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  active: "Active",
  invited: "Invited",
  deactivated: "Deactivated",
  "invitation-revoked": "Invitation revoked",
};
