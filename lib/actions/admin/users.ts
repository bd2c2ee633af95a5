"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { changeUserRole, deactivateUser, inviteUser, reactivateUser, resetUserPassword } from "@/lib/server/admin/users";
import { ChangeRoleSchema, InviteUserSchema, UserVersionSchema } from "@/lib/contracts/admin";
import type { LinkHandover } from "@/lib/contracts/admin-dto";
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
    return { message: user.active ? `${user.name} is active again.` : `${user.name} is deactivated; their sessions have ended.` };
  },
  { actor: "admin" },
);

export const resetPasswordAction = defineAction(
  UserVersionSchema,
  async (input, { actor }): Promise<ActionAnswer<LinkHandover>> => {
    const result = await resetUserPassword(actor, input);
    revalidatePath("/admin/users");
    return { message: `New password link for ${result.user.name}. Their old password no longer works and their sessions have ended.`, ...handover(result) };
  },
  { actor: "admin" },
);
