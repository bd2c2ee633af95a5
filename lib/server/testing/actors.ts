/** Test-only: actors for data-layer tests, without a session (the data layer takes the actor as an argument). */
import { anonymousReader, mintUserActor, type Actor, type UserActor } from "../actors";
import type { Role } from "@/lib/domain/types";

/** The actor a signed-in user would be. */
export function testActor(user: { id: string; email: string; name: string; role: string }): UserActor {
  return mintUserActor({ id: user.id, email: user.email, name: user.name, role: user.role as Role }, "test");
}

/** A user's actor, or an anonymous reader for null (someone without a session). */
export function actorFor(user: { id: string; email: string; name: string; role: string } | null): Actor {
  return user ? testActor(user) : anonymousReader();
}
