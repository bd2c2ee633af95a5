/** Test helpers for the reviewer workspace's data-layer tests (session mocked, everything else real). */
import bcrypt from "bcryptjs";
import type { PrismaClient } from "../generated/prisma/client";

/** The session next-auth would return; tests set `current.session` to act as someone (or null for anonymous). */
export const sessionState: { session: { uid: string; sv: number } | null } = { session: null };

export async function createReviewUsers(db: PrismaClient) {
  const hash = await bcrypt.hash("irrelevant-password", 4);
  const make = (email: string, name: string, role = "reviewer") => db.user.create({ data: { email, name, role, passwordHash: hash } });
  return {
    rita: await make("rita@example.com", "Rita"),
    sam: await make("sam@example.com", "Sam"),
    tom: await make("tom@example.com", "Tom"),
    ada: await make("ada@example.com", "Ada", "admin"),
  };
}

export function actAs(user: { id: string; sessionVersion: number } | null) {
  sessionState.session = user ? { uid: user.id, sv: user.sessionVersion } : null;
}
