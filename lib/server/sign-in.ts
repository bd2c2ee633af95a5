import "server-only";
import crypto from "node:crypto";
import { db } from "./db";
import { burnPasswordCheck, hashPassword, needsRehash, verifyPassword } from "./passwords";
import { writeAudit } from "./audit";
import { mintUserActor, systemActor } from "./actors";
import { forget, hit, openBuckets, refund } from "./rate-limit";
import { RATE_LIMITS } from "@/lib/security/rate-limits";
import type { Role } from "@/lib/domain/types";

export const LOCKOUT_MAX_FAILURES = RATE_LIMITS.signInPerEmailAndAddress.limit;
export const LOCKOUT_WINDOW_MS = RATE_LIMITS.signInPerEmailAndAddress.windowMs;
export const ATTACK_ALERT_FAILURES = RATE_LIMITS.signInFailuresPerEmail.limit;
/** How long a signed-in browser stays signed in (the JWT's maxAge and the UserSession row's expiry). */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

export const SIGN_IN_MESSAGES = {
  invalid: "Email or password is incorrect.",
  locked: "Too many failed sign-in attempts for this email from your network. Try again in 15 minutes.",
  throttled: "Too many sign-in attempts from your network. Try again later.",
} as const;

export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string; role: Role; sessionVersion: number; sessionId: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked" | "throttled"; retryAfterSeconds: number };

export interface SignInContext {
  /** The client address (lib/http/client-address.ts). */
  address?: string;
  now?: Date;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

const pairSubject = (email: string, address: string) => `${email}|${address}`;

/**
 * Whether an address has used up its sign-in budget across emails, read without counting (the sign-in route answers
 * 429 with Retry-After before next-auth reads the body). The atomic count is in authenticateWithPassword.
 */
export async function signInAddressExhausted(address: string, now = new Date()): Promise<{ exhausted: boolean; retryAfterSeconds: number }> {
  const rule = RATE_LIMITS.signInPerAddress;
  const bucket = (await openBuckets(rule, rule.limit, now, address)).find((b) => b.subject === address);
  return { exhausted: Boolean(bucket), retryAfterSeconds: bucket ? Math.max(1, Math.ceil((bucket.expiresAt.getTime() - now.getTime()) / 1000)) : 0 };
}

/**
 * Checks credentials. Each attempt is counted atomically BEFORE the password is looked at, twice: against the
 * address (across emails, against spraying: "throttled") and against the email from that address ("locked"). So of
 * any number of parallel guesses at most LOCKOUT_MAX_FAILURES per email are checked, whether or not the account
 * exists. The lock is per email AND address: guesses from elsewhere do not lock the owner out. A success gives its
 * address hit back and clears its email's lock. Never says which of email or password was wrong.
 */
export async function authenticateWithPassword(rawEmail: string, password: string, context: SignInContext = {}): Promise<SignInResult> {
  const email = normalizeEmail(rawEmail);
  const address = context.address ?? "unknown";
  const now = context.now ?? new Date();
  const budget = await hit(RATE_LIMITS.signInPerAddress, address, now);
  if (!budget.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: budget.retryAfterSeconds };
  const reserved = await hit(RATE_LIMITS.signInPerEmailAndAddress, pairSubject(email, address), now);
  if (!reserved.allowed) return { ok: false, reason: "locked", retryAfterSeconds: reserved.retryAfterSeconds };

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, role: true, active: true, passwordHash: true, sessionVersion: true },
  });
  let valid = false;
  if (user?.passwordHash) valid = await verifyPassword(password, user.passwordHash);
  else await burnPasswordCheck(password);

  if (!user || !valid || !user.active) {
    await recordFailure(email, user?.id ?? null, now);
    return { ok: false, reason: "invalid" };
  }

  await forget(RATE_LIMITS.signInPerEmailAndAddress, pairSubject(email, address));
  await refund(RATE_LIMITS.signInPerAddress, address);
  const sessionId = crypto.randomBytes(24).toString("base64url");
  await db.$transaction(async (tx) => {
    await tx.loginAttempt.deleteMany({ where: { email } });
    // A hash from before the pre-hash (bcrypt alone reads only 72 bytes) is replaced now that we know the password.
    const upgraded = needsRehash(user.passwordHash!) ? await hashPassword(password) : undefined;
    await tx.user.update({ where: { id: user.id }, data: { lastSignInAt: now, ...(upgraded ? { passwordHash: upgraded } : {}) } });
    await tx.userSession.deleteMany({ where: { userId: user.id, expiresAt: { lt: now } } });
    await tx.userSession.create({ data: { id: sessionId, userId: user.id, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_MAX_AGE_SECONDS * 1000) } });
    // The password was just verified: this is the check that makes the person an actor.
    const actor = mintUserActor({ id: user.id, email: user.email, name: user.name, role: user.role as Role }, "sign_in");
    await writeAudit(tx, actor, { action: "user.sign_in", entityId: user.id, data: {} });
  });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role as Role, sessionVersion: user.sessionVersion, sessionId },
  };
}

/**
 * Records a failed attempt, and reports the account as under attack when failures at it from anywhere reach
 * ATTACK_ALERT_FAILURES within the window: exactly one request sees the count equal the threshold, so the audit
 * event is written once per window.
 */
async function recordFailure(email: string, userId: string | null, now: Date): Promise<void> {
  await db.loginAttempt.create({ data: { email, succeeded: false, createdAt: now } });
  const failures = await hit(RATE_LIMITS.signInFailuresPerEmail, email, now);
  if (failures.count !== ATTACK_ALERT_FAILURES || !userId) return;
  const windowMs = RATE_LIMITS.signInFailuresPerEmail.windowMs;
  // The addresses that guessed at this email in their open windows.
  const addresses = await openBuckets(RATE_LIMITS.signInPerEmailAndAddress, 1, now, `${email}|`);
  await db.$transaction((tx) =>
    writeAudit(tx, systemActor("sign-in throttling"), {
      action: "user.sign_in_attack",
      entityId: userId,
      data: { after: { email, failures: failures.count, windowMinutes: windowMs / 60_000, addresses: addresses.length } },
    }),
  );
}
