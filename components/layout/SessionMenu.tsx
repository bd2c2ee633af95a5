"use client";

import Link from "next/link";
import { useState } from "react";
import { signOut, useSession } from "next-auth/react";
import { signOutEverywhereAction } from "@/lib/actions/account/sessions";

const signInClass = "rounded px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-200";

/**
 * Client-side so that public pages stay cacheable: who is signed in is fetched after the page loads. The server
 * renders the "loading" state, so it is a real "Sign in" link (what a reader without JavaScript needs); it appears
 * only after a short delay (`.appear-late`), so a signed-in reviewer's menu usually replaces it before it is seen.
 */
export function SessionMenu() {
  const { data, status } = useSession();
  const [endingAll, setEndingAll] = useState(false);
  if (status === "loading") {
    return (
      <Link href="/login" className={`${signInClass} appear-late`} data-session="loading">
        Sign in
      </Link>
    );
  }
  if (!data?.user) {
    return (
      <Link href="/login" className={signInClass}>
        Sign in
      </Link>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
      <Link href="/review" className="rounded px-2 py-1 font-medium text-stone-800 hover:bg-stone-200">
        Review desk
      </Link>
      {(data as { role?: string }).role === "admin" ? (
        <Link href="/admin" className="rounded px-2 py-1 font-medium text-stone-800 hover:bg-stone-200">
          Admin
        </Link>
      ) : null}
      <span className="hidden text-stone-600 sm:inline" data-testid="signed-in-as">
        Signed in as <strong className="text-stone-900">{data.user.name ?? data.user.email}</strong>
      </span>
      <button
        type="button"
        onClick={() => signOut({ callbackUrl: "/" })}
        className="rounded border border-stone-400 px-3 py-1 font-medium hover:bg-stone-200"
      >
        Sign out
      </button>
      <button
        type="button"
        disabled={endingAll}
        title="Signs you out on every device and browser"
        onClick={async () => {
          setEndingAll(true);
          // Every session ends on the server first; then this browser drops its cookie.
          await signOutEverywhereAction(null, new FormData()).catch(() => undefined);
          await signOut({ callbackUrl: "/" });
        }}
        className="rounded px-2 py-1 text-stone-700 underline hover:bg-stone-200"
      >
        End all my sessions
      </button>
    </div>
  );
}
