"use server";

import { revalidatePath } from "next/cache";
import { decideClaimLink, undoClaimLink } from "@/lib/server/claims/suggestions";
import { ClaimDecisionSchema, UndoClaimDecisionSchema } from "@/lib/contracts/claims";
import { defineAction, formString } from "../kit";

const read = (form: FormData) => ({
  annotationId: formString(form, "annotationId"),
  otherAnnotationId: formString(form, "otherAnnotationId"),
  relation: formString(form, "relation"),
  copyChain: formString(form, "copyChain") === "1",
  version: formString(form, "version") ? Number(formString(form, "version")) : undefined,
});

/** "Same claim" / "Different claim" on a "checked before?" suggestion. */
export const decideClaimAction = defineAction(
  ClaimDecisionSchema,
  async (input, { actor, form }) => {
    const done = await decideClaimLink(actor, input);
    revalidatePath(`/review/articles/${formString(form, "articleId")}`);
    if (done.copied) return { message: "Linked as the same claim, and its chain and evidence were copied into this annotation’s draft." };
    return { message: done.relation === "same" ? "Linked as the same claim." : "Marked as a different claim: it will not be suggested again." };
  },
  { actor: "reviewer", read },
);

/** Undoes either decision. */
export const undoClaimAction = defineAction(
  UndoClaimDecisionSchema,
  async (input, { actor, form }) => {
    const done = await undoClaimLink(actor, input);
    revalidatePath(`/review/articles/${formString(form, "articleId")}`);
    if (done.copy === "restored") return { message: "Decision undone; the copied chain and evidence were taken out of the draft again." };
    if (done.copy === "kept") return { message: "Decision undone. The copied chain and evidence stay in the draft: it was edited since the copy." };
    return { message: "Decision undone." };
  },
  { actor: "reviewer", read },
);
