import "server-only";
import { publicCacheControl } from "@/lib/http/cache-policy";
import { createHash } from "node:crypto";
import { clientAddress, trustedProxyHops } from "@/lib/http/client-address";
import { RATE_LIMITS } from "@/lib/security/rate-limits";
import { hit } from "./rate-limit";
import type { z } from "zod";

/*
 * The one response shape of the public read API (/api/v1): JSON bodies with a strong ETag (If-None-Match → 304),
 * CORS open for GET/HEAD/OPTIONS, and errors as RFC 9457 problem details (application/problem+json).
 * Route handlers stay thin: they call `apiRoute(async (req) => …)` and return `ok(…)` or throw `ApiProblem`.
 */

export const PROBLEM_CONTENT_TYPE = "application/problem+json";
export const JSON_CONTENT_TYPE = "application/json; charset=utf-8";
export const JSON_LD_CONTENT_TYPE = "application/ld+json; charset=utf-8";

/** Browsers and proxies may store responses but must revalidate each time (cheap: ETag → 304). */

export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "Accept, If-None-Match, If-Modified-Since",
  "Access-Control-Expose-Headers": "ETag, Link, Content-Type, Content-Disposition",
  "Access-Control-Max-Age": "86400",
};

const STATUS_TITLES: Record<number, string> = {
  400: "Bad Request",
  404: "Not Found",
  405: "Method Not Allowed",
  429: "Too Many Requests",
  500: "Internal Server Error",
};

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  /** Extension member: what was wrong with which query parameter. */
  errors?: { parameter: string; detail: string }[];
}

/** An error the API reports to the client as problem details. */
export class ApiProblem extends Error {
  constructor(
    public readonly status: number,
    detail: string,
    public readonly errors?: ProblemDetails["errors"],
  ) {
    super(detail);
    this.name = "ApiProblem";
  }
}

export const notFound = (detail: string) => new ApiProblem(404, detail);

/** A problem+json response. `type` is "about:blank": the status code says it all (RFC 9457 §4.2.1). */
export function problemResponse(status: number, detail: string, instance?: string, errors?: ProblemDetails["errors"]): Response {
  const body: ProblemDetails = {
    type: "about:blank",
    title: STATUS_TITLES[status] ?? "Error",
    status,
    detail,
    ...(instance ? { instance } : {}),
    ...(errors?.length ? { errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...CORS_HEADERS, "Content-Type": PROBLEM_CONTENT_TYPE, "Cache-Control": "no-store" },
  });
}

/** Strong ETag over the exact body bytes. */
export function etagOf(body: string | Uint8Array): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** RFC 9110 §13.1.2: weak comparison; "*" matches any current representation. */
export function ifNoneMatchMatches(header: string | null, etag: string): boolean {
  if (!header) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return header.split(",").some((candidate) => {
    const t = candidate.trim();
    return t === "*" || bare(t) === bare(etag);
  });
}

export interface OkOptions {
  contentType?: string;
  headers?: Record<string, string>;
}

/** 200 with the body (JSON-serialised unless a string), or 304 when the client already has it. */
export function ok(request: Request, value: unknown, opts: OkOptions = {}): Response {
  const body = typeof value === "string" ? value : JSON.stringify(value);
  const etag = etagOf(body);
  const headers: Record<string, string> = {
    ...CORS_HEADERS,
    ETag: etag,
    "Cache-Control": publicCacheControl(),
    Vary: "Accept-Encoding",
    ...opts.headers,
  };
  if (ifNoneMatchMatches(request.headers.get("if-none-match"), etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(request.method === "HEAD" ? null : body, {
    status: 200,
    headers: { ...headers, "Content-Type": opts.contentType ?? JSON_CONTENT_TYPE },
  });
}

/** The CORS preflight answer. */
export function preflight(): Response {
  return new Response(null, { status: 204, headers: { ...CORS_HEADERS, Allow: "GET, HEAD, OPTIONS" } });
}

/** Validates the query string with a zod schema; a bad parameter is a 400 naming it. Unknown parameters are ignored. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const url = new URL(request.url);
  const raw: Record<string, string> = {};
  for (const [key, value] of url.searchParams) if (!(key in raw)) raw[key] = value;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ parameter: i.path.join(".") || "query", detail: i.message }));
    throw new ApiProblem(400, `Invalid query: ${errors.map((e) => `${e.parameter} ${e.detail}`).join("; ")}.`, errors);
  }
  return parsed.data;
}

type Handler<C> = (request: Request, context: C) => Promise<Response>;

/**
 * Wraps a route handler: the per-address rate limit first (429 with Retry-After), then ApiProblem → its problem
 * response; anything else → a logged 500 problem (never a stack trace, never an HTML error page).
 */
export function apiRoute<C>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const instance = safePath(request.url);
    try {
      const address = clientAddress(request.headers, trustedProxyHops(process.env.TRUSTED_PROXY_HOPS));
      const budget = await hit(RATE_LIMITS.publicApiPerAddress, address);
      if (!budget.allowed) {
        const refused = problemResponse(429, `Too many requests from your address: at most ${budget.limit} a minute. Try again in ${budget.retryAfterSeconds} s.`, instance);
        refused.headers.set("Retry-After", String(budget.retryAfterSeconds));
        return refused;
      }
      return await handler(request, context);
    } catch (error) {
      if (error instanceof ApiProblem) return problemResponse(error.status, error.message, instance, error.errors);
      console.error(`Public API error on ${instance}:`, error);
      return problemResponse(500, "The server could not answer this request. Please try again later.", instance);
    }
  };
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return "/";
  }
}
