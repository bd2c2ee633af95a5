import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { requireAdmin, requireReviewer } from "@/lib/server/session";
import { anonymousReader, inviteeActor, type Actor, type InviteeActor, type ReaderActor, type UserActor } from "@/lib/server/actors";
import type { ActionState, ActionSuccess } from "@/lib/contracts/forms";
import { ADMIN_WORDING, REVIEW_WORDING, toActionFailure, type ActionWording } from "./errors";

/**
 * Who may call an action. "invitee" is someone without a session whose invitation token (the form's `token` field,
 * checked by the data layer) is the credential; "reader" is anyone (a reader reporting a problem).
 */
export type ActorKind = "reviewer" | "admin" | "invitee" | "reader";

type ActorOf<K extends ActorKind> = K extends "invitee" ? InviteeActor : K extends "reader" ? ReaderActor : UserActor;

export interface ActionContext<K extends ActorKind> {
  actor: ActorOf<K>;
  form: FormData;
  /** Replaces the values a failure hands back (e.g. after an uploaded file was converted into the text field). */
  keepValues(values: Record<string, string>): void;
}

export interface ActionOptions<K extends ActorKind> {
  actor: K;
  /** FormData → the schema's input. Default: every string field as a plain record (files and Next's $ACTION keys left out). */
  read?: (form: FormData) => unknown;
  /** The values a failure hands back to re-populate the form (never passwords). Default: none. */
  echo?: (form: FormData) => Record<string, string>;
  /** See FailureContext.fieldPrefix. */
  fieldPrefix?: string;
  /** Default: the admin wording for admin, invitee and reader actions, the reviewer wording otherwise. */
  wording?: ActionWording;
}

/** The answer of a handler: the success message and whatever the form needs next. */
export type ActionAnswer<T extends object> = { message: string } & T;

/** FormData → { name: value } for its string fields. */
export function formStrings(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && !key.startsWith("$ACTION")) out[key] = value;
  return out;
}

/** A form field as a string ("" when missing or a file). */
export function formString(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
}

async function resolveActor<K extends ActorKind>(kind: K, form: FormData): Promise<ActorOf<K>> {
  const actor: Actor =
    kind === "admin" ? await requireAdmin() : kind === "reviewer" ? await requireReviewer() : kind === "reader" ? anonymousReader() : inviteeActor(formString(form, "token"));
  return actor as ActorOf<K>;
}

/**
 * Builds a server action (a public endpoint) the one way: resolve and check the actor first, then parse the form
 * with `schema`, then run `handler`, and turn every error into an ActionFailure through the one mapper.
 * Redirects and not-found signals thrown by the handler pass through untouched.
 */
export function defineAction<S extends z.ZodType, T extends object, K extends ActorKind>(
  schema: S,
  handler: (input: z.output<S>, context: ActionContext<K>) => Promise<ActionAnswer<T>>,
  options: ActionOptions<K>,
): (previous: ActionState<T>, form: FormData) => Promise<ActionState<T>> {
  const read = options.read ?? formStrings;
  const wording = options.wording ?? (options.actor === "reviewer" ? REVIEW_WORDING : ADMIN_WORDING);
  return async (_previous, form) => {
    let values = options.echo?.(form);
    try {
      const actor = await resolveActor(options.actor, form);
      const input = await schema.parseAsync(read(form));
      const answer = await handler(input, { actor, form, keepValues: (v) => (values = v) });
      return { ...answer, ok: true } as ActionSuccess<T>;
    } catch (error) {
      unstable_rethrow(error);
      return toActionFailure(error, { wording, fieldPrefix: options.fieldPrefix, values });
    }
  };
}
