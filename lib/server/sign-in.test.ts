import { afterAll, beforeAll, describe, expect, it } from "vitest";
import bcrypt from "bcryptjs";
import { createTestDatabase, removeTestDatabase } from "./testing/test-database";

const { database } = await createTestDatabase("sign-in");
const { db } = await import("./db");
const { authenticateWithPassword, LOCKOUT_MAX_FAILURES, LOCKOUT_WINDOW_MS } = await import("./sign-in");

beforeAll(async () => {
  await db.user.create({
    data: { email: "rita@example.com", name: "Rita", role: "reviewer", passwordHash: await bcrypt.hash("correct horse battery", 4) },
  });
  await db.user.create({
    data: { email: "gone@example.com", name: "Gone", role: "reviewer", active: false, passwordHash: await bcrypt.hash("correct horse battery", 4) },
  });
});

afterAll(async () => {
  await db.$disconnect();
  await removeTestDatabase(database);
});

describe("authenticateWithPassword", () => {
  it("signs in with the right password, case-insensitively on the email, and records the sign-in", async () => {
    const result = await authenticateWithPassword("  Rita@Example.com ", "correct horse battery");
    expect(result.ok).toBe(true);
    const user = await db.user.findUniqueOrThrow({ where: { email: "rita@example.com" } });
    expect(user.lastSignInAt).not.toBeNull();
    expect(await db.auditEvent.count({ where: { action: "user.sign_in", entityId: user.id } })).toBe(1);
  });

  it("gives the same answer for a wrong password, an unknown email and a deactivated account", async () => {
    expect(await authenticateWithPassword("rita@example.com", "wrong")).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateWithPassword("nobody@example.com", "wrong")).toEqual({ ok: false, reason: "invalid" });
    expect(await authenticateWithPassword("gone@example.com", "correct horse battery")).toEqual({ ok: false, reason: "invalid" });
  });

  it("locks an email out after 5 failures in 15 minutes, even with the right password, then lets it in again", async () => {
    const now = new Date("2026-01-01T12:00:00Z");
    await db.loginAttempt.deleteMany({});
    for (let i = 0; i < LOCKOUT_MAX_FAILURES; i++) {
      expect((await authenticateWithPassword("rita@example.com", "nope", now)).ok).toBe(false);
    }
    expect(await authenticateWithPassword("rita@example.com", "correct horse battery", now)).toEqual({ ok: false, reason: "locked" });
    const later = new Date(now.getTime() + LOCKOUT_WINDOW_MS + 1000);
    expect((await authenticateWithPassword("rita@example.com", "correct horse battery", later)).ok).toBe(true);
  });

  it("locks out unknown emails too, so the lock-out does not reveal which accounts exist", async () => {
    const now = new Date("2026-02-01T12:00:00Z");
    for (let i = 0; i < LOCKOUT_MAX_FAILURES; i++) await authenticateWithPassword("ghost@example.com", "x", now);
    expect(await authenticateWithPassword("ghost@example.com", "x", now)).toEqual({ ok: false, reason: "locked" });
  });
});

describe("password hash upgrade", () => {
  it("replaces a plain-bcrypt hash (which reads only 72 bytes) with the pre-hashed scheme at the next successful sign-in", async () => {
    const long = "p".repeat(80) + "-the-real-tail";
    await db.user.create({ data: { email: "old-hash@example.com", name: "Old", role: "reviewer", passwordHash: await bcrypt.hash(long, 4) } });
    // Plain bcrypt: any tail after 72 bytes would have matched.
    expect((await authenticateWithPassword("old-hash@example.com", long)).ok).toBe(true);
    const upgraded = (await db.user.findUniqueOrThrow({ where: { email: "old-hash@example.com" } })).passwordHash!;
    expect(upgraded.startsWith("$hmac-sha256$")).toBe(true);
    expect((await authenticateWithPassword("old-hash@example.com", long)).ok).toBe(true);
    expect((await authenticateWithPassword("old-hash@example.com", "p".repeat(80) + "-another-tail")).ok).toBe(false);
  });
});
