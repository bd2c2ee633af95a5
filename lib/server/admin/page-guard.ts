import "server-only";
import { forbidden, redirect } from "next/navigation";
import { getSessionUser } from "../session";
import { mintUserActor, type UserActor } from "../actors";

/**
 * For admin pages: anonymous visitors go to the sign-in page, signed-in non-admins get the 403 page
 * (app/forbidden.tsx, a real 403 status). Returns the admin as the Actor the page hands to the data layer.
 */
export async function requireAdminPage(returnTo: string): Promise<UserActor> {
  const user = await getSessionUser();
  if (!user) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (user.role !== "admin") forbidden();
  return mintUserActor(user, "session");
}
