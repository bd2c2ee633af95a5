import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { PUBLIC_ARTICLES_TAG, VOCABULARY_TAG, articleTag } from "@/lib/http/cache-tags.mjs";
import { publicCacheControl } from "@/lib/http/cache-policy";
import { trustedProxyHops } from "@/lib/http/client-address";
import { isHttps, newNonce, pagePolicy, policyHeaders } from "@/lib/http/security-headers";
import { rendersOnDemand, searchCarriesQuery, searchPageIsPrivate, tooManyRendersPage, tooManySearchesPage } from "@/lib/http/search-page";
import { refuseByClientAddress } from "@/lib/server/address-limit";
import { RATE_LIMITS } from "@/lib/security/rate-limits";

const SLUG = /^\/articles\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/|$)/;
const SIGNED_IN_AREA = /^\/(review|admin)(\/|$)/;
/** A reporter's private follow link (/reports/<token>): the token is the credential. */
const PRIVATE_LINK = /^\/reports\//;
/** Server actions accept 4 MB (next.config.ts); the importer refuses files over 2 MB with its own message. */
const MAX_BODY_BYTES = 4 * 1024 * 1024 + 64 * 1024;
/** A sign-in is an email, a password and a CSRF token. */
const MAX_SIGN_IN_BODY_BYTES = 8 * 1024;

/** The cache tags a public page carries, for a CDN's purge by tag (Cache-Tag: comma-separated; Surrogate-Key: spaces). */
export function publicPageTags(pathname: string): string[] | null {
  if (pathname === "/") return [PUBLIC_ARTICLES_TAG, VOCABULARY_TAG];
  // The methodology page counts corrections; the corrections log lists verdict changes; search results and source
  // pages list published statements: all of them change with any article.
  if (pathname === "/methodology" || pathname === "/corrections" || pathname === "/search" || pathname.startsWith("/sources/")) return [PUBLIC_ARTICLES_TAG, VOCABULARY_TAG];
  const slug = SLUG.exec(pathname)?.[1];
  return slug ? [articleTag(slug), VOCABULARY_TAG] : null;
}

