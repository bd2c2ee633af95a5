"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { changeUserRole, deactivateUser, inviteUser, reactivateUser, resetUserPassword } from "@/lib/server/admin/users";
import { ChangeRoleSchema, InviteUserSchema, UserVersionSchema } from "@/lib/contracts/admin";
import type { LinkHandover } from "@/lib/contracts/admin-dto";
import { isInvitee } from "@/lib/format/account-status";
import { defineAction, formStrings, type ActionAnswer } from "../kit";

const article = (role: string) => (role === "admin" ? "an admin" : "a reviewer");

function handover(result: { link: string; expiresAt: string; email: { sent: boolean; note: string } }): LinkHandover {
  return { link: result.link, linkExpiresAt: result.expiresAt, emailSent: result.email.sent, emailNote: result.email.note };
}

export const inviteAction = defineAction(
  InviteUserSchema,
  async (input, { actor }): Promise<ActionAnswer<LinkHandover>> => {
    const result = await inviteUser(actor, input);
    revalidatePath("/admin/users");
    return { message: `${result.user.name} is invited as ${article(result.user.role)}.`, ...handover(result) };
  },
  { actor: "admin", echo: formStrings },
);

export const changeRoleAction = defineAction(
  ChangeRoleSchema,
  async (input, { actor }) => {
    const user = await changeUserRole(actor, input);
    revalidatePath("/admin/users");
    return { message: `${user.name} is now ${article(user.role)}.` };
  },
  { actor: "admin" },
);

export const setActiveAction = defineAction(
  UserVersionSchema.extend({ intent: z.string().optional() }),
  async ({ intent, ...input }, { actor }) => {
    const user = intent === "reactivate" ? await reactivateUser(actor, input) : await deactivateUser(actor, input);
    revalidatePath("/admin/users");
    if (user.active) return { message: `${user.name} is active again.` };
    return { message: isInvitee(user) ? `${user.name}'s invitation is revoked: the link no longer works.` : `${user.name} is deactivated; their sessions have ended.` };
  },
  { actor: "admin" },
);

export const resetPasswordAction = defineAction(
  UserVersionSchema,
  async (input, { actor }): Promise<ActionAnswer<LinkHandover>> => {
    const result = await resetUserPassword(actor, input);
    revalidatePath("/admin/users");
    const message = isInvitee(result.user)
      ? `New invitation link for ${result.user.name}. The earlier link no longer works.`
      : `New password link for ${result.user.name}. Their old password no longer works and their sessions have ended.`;
    return { message, ...handover(result) };
  },
  { actor: "admin" },
);
