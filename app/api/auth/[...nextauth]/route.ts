import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/server/auth-options";
import { signInAddressExhausted, SIGN_IN_MESSAGES } from "@/lib/server/sign-in";
import { env } from "@/lib/server/env";
import { clientAddress } from "@/lib/http/client-address";

const handler = NextAuth(authOptions);
type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * An address that has used up its sign-in budget across emails (against spraying) is refused before next-auth reads
 * the body: a 429 with Retry-After, whose JSON body the sign-in form shows like any other sign-in error.
 */
async function POST(request: NextRequest, context: Context) {
  if (request.nextUrl.pathname === "/api/auth/callback/credentials") {
    const decision = await signInAddressExhausted(clientAddress(request.headers, env().TRUSTED_PROXY_HOPS));
    if (decision.exhausted) {
      const url = `/login?error=${encodeURIComponent(SIGN_IN_MESSAGES.throttled)}`;
      return Response.json(
        { url: new URL(url, request.nextUrl.origin).toString() },
        { status: 429, headers: { "Retry-After": String(decision.retryAfterSeconds), "Cache-Control": "no-store" } },
      );
    }
  }
  return handler(request, context);
}

export { handler as GET, POST };