function plain(status: number, message: string): NextResponse {
  return new NextResponse(message, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

function notFound(path: string): NextResponse {
  if (!path.startsWith("/api/v1/")) return plain(404, "Not found: the address is not valid.");
  const problem = { type: "about:blank", title: "Not Found", status: 404, detail: "The path is not valid percent-encoded UTF-8." };
  return NextResponse.json(problem, { status: 404, headers: { "Content-Type": "application/problem+json", "Access-Control-Allow-Origin": "*" } });
}

/** A body too large to accept, refused before Next reads it (Content-Length) or when its size cannot be known. */
function refuseBody(request: NextRequest, path: string): NextResponse | null {
  if (request.method === "GET" || request.method === "HEAD") return null;
  const limit = path.startsWith("/api/auth/") ? MAX_SIGN_IN_BODY_BYTES : MAX_BODY_BYTES;
  const length = request.headers.get("content-length");
  if (length === null) return path.startsWith("/api/auth/") && request.body ? plain(411, "A length is required.") : null;
  const n = Number(length);
  if (!Number.isFinite(n) || n < 0) return plain(400, "The Content-Length is not valid.");
  return n > limit ? plain(413, `The request is too large (at most ${Math.floor(limit / 1024)} KB).`) : null;
}

/** A server action posted from another site: Next refuses it too, but with a 500. */
function foreignServerAction(request: NextRequest): boolean {
  if (request.method !== "POST" || !request.headers.has("next-action")) return false;
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/**
 * Runs before the route. Refuses what no route should see (malformed escapes, oversized bodies, cross-site server
 * actions, signed-in areas without a valid session token), gives public pages their shared-cache policy and tags, and
 * every response its security policy (lib/http/security-headers.ts): signed-in pages get a fresh CSP nonce, which Next
 * reads from the request's Content-Security-Policy header. The data layer still checks the actor on every call; this
 * only keeps unauthenticated work off the server.
 */
export async function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  const policy = pagePolicy(path);
  const options = {
    policy,
    nonce: policy === "private" ? newNonce() : undefined,
    development: process.env.NODE_ENV === "development",
    https: isHttps(request.headers, trustedProxyHops(process.env.TRUSTED_PROXY_HOPS)),
  };
  const headers = policyHeaders(options);
  const response = await route(request, path, headers["Content-Security-Policy"]);
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

async function route(request: NextRequest, path: string, csp: string): Promise<NextResponse> {
  try {
    decodeURIComponent(path);
  } catch {
    // A percent-escape that is not valid UTF-8 (/articles/%E0%A4%A): Next 16 answers a bare 500 (vercel/next.js#92557).
    return notFound(path);
  }
  const tooLarge = refuseBody(request, path);
  if (tooLarge) return tooLarge;
  if (foreignServerAction(request)) return plain(403, "Refused: this form was sent from another site.");

  if (path === "/search" && (request.method === "GET" || request.method === "HEAD")) {
    const searched = await searchPage(request);
    if (searched) return searched;
  }
  if (PRIVATE_LINK.test(path)) {
    // Never kept by a shared cache, and the address (with its token) never sent on as a Referer.
    const response = NextResponse.next();
    response.headers.set("Cache-Control", "private, no-store");
    response.headers.set("Referrer-Policy", "no-referrer");
    return response;
  }
  const tags = publicPageTags(path);
  if (tags && (request.method === "GET" || request.method === "HEAD")) {
    const refused = await refuseOnDemandRender(request, path);
    if (refused) return refused;
    const response = NextResponse.next();
    response.headers.set("Cache-Control", publicCacheControl());
    response.headers.set("Cache-Tag", tags.join(","));
    response.headers.set("Surrogate-Key", tags.join(" "));
    return response;
  }
  if (SIGNED_IN_AREA.test(path)) {
    // The token's signature and expiry, not merely a cookie's name (the data layer re-checks the account itself).
    const token = await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET }).catch(() => null);
    if (!token) {
      if (request.method !== "GET" && request.method !== "HEAD") return plain(401, "Sign in first.");
      const url = request.nextUrl.clone();
      url.pathname = "/login";
      url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
      return NextResponse.redirect(url);
    }
  }
  if (pagePolicy(path) === "private") {
    // Next puts this request's nonce on every script of the page it renders.
    const forwarded = new Headers(request.headers);
    forwarded.set("Content-Security-Policy", csp);
    return NextResponse.next({ request: { headers: forwarded } });
  }
  return NextResponse.next();
}

/**
 * /search: a render that carries a query is counted by the shared rate limiter (a clear 429 page past the limit);
 * the drafts tab and every signed-in render are private (no shared cache). Null: the public, cacheable variant.
 */
async function searchPage(request: NextRequest): Promise<NextResponse | null> {
  const params = request.nextUrl.searchParams;
  if (searchCarriesQuery(params)) {
    // The limiter fails open: a database hiccup must not turn every search into an error here.
    const refused = await refuseByClientAddress(request.headers, RATE_LIMITS.searchPagePerAddress).catch(() => null);
    if (refused) return tooMany(tooManySearchesPage(refused.retryAfterSeconds, refused.limit), refused.retryAfterSeconds);
  }
  if (!searchPageIsPrivate(params, request.cookies.getAll().map((c) => c.name))) return null;
  const response = NextResponse.next();
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

function tooMany(page: string, retryAfterSeconds: number): NextResponse {
  return new NextResponse(page, {
    status: 429,
    headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(retryAfterSeconds), "Cache-Control": "no-store" },
  });
}

/** An anonymous on-demand render (a public page asked with a query) past its per-address limit: the 429 page. */
async function refuseOnDemandRender(request: NextRequest, path: string): Promise<NextResponse | null> {
  if (!rendersOnDemand(true, path, request.nextUrl.searchParams, request.cookies.getAll().map((c) => c.name))) return null;
  // Fails open, like the search limit.
  const refused = await refuseByClientAddress(request.headers, RATE_LIMITS.pageRenderPerAddress).catch(() => null);
  return refused ? tooMany(tooManyRendersPage(refused.retryAfterSeconds, refused.limit), refused.retryAfterSeconds) : null;
}

// Every request but Next's own static files (which get next.config.ts's fixed headers).
export const config = {
  matcher: ["/((?!_next/static|_next/image).*)"],
};
