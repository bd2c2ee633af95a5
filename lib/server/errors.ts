/** Errors the data layer throws on purpose; actions and route handlers turn them into messages or statuses. */
export class AccessDeniedError extends Error {
  constructor(
    public readonly reason: "unauthenticated" | "forbidden",
    message = reason === "unauthenticated" ? "Please sign in." : "You do not have permission to do that.",
  ) {
    super(message);
    this.name = "AccessDeniedError";
  }
}

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found.`);
    this.name = "NotFoundError";
  }
}

/** A stale write: the row changed since the caller read it (optimistic concurrency on `version`). */
export class ConflictError extends Error {
  constructor(
    message: string,
    public readonly current?: unknown,
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

/** A request that breaks a domain rule (e.g. overlapping statements, self-approval). */
export class DomainRuleError extends Error {
  constructor(
    message: string,
    public readonly field?: string,
  ) {
    super(message);
    this.name = "DomainRuleError";
  }
}
