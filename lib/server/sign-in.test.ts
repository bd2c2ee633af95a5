import { afterAll, beforeAll, describe, expect, it } from "vitest";
import bcrypt from "bcryptjs";
import { createTestDatabase, removeTestDatabase } from "./testing/test-database";

const { database } = await createTestDatabase("sign-in");
const { db } = await import("./db");
const { authenticateWithPassword, signInAddressExhausted, LOCKOUT_MAX_FAILURES, LOCKOUT_WINDOW_MS, ATTACK_ALERT_FAILURES } = await import("./sign-in");
const { listSignInAlerts, liftSignInLocks } = await import("./admin/sign-in-alerts");
const { testActor } = await import("./testing/actors");
const { RATE_LIMITS } = await import("@/lib/security/rate-limits");
const { hit, peek } = await import("./rate-limit");

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

  it("locks an email out from one address after 5 failures in 15 minutes, even with the right password, then lets it in again", async () => {
    const now = new Date("2026-01-01T12:00:00Z");
    const at = { address: "198.51.100.1", now };
    await db.loginAttempt.deleteMany({});
    for (let i = 0; i < LOCKOUT_MAX_FAILURES; i++) {
      expect((await authenticateWithPassword("rita@example.com", "nope", at)).ok).toBe(false);
    }
    expect(await authenticateWithPassword("rita@example.com", "correct horse battery", at)).toMatchObject({ ok: false, reason: "locked" });
    const later = new Date(now.getTime() + LOCKOUT_WINDOW_MS + 1000);
    expect((await authenticateWithPassword("rita@example.com", "correct horse battery", { ...at, now: later })).ok).toBe(true);
  });

  it("locks out unknown emails too, so the lock-out does not reveal which accounts exist", async () => {
    const at = { address: "198.51.100.2", now: new Date("2026-02-01T12:00:00Z") };
    for (let i = 0; i < LOCKOUT_MAX_FAILURES; i++) await authenticateWithPassword("ghost@example.com", "x", at);
    expect(await authenticateWithPassword("ghost@example.com", "x", at)).toMatchObject({ ok: false, reason: "locked" });
  });
});

