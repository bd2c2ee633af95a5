import "server-only";
import { cache } from "react";
import { getServerSession } from "next-auth";
import { authOptions } from "./auth-options";
import { liveSession } from "./sessions";
import { AccessDeniedError } from "./errors";
import { mintUserActor, type UserActor } from "./actors";
import type { Role } from "@/lib/domain/types";

export { systemActor, anonymousReader, inviteeActor, type Actor, type UserActor } from "./actors";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
}

/**
 * The signed-in user, read once per request. The JWT alone is not trusted: its session id must name a live
 * UserSession row (not signed out, not ended everywhere, not expired), and the user must still exist, be active and
 * carry the same session version (bumped on deactivation), so a revoked session stops at its next request.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(authOptions)) as { uid?: string; sv?: number; sid?: string } | null;
  if (!session?.uid || !session.sid) return null;
  const user = await liveSession(session.uid, session.sid);
  if (!user || !user.active || user.sessionVersion !== session.sv) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role as Role };
});

/** The signed-in reviewer or admin as an Actor; refuses anyone else. */
export async function requireReviewer(): Promise<UserActor> {
  const user = await getSessionUser();
  if (!user) throw new AccessDeniedError("unauthenticated");
  if (user.role !== "reviewer" && user.role !== "admin") throw new AccessDeniedError("forbidden");
  return mintUserActor(user, "session");
}

/** The signed-in admin as an Actor; refuses anyone else. */
export async function requireAdmin(): Promise<UserActor> {
  const user = await getSessionUser();
  if (!user) throw new AccessDeniedError("unauthenticated");
  if (user.role !== "admin") throw new AccessDeniedError("forbidden");
  return mintUserActor(user, "session");
}
