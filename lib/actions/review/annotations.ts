"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deleteAnnotation, reviewAnnotation, saveAnnotation, searchSources } from "@/lib/server/review/annotations";
import { DeleteAnnotationSchema, ReviewDecisionSchema, SaveAnnotationSchema, SourceQuerySchema } from "@/lib/contracts/review";
import type { SavedAnnotation, SourceSuggestions, StatementToOpen } from "@/lib/contracts/review-actions";
import { defineAction, formString, type ActionAnswer } from "../kit";

/** The annotation form posts its values as one JSON `payload` (statementId, baseVersion, fields) plus the pressed button's `intent`. */
const SaveAnnotationFormSchema = z
  .object({ payload: z.string().max(500_000), intent: z.string() })
  .transform((form, ctx) => {
    try {
      // The shape is checked by the pipe into SaveAnnotationSchema.
      return { ...(JSON.parse(form.payload) as object), intent: form.intent === "submit" ? "submit" : "draft" } as z.input<typeof SaveAnnotationSchema>;
    } catch {
      ctx.addIssue({ code: "custom", message: "The form could not be read. Reload the page." });
      return z.NEVER;
    }
  })
  .pipe(SaveAnnotationSchema);

export const saveAnnotationAction = defineAction(
  SaveAnnotationFormSchema,
  async (input, { actor, form }): Promise<ActionAnswer<SavedAnnotation>> => {
    const result = await saveAnnotation(actor, input);
    revalidatePath(`/review/articles/${formString(form, "articleId")}`);
    revalidatePath("/review");
    return { version: result.version, savedAt: Date.now(), message: input.intent === "submit" ? "Saved and submitted for review." : "Draft saved." };
  },
  { actor: "reviewer", fieldPrefix: "fields.", read: (form) => ({ payload: formString(form, "payload"), intent: formString(form, "intent") }) },
);

export const reviewAction = defineAction(
  ReviewDecisionSchema,
  async (input, { actor, form }) => {
    const result = await reviewAnnotation(actor, input);
    revalidatePath(`/review/articles/${formString(form, "articleId")}`);
    revalidatePath("/review");
    return { message: result.workflowState === "approved" ? "Approved. Readers see this version once the article is published." : "Returned to draft with your comment." };
  },
  {
    actor: "reviewer",
    read: (form) => ({
      decision: formString(form, "decision") === "return" ? "return" : "approve",
      annotationId: formString(form, "annotationId"),
      version: Number(formString(form, "version")),
      comment: formString(form, "comment"),
      acknowledgedWarnings: form.getAll("acknowledge").filter((v): v is string => typeof v === "string"),
      consistencyNote: formString(form, "consistencyNote"),
    }),
  },
);

/** Deletes after the form's confirmation; on success the workspace reopens the (now unannotated) statement with a notice. */
export const deleteAnnotationAction = defineAction(
  DeleteAnnotationSchema,
  async (input, { actor }): Promise<ActionAnswer<StatementToOpen>> => {
    const done = await deleteAnnotation(actor, input);
    revalidatePath(`/review/articles/${done.articleId}`);
    revalidatePath("/review");
    redirect(`/review/articles/${done.articleId}?${done.statementId ? `s=${done.statementId}&` : ""}deleted=draft`);
  },
  {
    actor: "reviewer",
    read: (form) => ({ annotationId: formString(form, "annotationId"), version: Number(formString(form, "version")), confirmed: formString(form, "confirmed") === "yes" }),
  },
);

/** Known sources for the chain's name field; the form shows no suggestions when this fails. */
export const searchSourcesAction = defineAction(
  SourceQuerySchema,
  async (query, { actor }): Promise<ActionAnswer<SourceSuggestions>> => ({ message: "", sources: await searchSources(actor, query) }),
  { actor: "reviewer", read: (form) => formString(form, "query") },
);
