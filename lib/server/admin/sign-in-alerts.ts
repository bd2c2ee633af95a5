import "server-only";
import { db } from "../db";
import { authorize } from "../authorize";
import { writeAudit } from "../audit";
import { NotFoundError } from "../errors";
import type { Actor } from "../actors";
import { forget, forgetPrefix, openBuckets } from "../rate-limit";
import { RATE_LIMITS } from "@/lib/security/rate-limits";
import type { SignInAlertDTO } from "@/lib/contracts/admin-dto";

export type { SignInAlertDTO };

/**
 * Admin: accounts under attack (failed sign-ins from anywhere at or over the alert threshold) or with addresses
 * locked out. Nonexistent emails are left out: they have no owner to warn (the per-address limit covers them).
 */
export async function listSignInAlerts(actor: Actor, now = new Date()): Promise<SignInAlertDTO[]> {
  authorize(actor, "invite");
  const [attacked, locked] = await Promise.all([
    openBuckets(RATE_LIMITS.signInFailuresPerEmail, 1, now),
    openBuckets(RATE_LIMITS.signInPerEmailAndAddress, RATE_LIMITS.signInPerEmailAndAddress.limit, now),
  ]);
  const byEmail = new Map<string, { failures: number; lockedAddresses: string[]; until: Date }>();
  const entry = (email: string, until: Date) => {
    const e = byEmail.get(email) ?? { failures: 0, lockedAddresses: [], until };
    if (until > e.until) e.until = until;
    byEmail.set(email, e);
    return e;
  };
  for (const b of attacked) entry(b.subject, b.expiresAt).failures = b.count;
  for (const b of locked) {
    const cut = b.subject.lastIndexOf("|");
    entry(b.subject.slice(0, cut), b.expiresAt).lockedAddresses.push(b.subject.slice(cut + 1));
  }
  const threshold = RATE_LIMITS.signInFailuresPerEmail.limit;
  const relevant = [...byEmail].filter(([, e]) => e.failures >= threshold || e.lockedAddresses.length > 0);
  if (relevant.length === 0) return [];
  const users = await db.user.findMany({ where: { email: { in: relevant.map(([email]) => email) } }, select: { id: true, name: true, email: true } });
  return users
    .map((u) => {
      const e = byEmail.get(u.email)!;
      return { userId: u.id, name: u.name, email: u.email, failures: e.failures, underAttack: e.failures >= threshold, lockedAddresses: e.lockedAddresses, until: e.until.toISOString() };
    })
    .sort((a, b) => b.failures - a.failures);
}

/** Admin: lifts every sign-in lock on an account (all addresses) and resets its alert count. */
export async function liftSignInLocks(actor: Actor, input: { userId: string }): Promise<{ email: string; addressesCleared: number }> {
  authorize(actor, "invite");
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true } });
  if (!user) throw new NotFoundError("User");
  const addressesCleared = await forgetPrefix(RATE_LIMITS.signInPerEmailAndAddress, `${user.email}|`);
  await forget(RATE_LIMITS.signInFailuresPerEmail, user.email);
  await db.$transaction((tx) => writeAudit(tx, actor, { action: "user.sign_in_unlock", entityId: user.id, data: { after: { email: user.email, addressesCleared } } }));
  return { email: user.email, addressesCleared };
}
