import { describe, expect, it } from "vitest";
import {
  AcceptInvitationSchema,
  AuditFilterSchema,
  ChangeRoleSchema,
  CreateVocabularySchema,
  InviteUserSchema,
  passwordProblem,
  RetireVocabularySchema,
  UpdateVocabularySchema,
} from "./admin";

describe("admin schemas", () => {
  it("invitations: normalised email, required name, reviewer by default", () => {
    expect(InviteUserSchema.parse({ email: "  Ann@Example.COM ", name: " Ann " })).toEqual({ email: "ann@example.com", name: "Ann", role: "reviewer" });
    expect(InviteUserSchema.safeParse({ email: "nope", name: "Ann" }).success).toBe(false);
    expect(InviteUserSchema.safeParse({ email: "a@b.co", name: "  " }).success).toBe(false);
    expect(InviteUserSchema.safeParse({ email: "a@b.co", name: "A", role: "root" }).success).toBe(false);
  });

  it("passwords: at least 12 characters and not containing the email", () => {
    expect(passwordProblem("short", "a@b.co")).toMatch(/at least 12/);
    expect(passwordProblem("xx-ann@example.com-xx", "ann@example.com")).toMatch(/email/);
    expect(passwordProblem("ANNABELLE-rocks-2026", "annabelle@example.com")).toMatch(/email/);
    expect(passwordProblem("correct horse battery", "ann@example.com")).toBeNull();
    expect(AcceptInvitationSchema.safeParse({ token: "a".repeat(43), password: "x", confirm: "y" }).error?.issues[0].path).toEqual(["confirm"]);
    expect(AcceptInvitationSchema.safeParse({ token: "../x", password: "x", confirm: "x" }).success).toBe(false);
  });

  it("roles and versions", () => {
    expect(ChangeRoleSchema.parse({ userId: "u1", role: "admin", version: "3" })).toEqual({ userId: "u1", role: "admin", version: 3 });
    expect(ChangeRoleSchema.safeParse({ userId: "u1", role: "owner", version: 1 }).success).toBe(false);
    expect(ChangeRoleSchema.safeParse({ userId: "u1", role: "admin", version: "x" }).success).toBe(false);
  });

  it("vocabulary: hex colours normalised, ratings 1–5 or none, labels required", () => {
    expect(CreateVocabularySchema.parse({ kind: "verification_status", label: " Odd ", color: "#ABC", rating: "" })).toMatchObject({
      label: "Odd",
      color: "#aabbcc",
      rating: null,
      shortLabel: "",
      description: "",
    });
    expect(CreateVocabularySchema.parse({ kind: "verification_status", label: "Odd", color: "#abc", rating: "4" }).rating).toBe(4);
    // Idempotent: the data layer re-validates what a server action already parsed.
    for (const input of [
      { kind: "verification_status", label: "Odd", color: "#abc", rating: "" },
      { kind: "verification_status", label: "Odd", color: "#abc", rating: "2" },
      { kind: "claim_type", label: "Odd", shortLabel: "O", color: "#1d4ed8" },
    ]) {
      const once = CreateVocabularySchema.parse(input);
      expect(CreateVocabularySchema.parse(once)).toEqual(once);
    }
    const inv = InviteUserSchema.parse({ email: "A@B.co", name: "A" });
    expect(InviteUserSchema.parse(inv)).toEqual(inv);
    expect(CreateVocabularySchema.safeParse({ kind: "verification_status", label: "Odd", color: "#abc", rating: "9" }).success).toBe(false);
    expect(CreateVocabularySchema.safeParse({ kind: "verification_status", label: "Odd", color: "red" }).success).toBe(false);
    expect(CreateVocabularySchema.safeParse({ kind: "tags", label: "Odd", color: "#abc" }).success).toBe(false);
    expect(UpdateVocabularySchema.safeParse({ kind: "claim_type", id: "x", version: 1, label: "", color: "#abc" }).success).toBe(false);
    expect(RetireVocabularySchema.parse({ kind: "claim_type", id: "x", version: 1, retired: "false" }).retired).toBe(false);
  });

  it("audit filters: blanks ignored, dates checked, range ordered", () => {
    expect(AuditFilterSchema.parse({ actor: "", entityType: "user", action: "", from: "", to: "" })).toEqual({ entityType: "user" });
    expect(AuditFilterSchema.safeParse({ from: "2026-13-45" }).success).toBe(false);
    expect(AuditFilterSchema.safeParse({ from: "yesterday" }).success).toBe(false);
    expect(AuditFilterSchema.safeParse({ from: "2026-02-01", to: "2026-01-01" }).success).toBe(false);
    expect(AuditFilterSchema.safeParse({ action: "user.invite'; DROP" }).success).toBe(false);
  });
});
