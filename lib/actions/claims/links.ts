"use server";

import { revalidatePath } from "next/cache";
import { decideClaimLink, undoClaimLink } from "@/lib/server/claims/suggestions";
import { ClaimDecisionSchema, UndoClaimDecisionSchema } from "@/lib/contracts/claims";
import { defineAction, formString } from "../kit";

const read = (form: FormData) => ({
  annotationId: formString(form, "annotationId"),
  otherAnnotationId: formString(form, "otherAnnotationId"),
  relation: formString(form, "relation"),
});

/** "Same claim" / "Different claim" on a "checked before?" suggestion. */
export const decideClaimAction = defineAction(
  ClaimDecisionSchema,
  async (input, { actor, form }) => {
    const done = await decideClaimLink(actor, input);
    revalidatePath(`/review/articles/${formString(form, "articleId")}`);
    return { message: done.relation === "same" ? "Linked as the same claim." : "Marked as a different claim: it will not be suggested again." };
  },
  { actor: "reviewer", read },
);

/** Undoes either decision. */
export const undoClaimAction = defineAction(
  UndoClaimDecisionSchema,
  async (input, { actor, form }) => {
    await undoClaimLink(actor, input);
    revalidatePath(`/review/articles/${formString(form, "articleId")}`);
    return { message: "Decision undone." };
  },
  { actor: "reviewer", read },
);
