import "server-only";
import type { z } from "zod";
import { DomainRuleError } from "../errors";

/** Parses input with a zod schema; a bad input becomes a DomainRuleError naming the first bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainRuleError(issue?.message ?? "Invalid input.", issue?.path[0] !== undefined ? String(issue.path[0]) : undefined);
  }
  return parsed.data;
}
