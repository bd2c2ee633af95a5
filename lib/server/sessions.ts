import "server-only";
import { db } from "./db";
import { writeAudit } from "./audit";
import type { UserActor } from "./actors";

/**
 * Ends one browser's session on the server: the id in its JWT no longer opens anything, even if the cookie was
 * copied before sign-out. Called from next-auth's signOut event with the token it has just verified, which is the
 * authority here (only the holder of a validly signed token can name its session).
 */
export async function endSession(token: Record<string, unknown>, now = new Date()): Promise<boolean> {
  if (typeof token.uid !== "string" || typeof token.sid !== "string") return false;
  const { count } = await db.userSession.updateMany({ where: { id: token.sid, userId: token.uid, revokedAt: null }, data: { revokedAt: now } });
  return count > 0;
}

/** "Sign out everywhere": ends every session of the signed-in person, this one included. */
export async function endAllSessions(actor: UserActor, now = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.userSession.updateMany({ where: { userId: actor.id, revokedAt: null }, data: { revokedAt: now } });
    await writeAudit(tx, actor, { action: "user.sign_out_everywhere", entityId: actor.id, data: { after: { sessionsEnded: count } } });
    return count;
  });
}

/** The live session with this id for this user, with the user's current state, or null. */
export async function liveSession(userId: string, sessionId: string, now = new Date()) {
  const row = await db.userSession.findUnique({
    where: { id: sessionId },
    select: {
      userId: true,
      expiresAt: true,
      revokedAt: true,
      user: { select: { id: true, email: true, name: true, role: true, active: true, sessionVersion: true } },
    },
  });
  if (!row || row.userId !== userId || row.revokedAt || row.expiresAt <= now) return null;
  return row.user;
}
