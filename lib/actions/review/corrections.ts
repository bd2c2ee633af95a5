"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { confirmCorrection, previewCorrection } from "@/lib/server/review/corrections";
import { CorrectionConfirmSchema, type CorrectionPreviewDTO } from "@/lib/corrections/contracts";
import { MAX_IMPORT_BYTES } from "@/lib/contracts/review";
import { defineAction, formString } from "../kit";
import { ActionRefusal } from "../errors";

const PreviewFormSchema = z.object({ articleId: z.string().min(1).max(64), text: z.string(), file: z.instanceof(File).nullable() });

/** Shows what a correction would do; nothing is saved. */
export const previewCorrectionAction = defineAction(
  PreviewFormSchema,
  async ({ articleId, text, file }, { actor }): Promise<{ message: string; preview: CorrectionPreviewDTO }> => {
    let upload: { name: string; bytes: Uint8Array<ArrayBuffer> } | undefined;
    if (file && file.size > 0) {
      if (file.size > MAX_IMPORT_BYTES) throw new ActionRefusal("The file is larger than 2 MB. Nothing was changed.", { file: "The file is larger than 2 MB." });
      upload = { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
    }
    const preview = await previewCorrection(actor, { articleId, text, file: upload });
    return { message: "", preview };
  },
  {
    actor: "reviewer",
    read: (form) => {
      const file = form.get("file");
      return { articleId: formString(form, "articleId"), text: formString(form, "text"), file: file instanceof File ? file : null };
    },
    echo: (form) => ({ text: formString(form, "text") }),
  },
);

/** Applies a previewed correction; refused when the article changed since the preview. */
export const confirmCorrectionAction = defineAction(
  CorrectionConfirmSchema,
  async (input, { actor }): Promise<{ message: string }> => {
    const done = await confirmCorrection(actor, input);
    revalidatePath(`/review/articles/${input.articleId}`);
    revalidatePath("/review");
    redirect(`/review/articles/${input.articleId}?corrected=${done.revision}`);
  },
  {
    actor: "reviewer",
    read: (form) => ({
      articleId: formString(form, "articleId"),
      text: formString(form, "text"),
      reason: formString(form, "reason"),
      fromRevision: Number(formString(form, "fromRevision")),
      fromHash: formString(form, "fromHash"),
      toHash: formString(form, "toHash"),
      fingerprint: formString(form, "fingerprint"),
    }),
    echo: (form) => ({ reason: formString(form, "reason") }),
  },
);
