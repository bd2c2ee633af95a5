import { NextResponse, type NextRequest } from "next/server";
import { PUBLIC_ARTICLES_TAG, VOCABULARY_TAG, articleTag } from "@/lib/http/cache-tags.mjs";
import { publicCacheControl } from "@/lib/http/cache-policy";

const SLUG = /^\/articles\/([a-z0-9]+(?:-[a-z0-9]+)*)(?:\/|$)/;

/** The cache tags a public page carries, for a CDN's purge by tag (Cache-Tag: comma-separated; Surrogate-Key: spaces). */
export function publicPageTags(pathname: string): string[] | null {
  if (pathname === "/") return [PUBLIC_ARTICLES_TAG, VOCABULARY_TAG];
  if (pathname === "/methodology") return [VOCABULARY_TAG];
  const slug = SLUG.exec(pathname)?.[1];
  return slug ? [articleTag(slug), VOCABULARY_TAG] : null;
}

function notFound(path: string): NextResponse {
  if (path.startsWith("/articles/")) return new NextResponse("Not found: the address is not valid.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const problem = { type: "about:blank", title: "Not Found", status: 404, detail: "The path is not valid percent-encoded UTF-8." };
  return NextResponse.json(problem, { status: 404, headers: { "Content-Type": "application/problem+json", "Access-Control-Allow-Origin": "*" } });
}

/**
 * Runs before the route: public pages get their shared-cache policy and tags; signed-in areas send visitors without a
 * session cookie to the sign-in page (convenience only: the real checks are in the data layer, on every call).
 */
export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (path.startsWith("/api/v1/") || path.startsWith("/articles/")) {
    // A percent-escape that is not valid UTF-8 (/articles/%E0%A4%A): Next 16 answers a bare 500 (vercel/next.js#92557).
    try {
      decodeURIComponent(path);
    } catch {
      return notFound(path);
    }
  }
  const tags = publicPageTags(path);
  if (tags) {
    const response = NextResponse.next();
    response.headers.set("Cache-Control", publicCacheControl());
    response.headers.set("Cache-Tag", tags.join(","));
    response.headers.set("Surrogate-Key", tags.join(" "));
    return response;
  }
  if (path.startsWith("/api/")) return NextResponse.next();
  const hasSession = request.cookies.has("next-auth.session-token") || request.cookies.has("__Secure-next-auth.session-token");
  if (!hasSession) {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

export const config = { matcher: ["/", "/methodology", "/articles/:path*", "/review/:path*", "/admin/:path*", "/api/v1/:rest(.*%.*)"] };
