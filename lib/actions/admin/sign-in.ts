"use server";

import { revalidatePath } from "next/cache";
import { liftSignInLocks } from "@/lib/server/admin/sign-in-alerts";
import { UserIdSchema } from "@/lib/contracts/admin";
import { defineAction } from "../kit";

/** Admin: lifts every sign-in lock on an account (the banner on /admin/users). */
export const liftSignInLocksAction = defineAction(
  UserIdSchema,
  async (input, { actor }) => {
    const result = await liftSignInLocks(actor, input);
    revalidatePath("/admin/users");
    return { message: `Sign-in locks on ${result.email} are lifted (counters cleared for ${result.addressesCleared} address${result.addressesCleared === 1 ? "" : "es"}).` };
  },
  { actor: "admin" },
);
