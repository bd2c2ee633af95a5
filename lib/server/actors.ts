import "server-only";
import type { Role } from "@/lib/domain/types";
import type { PolicySubject } from "@/lib/workflow/policy";
import type { Tx } from "./db";
import { AccessDeniedError } from "./errors";

/*
 * Who is calling the data layer. Every data function takes an Actor first and checks it through the one policy
 * (lib/server/authorize.ts → lib/workflow/policy.ts). An Actor cannot be written as an object literal: its brand is a
 * symbol no other module can name, so the only way to get one is through the makers below — the session checks
 * (session.ts: requireReviewer, requireAdmin), systemActor for scripts, actingAs for the seed, anonymousReader and
 * inviteeActor for public callers.
 */
declare const ACTOR_BRAND: unique symbol;
type Branded<T> = T & { readonly [ACTOR_BRAND]: true };

/** A signed-in person (or, in the seed, a person the seed acts as). */
export type UserActor = Branded<{ kind: "user"; id: string; email: string; name: string; role: Role; via: "session" | "sign_in" | "invitation" | "seed" | "test" }>;
/** A script run by the operator (create-admin, the seed's vocabularies); the reason goes into the audit comment. */
export type SystemActor = Branded<{ kind: "system"; reason: string }>;
/** Someone without a session reading public pages (and, later, reporting an error). */
export type ReaderActor = Branded<{ kind: "reader" }>;
/** Someone without a session holding an invitation or reset link: the token is their only credential. */
export type InviteeActor = Branded<{ kind: "invitee"; token: string }>;

export type Actor = UserActor | SystemActor | ReaderActor | InviteeActor;

function mint<T extends Actor>(value: Omit<T, typeof ACTOR_BRAND>): T {
  return Object.freeze(value) as T;
}

/**
 * Only for the modules that have just checked a credential — session.ts (the session), sign-in.ts (the password),
 * admin/users.ts (an invitation token), admin/page-guard.ts — and lib/server/testing. lib/architecture.test.ts fails
 * when any other module imports it.
 */
export function mintUserActor(user: { id: string; email: string; name: string; role: Role }, via: UserActor["via"]): UserActor {
  return mint<UserActor>({ kind: "user", id: user.id, email: user.email, name: user.name, role: user.role, via });
}

export function systemActor(reason: string): SystemActor {
  if (!reason.trim()) throw new Error("systemActor needs a reason (it is recorded in the audit log).");
  return mint<SystemActor>({ kind: "system", reason: reason.trim() });
}

export function anonymousReader(): ReaderActor {
  return mint<ReaderActor>({ kind: "reader" });
}

/** The token is not checked here: the data function that accepts the invitation checks it (valid, unused, unexpired). */
export function inviteeActor(token: string): InviteeActor {
  return mint<InviteeActor>({ kind: "invitee", token });
}

/**
 * For the demo seed only, which must author as one reviewer and approve as another: the active account with this
 * id, acting with its own role. Reads the account with `tx`, so a made-up or deactivated id gets no actor.
 */
export async function actingAs(tx: Pick<Tx, "user">, userId: string): Promise<UserActor> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, role: true, active: true } });
  if (!user || !user.active) throw new AccessDeniedError("forbidden");
  return mintUserActor({ ...user, role: user.role as Role }, "seed");
}

/** What the policy looks at. */
export function policySubject(actor: Actor): PolicySubject {
  return actor.kind === "user" ? { kind: "user", role: actor.role } : { kind: actor.kind };
}
