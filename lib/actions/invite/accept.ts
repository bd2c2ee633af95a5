"use server";

import { acceptInvitation } from "@/lib/server/admin/users";
import { AcceptInvitationSchema } from "@/lib/contracts/admin";
import { defineAction, formString, type ActionAnswer } from "../kit";

/** Public: the link's token is the credential; the data layer checks it is valid, unused and unexpired. */
export const acceptInvitationAction = defineAction(
  AcceptInvitationSchema,
  async (input, { actor }): Promise<ActionAnswer<{ email: string }>> => {
    const { email } = await acceptInvitation(actor, input);
    return { message: "Your password is set.", email };
  },
  { actor: "invitee", echo: (form) => ({ token: formString(form, "token") }) },
);
