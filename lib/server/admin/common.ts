import "server-only";
import type { z } from "zod";
import { AccessDeniedError, ConflictError, DomainRuleError, NotFoundError } from "../errors";

/** Parses input with a zod schema; a bad input becomes a DomainRuleError naming the first bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainRuleError(issue?.message ?? "Invalid input.", issue?.path[0] !== undefined ? String(issue.path[0]) : undefined);
  }
  return parsed.data;
}

/** What a form shows after an admin action. */
export interface AdminActionState {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** The submitted values, to re-populate the form after an error. */
  values?: Record<string, string>;
  /** Invitation / reset link to hand over. */
  link?: string;
  linkExpiresAt?: string;
  emailSent?: boolean;
  emailNote?: string;
}

/** Turns a data-layer error into a form state. Unexpected errors are logged and shown generically. */
export function errorState(error: unknown, values?: Record<string, string>): AdminActionState {
  if (error instanceof AccessDeniedError) return { ok: false, message: error.reason === "unauthenticated" ? "Please sign in again." : "Admins only: you do not have permission to do that.", values };
  if (error instanceof DomainRuleError) {
    return error.field && error.field !== "_form" && values && error.field in values
      ? { ok: false, message: error.message, fieldErrors: { [error.field]: error.message }, values }
      : { ok: false, message: error.message, values };
  }
  if (error instanceof ConflictError || error instanceof NotFoundError) return { ok: false, message: error.message, values };
  console.error("Admin action failed:", error);
  return { ok: false, message: "Something went wrong; nothing was changed. Please try again.", values };
}

/** FormData → plain string record (files ignored). */
export function formValues(formData: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$ACTION")) out[key] = value;
  return out;
}
