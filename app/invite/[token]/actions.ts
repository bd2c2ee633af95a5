"use server";

import { acceptInvitation } from "@/lib/server/admin/users";
import { errorState, formValues, type AdminActionState } from "@/lib/server/admin/common";
import { AcceptInvitationSchema, fieldErrors } from "@/lib/validation/admin";

/** Public: the link's token is the credential; the data layer checks it is valid, unused and unexpired. */
export async function acceptInvitationAction(_prev: AdminActionState, formData: FormData): Promise<AdminActionState> {
  const values = formValues(formData);
  const keep = { token: values.token ?? "" }; // never echo passwords back
  const parsed = AcceptInvitationSchema.safeParse(values);
  if (!parsed.success) return { ok: false, message: "Check the highlighted fields.", fieldErrors: fieldErrors(parsed.error), values: keep };
  try {
    const { email } = await acceptInvitation(parsed.data);
    return { ok: true, message: "Your password is set.", values: { email } };
  } catch (error) {
    const state = errorState(error, { ...keep, password: "" });
    return { ...state, values: keep };
  }
}
