"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { cancelRemoval, confirmRemoval, requestRemoval } from "@/lib/server/review/removal";
import { cancelReattach, confirmReattach, requestReattach } from "@/lib/server/review/reattach";
import { PendingRequestDecisionSchema, RequestReattachSchema, RequestRemovalSchema } from "@/lib/contracts/review";
import { defineAction, formString } from "../kit";

/*
 * The two-reviewer requests: withdrawing a published verdict and re-attaching an orphan. Each form posts the
 * annotation's id and the version it showed; the data layer refuses stale versions and the requester's own confirmation.
 */

function revalidateWorkspace(articleId: string): void {
  revalidatePath(`/review/articles/${articleId}`);
  revalidatePath("/review");
}

const decision = (form: FormData) => ({ annotationId: formString(form, "annotationId"), version: Number(formString(form, "version")) });

export const requestRemovalAction = defineAction(
  RequestRemovalSchema,
  async (input, { actor }) => {
    const done = await requestRemoval(actor, input);
    revalidateWorkspace(done.articleId);
    return { message: "Removal requested. Readers keep seeing the verdict until a second reviewer confirms the removal." };
  },
  { actor: "reviewer", read: (form) => ({ ...decision(form), reason: formString(form, "reason") }), echo: (form) => ({ reason: formString(form, "reason") }) },
);

export const cancelRemovalAction = defineAction(
  PendingRequestDecisionSchema,
  async (input, { actor }) => {
    const done = await cancelRemoval(actor, input);
    revalidateWorkspace(done.articleId);
    return { message: "Removal request cancelled. The verdict stays published." };
  },
  { actor: "reviewer", read: decision },
);

/** On success the workspace reopens the statement (now free to annotate again) with a notice. */
export const confirmRemovalAction = defineAction(
  PendingRequestDecisionSchema,
  async (input, { actor }): Promise<{ message: string }> => {
    const done = await confirmRemoval(actor, input);
    revalidateWorkspace(done.articleId);
    redirect(`/review/articles/${done.articleId}?${done.statementId ? `s=${done.statementId}&` : ""}removed=1`);
  },
  { actor: "reviewer", read: decision },
);

export const requestReattachAction = defineAction(
  RequestReattachSchema,
  async (input, { actor }) => {
    const done = await requestReattach(actor, input);
    revalidateWorkspace(done.articleId);
    return { message: "Re-attachment requested. Readers keep seeing it under “no longer in the article” until a second reviewer confirms." };
  },
  { actor: "reviewer", read: (form) => ({ ...decision(form), statementId: formString(form, "statementId") }) },
);

export const cancelReattachAction = defineAction(
  PendingRequestDecisionSchema,
  async (input, { actor }) => {
    const done = await cancelReattach(actor, input);
    revalidateWorkspace(done.articleId);
    return { message: "Re-attachment request cancelled. The annotation stays no longer in the article." };
  },
  { actor: "reviewer", read: decision },
);

/** On success the workspace opens the statement the annotation is now on. */
export const confirmReattachAction = defineAction(
  PendingRequestDecisionSchema,
  async (input, { actor }): Promise<{ message: string }> => {
    const done = await confirmReattach(actor, input);
    revalidateWorkspace(done.articleId);
    redirect(`/review/articles/${done.articleId}?s=${done.statementId}&reattached=1`);
  },
  { actor: "reviewer", read: decision },
);
