import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getSessionUser, type SessionUser } from "../session";

/**
 * For admin pages (UX only: every data-layer call checks again): anonymous visitors go to the sign-in page,
 * signed-in non-admins get the 403 page (app/forbidden.tsx, a real 403 status).
 */
export async function requireAdminPage(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (user.role !== "admin") forbidden();
  return user;
}
