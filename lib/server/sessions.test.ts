import { afterAll, beforeAll, describe, expect, it } from "vitest";
import bcrypt from "bcryptjs";
import { createTestDatabase, removeTestDatabase } from "./testing/test-database";

const { database } = await createTestDatabase("sessions");
const { db } = await import("./db");
const { authenticateWithPassword, SESSION_MAX_AGE_SECONDS } = await import("./sign-in");
const { endSession, endAllSessions, liveSession } = await import("./sessions");
const { testActor } = await import("./testing/actors");

let user: { id: string; email: string; name: string; role: string };

beforeAll(async () => {
  user = await db.user.create({ data: { email: "sam@example.com", name: "Sam", role: "reviewer", passwordHash: await bcrypt.hash("sam password 123", 4) } });
});

afterAll(async () => {
  await db.$disconnect();
  await removeTestDatabase(database);
});

async function signIn(address: string): Promise<string> {
  const result = await authenticateWithPassword("sam@example.com", "sam password 123", { address });
  if (!result.ok) throw new Error("sign-in failed");
  return result.user.sessionId;
}

describe("server-side sessions", () => {
  it("gives each sign-in its own session, ended by sign-out for that browser only", async () => {
    const laptop = await signIn("192.0.2.1");
    const phone = await signIn("192.0.2.2");
    expect(laptop).not.toBe(phone);
    expect((await liveSession(user.id, laptop))?.email).toBe("sam@example.com");

    expect(await endSession({ uid: user.id, sid: laptop })).toBe(true);
    expect(await liveSession(user.id, laptop)).toBeNull();
    expect(await liveSession(user.id, phone)).not.toBeNull();
    // Ending it again changes nothing; another user's id cannot end it.
    expect(await endSession({ uid: user.id, sid: laptop })).toBe(false);
    expect(await endSession({ uid: "someone-else", sid: phone })).toBe(false);
    expect(await liveSession(user.id, phone)).not.toBeNull();
  });

  it("refuses a session id presented for another user, an unknown id and an expired session", async () => {
    const sid = await signIn("192.0.2.3");
    expect(await liveSession("another-user", sid)).toBeNull();
    expect(await liveSession(user.id, "no-such-session")).toBeNull();
    const later = new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000 + 1000);
    expect(await liveSession(user.id, sid, later)).toBeNull();
  });

  it("signs out everywhere: every session ends, with an audit event", async () => {
    const a = await signIn("192.0.2.4");
    const b = await signIn("192.0.2.5");
    const ended = await endAllSessions(testActor(user));
    expect(ended).toBeGreaterThanOrEqual(2);
    expect(await liveSession(user.id, a)).toBeNull();
    expect(await liveSession(user.id, b)).toBeNull();
    expect(await db.auditEvent.count({ where: { action: "user.sign_out_everywhere", entityId: user.id } })).toBe(1);
    // A new sign-in afterwards works as usual.
    expect(await liveSession(user.id, await signIn("192.0.2.4"))).not.toBeNull();
  });
});
