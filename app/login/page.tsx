import type { Metadata } from "next";
import { LoginForm } from "@/components/auth/LoginForm";
import { safeReturnPath } from "@/lib/security/redirect";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  return (
    <div className="mx-auto max-w-sm rounded-lg border border-stone-300 bg-white p-6 shadow-sm">
      <h1 className="mb-1 text-2xl font-bold text-stone-900">Sign in</h1>
      <p className="mb-5 text-sm text-stone-600">For reviewers and admins. Readers need no account.</p>
      <LoginForm callbackUrl={safeReturnPath(params.callbackUrl)} />
    </div>
  );
}
