"use client";

import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { safeReturnPath } from "@/lib/security/redirect";

const GENERIC_ERROR = "Sign-in failed. Please try again.";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    if (!email || !password) {
      setError("Enter your email and password.");
      return;
    }
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { email, password, redirect: false });
      if (!result || result.error) {
        setError(result?.error && result.error !== "CredentialsSignin" ? result.error : result?.error ? "Email or password is incorrect." : GENERIC_ERROR);
        setPending(false);
        return;
      }
      window.location.assign(safeReturnPath(callbackUrl)); // checked again: this prop is the only way out of the form
    } catch {
      setError(GENERIC_ERROR);
      setPending(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="mb-1 block text-sm font-medium text-stone-800">
          Email
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className="w-full rounded border border-stone-400 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block text-sm font-medium text-stone-800">
          Password
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="w-full rounded border border-stone-400 px-3 py-2" />
      </div>
      {error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {error}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className="w-full rounded bg-stone-900 px-4 py-2 font-semibold text-white hover:bg-stone-700 disabled:opacity-60">
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
