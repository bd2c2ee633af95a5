/** Test-only: actors for data-layer tests, without a session (the data layer takes the actor as an argument). */
import { anonymousReader, mintUserActor, type Actor, type UserActor } from "../actors";
import type { Role } from "@/lib/domain/types";
import type { PrismaClient } from "../generated/prisma/client";

/** The actor a signed-in user would be. */
export function testActor(user: { id: string; email: string; name: string; role: string }): UserActor {
  return mintUserActor({ id: user.id, email: user.email, name: user.name, role: user.role as Role }, "test");
}

/** A user's actor, or an anonymous reader for null (someone without a session). */
export function actorFor(user: { id: string; email: string; name: string; role: string } | null): Actor {
  return user ? testActor(user) : anonymousReader();
}

/** The demo seed's two reviewers as actors: Rita writes and corrects, Rob is the second pair of eyes. */
export async function demoReviewers(db: PrismaClient): Promise<{ rita: UserActor; rob: UserActor }> {
  const users = await db.user.findMany({ where: { email: { in: ["reviewer@example.com", "reviewer2@example.com"] } } });
  const find = (email: string) => {
    const user = users.find((u) => u.email === email);
    if (!user) throw new Error(`The demo seed has no ${email}`);
    return testActor(user);
  };
  return { rita: find("reviewer@example.com"), rob: find("reviewer2@example.com") };
}
