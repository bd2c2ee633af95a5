import "server-only";
import { z } from "zod";
import { AccessDeniedError, ConflictError, DomainRuleError, NotFoundError } from "@/lib/server/errors";
import { fieldErrors, type ActionFailure } from "@/lib/contracts/forms";
import type { ConflictDetails } from "@/lib/contracts/workspace";

/**
 * The words a failure uses. The reviewer workspace and the admin area were written with different wording and
 * their end-to-end tests read it, so the kit keeps both; everything else about a failure is the same.
 */
export interface ActionWording {
  unauthenticated: string;
  /** null: show the AccessDeniedError's own message. */
  forbidden: string | null;
  invalid: string;
}

export const REVIEW_WORDING: ActionWording = {
  unauthenticated: "Your session has ended or your account is no longer active. Please sign in again.",
  forbidden: null,
  invalid: "Some fields need attention: see the messages next to them.",
};

export const ADMIN_WORDING: ActionWording = {
  unauthenticated: "Please sign in again.",
  forbidden: "Admins only: you do not have permission to do that.",
  invalid: "Check the highlighted fields.",
};

export const UNEXPECTED_FAILURE_MESSAGE = "Something went wrong; nothing was changed. Please try again.";

/** A refusal decided in the action itself (e.g. an unreadable upload), with its own message and field messages. */
export class ActionRefusal extends Error {
  constructor(
    message: string,
    public readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "ActionRefusal";
  }
}

function isConflictDetails(value: unknown): value is ConflictDetails {
  return typeof value === "object" && value !== null && typeof (value as ConflictDetails).currentVersion === "number" && Array.isArray((value as ConflictDetails).changes);
}

export interface FailureContext {
  wording: ActionWording;
  /** Stripped from zod paths: the annotation form's fields arrive as "fields.x" and are shown as "x". */
  fieldPrefix?: string;
  /** The submitted values to hand back (never passwords). */
  values?: Record<string, string>;
}

/**
 * The one error mapper: every error a server action meets becomes an ActionFailure. Deliberate errors keep their
 * messages; anything else is logged and shown as a generic failure, so no stack trace or SQL reaches the browser.
 */
export function toActionFailure(error: unknown, { wording, fieldPrefix = "", values }: FailureContext): ActionFailure {
  const failure = (message: string, extra: Partial<ActionFailure> = {}): ActionFailure => ({ ok: false, message, ...extra, ...(values ? { values } : {}) });
  if (error instanceof AccessDeniedError) {
    return error.reason === "unauthenticated" ? failure(wording.unauthenticated, { signedOut: true }) : failure(wording.forbidden ?? error.message);
  }
  if (error instanceof z.ZodError) {
    const stripped: Record<string, string> = {};
    for (const [key, message] of Object.entries(fieldErrors(error))) stripped[fieldPrefix && key.startsWith(fieldPrefix) ? key.slice(fieldPrefix.length) : key] = message;
    return failure(wording.invalid, { fieldErrors: stripped });
  }
  if (error instanceof ConflictError) return failure(error.message, isConflictDetails(error.current) ? { conflict: error.current } : {});
  if (error instanceof DomainRuleError) return failure(error.message, error.field && error.field !== "_form" ? { fieldErrors: { [error.field]: error.message } } : {});
  if (error instanceof ActionRefusal) return failure(error.message, error.fieldErrors ? { fieldErrors: error.fieldErrors } : {});
  if (error instanceof NotFoundError) return failure(error.message);
  console.error("Server action failed:", error);
  return failure(UNEXPECTED_FAILURE_MESSAGE);
}
