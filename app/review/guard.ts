import "server-only";
import { notFound, redirect } from "next/navigation";
import { AccessDeniedError, NotFoundError } from "@/lib/server/errors";

/** Runs a /review page's read (resolve the actor, then the data layer): no valid session → sign-in page; missing → 404. */
export async function guardReview<T>(read: () => Promise<T>, returnTo: string): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof AccessDeniedError && error.reason === "unauthenticated") redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
