import { describe, expect, it } from "vitest";
import { ACCOUNT_STATUS_LABELS, accountStatus, isInvitee } from "./account-status";

const at = "2026-01-01T10:00:00.000Z";

describe("accountStatus", () => {
  it("an invitee who has not set a password yet is invited, not active", () => {
    expect(accountStatus({ active: true, hasPassword: false, lastSignInAt: null })).toBe("invited");
    expect(ACCOUNT_STATUS_LABELS.invited).toBe("Invited");
  });

  it("someone who set a password, or has signed in before (then had it reset), is active", () => {
    expect(accountStatus({ active: true, hasPassword: true, lastSignInAt: null })).toBe("active");
    expect(accountStatus({ active: true, hasPassword: false, lastSignInAt: at })).toBe("active");
    expect(isInvitee({ active: true, hasPassword: false, lastSignInAt: at })).toBe(false);
  });

  it("a deactivated invitee is a revoked invitation; any other deactivated account is deactivated", () => {
    expect(accountStatus({ active: false, hasPassword: false, lastSignInAt: null })).toBe("invitation-revoked");
    expect(accountStatus({ active: false, hasPassword: true, lastSignInAt: at })).toBe("deactivated");
  });
});
