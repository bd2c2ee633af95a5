/**
 * What every server action hands back to its form, and how zod issues become per-field messages. Shared by the
 * action kit (lib/actions/kit.ts) and the client forms, so both sides agree on one shape.
 */
import type { z } from "zod";
import type { ConflictDetails } from "./workspace";

export interface ActionFailure {
  ok: false;
  message: string;
  /** Messages keyed by field path ("chain.0.url"); "_form" when an issue names no field. */
  fieldErrors?: Record<string, string>;
  /** A stale write: what changed since the form was loaded, and by whom. */
  conflict?: ConflictDetails;
  /** The session ended (or the account was deactivated): the form offers to sign in again. */
  signedOut?: boolean;
  /** The submitted values (never passwords), to re-populate the form. */
  values?: Record<string, string>;
}

export type ActionSuccess<T extends object = object> = { ok: true; message: string } & T;

/** `null` before the first answer (useActionState's initial state). */
export type ActionState<T extends object = object> = ActionSuccess<T> | ActionFailure | null;

/** The first zod message per field, keyed by the issue's path joined with dots ("chain.0.url"), "_form" for none. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    if (!out[key]) out[key] = issue.message;
  }
  return out;
}

/** The failure's field errors, or none: lets a form read `errorsOf(state).comment` whatever the state is. */
export function errorsOf(state: ActionState<object>): Record<string, string> {
  return state && !state.ok ? (state.fieldErrors ?? {}) : {};
}

/** The values a failure handed back to re-populate its form, or undefined (no answer yet, or a success). */
export function valuesOf(state: ActionState<object>): Record<string, string> | undefined {
  return state && !state.ok ? state.values : undefined;
}
