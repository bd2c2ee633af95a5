import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { authenticateWithPassword, SIGN_IN_MESSAGES } from "./sign-in";
import { safeAuthRedirect } from "@/lib/security/redirect";

const CredentialsSchema = z.object({
  email: z.string().trim().min(1).max(320),
  password: z.string().min(1).max(1000),
});

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const parsed = CredentialsSchema.safeParse(credentials);
        if (!parsed.success) throw new Error(SIGN_IN_MESSAGES.invalid);
        const result = await authenticateWithPassword(parsed.data.email, parsed.data.password);
        // next-auth passes a thrown message to the sign-in form as `error`.
        if (!result.ok) throw new Error(SIGN_IN_MESSAGES[result.reason]);
        return {
          id: result.user.id,
          email: result.user.email,
          name: result.user.name,
          role: result.user.role,
          sessionVersion: result.user.sessionVersion,
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
        const u = user as unknown as { id: string; role: string; sessionVersion: number };
        token.uid = u.id;
        token.role = u.role;
        token.sv = u.sessionVersion;
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv, role: token.role } as typeof session;
    },
  },
};