describe("sign-in throttling under attack", () => {
  it("checks at most 5 passwords of 31 parallel guesses at one email from one address", async () => {
    const email = "parallel@example.com";
    await db.user.create({ data: { email, name: "Parallel", role: "reviewer", passwordHash: await bcrypt.hash("the right password", 4) } });
    const at = { address: "203.0.113.31", now: new Date("2026-03-01T12:00:00Z") };
    // 30 wrong guesses and the right password among them: once the 5 slots are taken, nothing else is checked.
    const guesses = Array.from({ length: 31 }, (_, i) => (i === 30 ? "the right password" : `guess-${i}`));
    const results = await Promise.all(guesses.map((g) => authenticateWithPassword(email, g, at)));
    const checked = results.filter((r) => r.ok || r.reason === "invalid");
    expect(checked.length).toBeLessThanOrEqual(LOCKOUT_MAX_FAILURES);
    // The rest were refused unchecked: locked for this email, or (the 31st) over the address's budget.
    expect(results.filter((r) => r.ok === false && (r.reason === "locked" || r.reason === "throttled"))).toHaveLength(31 - checked.length);
    const recordedFailures = await db.loginAttempt.count({ where: { email, succeeded: false } });
    expect(recordedFailures).toBe(checked.filter((r) => !r.ok).length);
    expect(recordedFailures).toBeLessThanOrEqual(LOCKOUT_MAX_FAILURES);
  });

  it("does not lock the owner out of their own network when a stranger guesses from elsewhere", async () => {
    const email = "owner@example.com";
    await db.user.create({ data: { email, name: "Owner", role: "reviewer", passwordHash: await bcrypt.hash("owner password 1", 4) } });
    const now = new Date("2026-03-02T12:00:00Z");
    for (let i = 0; i < 10; i++) await authenticateWithPassword(email, `stranger-${i}`, { address: "192.0.2.66", now });
    expect(await authenticateWithPassword(email, "owner password 1", { address: "192.0.2.66", now })).toMatchObject({ reason: "locked" });
    expect((await authenticateWithPassword(email, "owner password 1", { address: "198.51.100.10", now })).ok).toBe(true);
  });

  it("slows one address spraying 40 emails in parallel: at most 30 passwords are checked, then the address is refused", async () => {
    const now = new Date("2026-03-03T12:00:00Z");
    const { limit, windowMs } = RATE_LIMITS.signInPerAddress;
    const address = "203.0.113.40";
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => authenticateWithPassword(`spray-${i}@example.com`, "Summer2026!", { address, now })));
    const throttled = results.filter((r) => r.ok === false && r.reason === "throttled");
    expect(throttled).toHaveLength(40 - limit);
    expect(results.filter((r) => r.ok === false && r.reason === "invalid")).toHaveLength(limit);
    expect(throttled[0]).toMatchObject({ retryAfterSeconds: windowMs / 1000 });
    expect(await signInAddressExhausted(address, now)).toEqual({ exhausted: true, retryAfterSeconds: windowMs / 1000 });
    // Another address is not affected.
    expect(await signInAddressExhausted("203.0.113.41", now)).toMatchObject({ exhausted: false });
    expect((await authenticateWithPassword("spray-0@example.com", "x", { address: "203.0.113.41", now })).ok).toBe(false);
  }, 90_000); // 30 full-cost password checks, on a shared 2-core machine

  it("does not count successful sign-ins against the address (a shared office network signs in all day)", async () => {
    const now = new Date("2026-03-03T13:00:00Z");
    const address = "203.0.113.99";
    const rule = RATE_LIMITS.signInPerAddress;
    for (let i = 0; i < rule.limit - 1; i++) await hit(rule, address, now);
    for (let i = 0; i < 3; i++) {
      expect((await authenticateWithPassword("rita@example.com", "correct horse battery", { address, now })).ok).toBe(true);
    }
    expect(await peek(rule, address, now)).toBe(rule.limit - 1);
    expect(await signInAddressExhausted(address, now)).toMatchObject({ exhausted: false });
  });

  it("reports an account under attack once, at the threshold (an audit event and an admin alert), and an admin lifts the locks", async () => {
    const email = "target@example.com";
    const target = await db.user.create({ data: { email, name: "Target", role: "reviewer", passwordHash: await bcrypt.hash("target password 1", 4) } });
    const admin = await db.user.create({ data: { email: "admin-alerts@example.com", name: "Admin", role: "admin" } });
    const now = new Date();
    // Guesses from 8 addresses, 3 each (below the per-pair lock) = 24 failures: over the alert threshold of 20.
    for (let a = 0; a < 8; a++) {
      await Promise.all([0, 1, 2].map((i) => authenticateWithPassword(email, `x${i}`, { address: `10.9.0.${a}`, now })));
    }
    // Two more from one address lock that address out.
    for (let i = 0; i < 3; i++) await authenticateWithPassword(email, "y", { address: "10.9.0.0", now });
    const events = await db.auditEvent.findMany({ where: { action: "user.sign_in_attack", entityId: target.id } });
    expect(events).toHaveLength(1);
    expect(events[0].after).toMatchObject({ email, failures: ATTACK_ALERT_FAILURES, addresses: expect.any(Number) });

    const alerts = await listSignInAlerts(testActor(admin), now);
    const alert = alerts.find((a) => a.email === email);
    expect(alert).toMatchObject({ underAttack: true, lockedAddresses: ["10.9.0.0"] });
    expect(alert!.failures).toBeGreaterThanOrEqual(ATTACK_ALERT_FAILURES);
    await expect(listSignInAlerts(testActor(target), now)).rejects.toThrow();

    expect(await authenticateWithPassword(email, "target password 1", { address: "10.9.0.0", now })).toMatchObject({ reason: "locked" });
    expect(await liftSignInLocks(testActor(admin), { userId: target.id })).toEqual({ email, addressesCleared: 8 });
    expect((await authenticateWithPassword(email, "target password 1", { address: "10.9.0.0", now })).ok).toBe(true);
    expect((await listSignInAlerts(testActor(admin), now)).find((a) => a.email === email)).toBeUndefined();
    expect(await db.auditEvent.count({ where: { action: "user.sign_in_unlock", entityId: target.id } })).toBe(1);
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
