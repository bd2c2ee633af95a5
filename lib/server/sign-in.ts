import "server-only";
import { db } from "./db";
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from "./passwords";
import { writeAudit } from "./audit";
import { mintUserActor } from "./actors";
import type { Role } from "@/lib/domain/types";

export const LOCKOUT_MAX_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60 * 1000;

export const SIGN_IN_MESSAGES = {
  invalid: "Email or password is incorrect.",
  locked: "Too many failed sign-in attempts for this email. Try again in 15 minutes.",
} as const;

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role; sessionVersion: number } }
  | { ok: false; reason: keyof typeof SIGN_IN_MESSAGES };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Checks credentials. Refuses without looking at the password once an email has had 5 failures in 15 minutes,
 * whether or not the account exists, and never says which of email or password was wrong.
 */
export async function authenticateWithPassword(rawEmail: string, password: string, now = new Date()): Promise<SignInResult> {
  const email = normalizeEmail(rawEmail);
  const since = new Date(now.getTime() - LOCKOUT_WINDOW_MS);
  const recentFailures = await db.loginAttempt.count({
    where: { email, succeeded: false, createdAt: { gt: since } },
  });
  if (recentFailures >= LOCKOUT_MAX_FAILURES) return { ok: false, reason: "locked" };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, sessionVersion: true },
  });
  let valid = false;
  if (user?.passwordHash) valid = await verifyPassword(password, user.passwordHash);
  else await burnPasswordCheck(password);

  if (!user || !valid || !user.active) {
    await db.loginAttempt.create({ data: { email, succeeded: false, createdAt: now } });
    return { ok: false, reason: "invalid" };
  }

  await db.$transaction(async (tx) => {
    await tx.loginAttempt.deleteMany({ where: { email } });
    // A hash from before the pre-hash (bcrypt alone reads only 72 bytes) is replaced now that we know the password.
    const upgraded = needsRehash(user.passwordHash!) ? await hashPassword(password) : undefined;
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now, ...(upgraded ? { passwordHash: upgraded } : {}) } });
    // The password was just verified: this is the check that makes the person an actor.
    const actor = mintUserActor({ id: user.id, email: user.email, name: user.name, role: user.role as Role }, "sign_in");
    await writeAudit(tx, actor, { action: "user.sign_in", entityId: user.id, data: {} });
  });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role as Role, sessionVersion: user.sessionVersion },
  };
}
