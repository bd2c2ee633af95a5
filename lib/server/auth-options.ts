import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticateWithPassword, SESSION_MAX_AGE_SECONDS, SIGN_IN_MESSAGES } from "./sign-in";
import { endSession } from "./sessions";
import { env } from "./env";
import { logger } from "./logger";
import { safeAuthRedirect } from "@/lib/security/redirect";
import { clientAddress } from "@/lib/http/client-address";

/** next-auth hands authorize() the request's headers as a plain object (app router) or as Headers. */
function headerReader(headers: unknown): { get(name: string): string | null } {
  if (headers instanceof Headers) return headers;
  const record = (headers ?? {}) as Record<string, unknown>;
  return {
    get(name: string) {
      const value = record[name.toLowerCase()];
      return typeof value === "string" ? value : Array.isArray(value) ? String(value[0] ?? "") : null;
    },
  };
}

const CredentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1000),
});

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        const parsed = CredentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error(SIGN_IN_MESSAGES.invalid);
        const address = clientAddress(headerReader(req?.headers), env().TRUSTED_PROXY_HOPS);
        const result = await authenticateWithPassword(parsed.data.email, parsed.data.password, { address });
        // next-auth passes a thrown message to the sign-in form as `error`.
        if (!result.ok) throw new Error(SIGN_IN_MESSAGES[result.reason]);
        return {
          id: result.user.id,
          email: result.user.email,
          name: result.user.name,
          role: result.user.role,
          sessionVersion: result.user.sessionVersion,
          sessionId: result.user.sessionId,
        };
      },
    }),
  ],
  callbacks: {
    // next-auth honours a callbackUrl given to signIn/signOut: only paths on this site, checked as on the login page.
    async redirect({ url, baseUrl }) {
      return safeAuthRedirect(url, baseUrl);
    },
    async jwt({ token, user }) {
      if (user) {
        const u = user as unknown as { id: string; role: string; sessionVersion: number; sessionId: string };
        token.uid = u.id;
        token.role = u.role;
        token.sv = u.sessionVersion;
        token.sid = u.sessionId;
      }
      return token;
    },
    async session({ session, token }) {
      // sid is read by lib/server/session.ts; alone (without the HttpOnly, signed cookie) it opens nothing.
      return { ...session, uid: token.uid, sv: token.sv, sid: token.sid, role: token.role } as typeof session;
    },
  },
  events: {
    // Sign-out ends this browser's session on the server, so a copy of the cookie stops working too.
    async signOut({ token }) {
      if (token) await endSession(token).catch((error) => logger.error({ err: error }, "could not end a session at sign-out"));
    },
  },
};
