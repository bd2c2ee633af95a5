import { NextResponse, type NextRequest } from "next/server";

/**
 * Convenience only: sends visitors without a session cookie to the sign-in page. The real checks are in the
 * data layer (lib/server), on every call.
 */
export function proxy(request: NextRequest) {
  // Public paths with a percent-escape that is not valid UTF-8 (/articles/%E0%A4%A): Next 16 answers these with a
  // bare 500 (vercel/next.js#92557). They name nothing, so: 404 (problem+json under /api/v1).
  const path = request.nextUrl.pathname;
  if (path.startsWith("/api/v1/") || path.startsWith("/articles/")) {
    try {
      decodeURIComponent(path);
      return NextResponse.next();
    } catch {
      if (path.startsWith("/articles/")) return new NextResponse("Not found: the address is not valid.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
      const problem = { type: "about:blank", title: "Not Found", status: 404, detail: "The path is not valid percent-encoded UTF-8." };
      return NextResponse.json(problem, { status: 404, headers: { "Content-Type": "application/problem+json", "Access-Control-Allow-Origin": "*" } });
    }
  }
  const hasSession =
    request.cookies.has("next-auth.session-token") || request.cookies.has("__Secure-next-auth.session-token");
  if (!hasSession) {
    const url = request.nextUrl.clone();
    url.pathname = "/login";
    url.search = `?callbackUrl=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
}

// The last two run only for paths holding a "%" (see above), so the cached reader pages never pay for the proxy.
export const config = { matcher: ["/review/:path*", "/admin/:path*", "/api/v1/:rest(.*%.*)", "/articles/:rest(.*%.*)"] };
