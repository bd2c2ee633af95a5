"use server";

import { revalidatePath } from "next/cache";
import { changeUserRole, deactivateUser, inviteUser, reactivateUser, resetUserPassword } from "@/lib/server/admin/users";
import { errorState, formValues, type AdminActionState } from "@/lib/server/admin/common";
import { fieldErrors, InviteUserSchema } from "@/lib/validation/admin";

// Public endpoints: each validates its input and relies on the data layer's own admin check.

export async function inviteAction(_prev: AdminActionState, formData: FormData): Promise<AdminActionState> {
  const values = formValues(formData);
  const parsed = InviteUserSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: "Check the highlighted fields.", fieldErrors: fieldErrors(parsed.error), values };
  try {
    const result = await inviteUser(parsed.data);
    revalidatePath("/admin/users");
    return {
      ok: true,
      message: `${result.user.name} is invited as ${result.user.role === "admin" ? "an admin" : "a reviewer"}.`,
      link: result.link,
      linkExpiresAt: result.expiresAt,
      emailSent: result.email.sent,
      emailNote: result.email.note,
    };
  } catch (error) {
    return errorState(error, values);
  }
}

export async function changeRoleAction(_prev: AdminActionState, formData: FormData): Promise<AdminActionState> {
  const values = formValues(formData);
  try {
    const user = await changeUserRole(values);
    revalidatePath("/admin/users");
    return { ok: true, message: `${user.name} is now ${user.role === "admin" ? "an admin" : "a reviewer"}.` };
  } catch (error) {
    return errorState(error);
  }
}

export async function setActiveAction(_prev: AdminActionState, formData: FormData): Promise<AdminActionState> {
  const values = formValues(formData);
  try {
    const user = values.intent === "reactivate" ? await reactivateUser(values) : await deactivateUser(values);
    revalidatePath("/admin/users");
    return { ok: true, message: user.active ? `${user.name} is active again.` : `${user.name} is deactivated; their sessions have ended.` };
  } catch (error) {
    return errorState(error);
  }
}

export async function resetPasswordAction(_prev: AdminActionState, formData: FormData): Promise<AdminActionState> {
  const values = formValues(formData);
  try {
    const result = await resetUserPassword(values);
    revalidatePath("/admin/users");
    return {
      ok: true,
      message: `New password link for ${result.user.name}. Their old password no longer works and their sessions have ended.`,
      link: result.link,
      linkExpiresAt: result.expiresAt,
      emailSent: result.email.sent,
      emailNote: result.email.note,
    };
  } catch (error) {
    return errorState(error);
  }
}
