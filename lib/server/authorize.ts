import "server-only";
import { refusal, type Permission } from "@/lib/workflow/policy";
import { policySubject, type Actor, type UserActor } from "./actors";
import { AccessDeniedError } from "./errors";

/** Refuses `actor` unless the policy gives it `permission`. */
export function authorize(actor: Actor, permission: Permission): void {
  const why = refusal(policySubject(actor), permission);
  if (why) throw new AccessDeniedError(why);
}

/** As authorize, for changes that need a person on record (an author, an editor, an approver). */
export function authorizePerson(actor: Actor, permission: Permission): UserActor {
  authorize(actor, permission);
  if (actor.kind !== "user") throw new AccessDeniedError("forbidden");
  return actor;
}
