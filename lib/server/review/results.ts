import "server-only";
import { z } from "zod";
import { AccessDeniedError, ConflictError, DomainRuleError, NotFoundError } from "../errors";
import { fieldErrors } from "@/lib/validation/review";
import type { ConflictDetails } from "./types";

/** What a server action hands back to its form: a message, field errors, and a conflict's details. */
export interface ActionFailure {
  ok: false;
  message: string;
  fieldErrors?: Record<string, string>;
  conflict?: ConflictDetails;
  signedOut?: boolean;
}

/** Turns the data layer's deliberate errors into a failure for the form; anything else is rethrown. */
export function toFailure(error: unknown, fieldPrefix = ""): ActionFailure {
  if (error instanceof AccessDeniedError) {
    return {
      ok: false,
      message: error.reason === "unauthenticated" ? "Your session has ended or your account is no longer active. Please sign in again." : error.message,
      signedOut: error.reason === "unauthenticated",
    };
  }
  if (error instanceof z.ZodError) {
    const all = fieldErrors(error);
    const stripped: Record<string, string> = {};
    for (const [k, v] of Object.entries(all)) stripped[fieldPrefix && k.startsWith(fieldPrefix) ? k.slice(fieldPrefix.length) : k] = v;
    return { ok: false, message: "Some fields need attention: see the messages next to them.", fieldErrors: stripped };
  }
  if (error instanceof ConflictError) return { ok: false, message: error.message, conflict: error.current as ConflictDetails | undefined };
  if (error instanceof DomainRuleError) return { ok: false, message: error.message, fieldErrors: error.field ? { [error.field]: error.message } : undefined };
  if (error instanceof NotFoundError) return { ok: false, message: error.message };
  throw error;
}
