"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { importArticle, previewImport, setArticlePublished } from "@/lib/server/review/articles";
import { prepareImportOffThread } from "@/lib/server/import-runner";
import { ArticleStateChangeSchema, MAX_IMPORT_BYTES } from "@/lib/contracts/review";
import type { ImportPreviewResult, ImportValues } from "@/lib/contracts/review-actions";
import type { PreparedArticle } from "@/lib/import/prepare-article";
import { defineAction, formString } from "../kit";
import { ActionRefusal } from "../errors";

function importValues(form: FormData): ImportValues {
  return {
    title: formString(form, "title"),
    outlet: formString(form, "outlet"),
    byline: formString(form, "byline"),
    originalUrl: formString(form, "originalUrl"),
    publishedDate: formString(form, "publishedDate"),
    language: formString(form, "language") || "en",
    text: formString(form, "text"),
  };
}

const ImportFormSchema = z.object({
  intent: z.enum(["import", "preview"]),
  file: z.instanceof(File).nullable(),
});

/** Preview (proposed statements) or import; an uploaded file's text replaces the pasted text. Import redirects to the workspace. */
export const importAction = defineAction(
  ImportFormSchema,
  async ({ intent, file }, { actor, form, keepValues }): Promise<{ message: string } & ImportPreviewResult> => {
    const values = importValues(form);
    let note: string | undefined;
    let prepared: PreparedArticle | undefined;
    if (file && file.size > 0) {
      if (file.size > MAX_IMPORT_BYTES) throw new ActionRefusal("The file is larger than 2 MB. Nothing was imported.", { file: "The file is larger than 2 MB." });
      // Decoding, converting and proposing statements run off the event loop, in one pass.
      const result = await prepareImportOffThread({
        file: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
        text: "",
        title: values.title,
        language: values.language,
      });
      if (!result.ok) throw new ActionRefusal(result.message, { [result.field]: result.message.replace(/ Nothing was imported\.$/, "") });
      values.text = result.text;
      if (!values.title.trim() && result.title) values.title = result.title;
      prepared = result.prepared;
      note = `The text of “${file.name}” is now in “Article text” below. Check the proposed statements, then import.`;
      keepValues({ ...values });
    }
    if (intent === "import") {
      const created = await importArticle(actor, values, { prepared, confirmDuplicate: formString(form, "confirmDuplicate") === "yes" });
      revalidatePath("/review");
      redirect(`/review/articles/${created.id}?imported=1`);
    }
    const preview = await previewImport(actor, values, { prepared });
    return { message: note ?? "", values: { ...values, title: values.title || preview.title }, preview, note };
  },
  {
    actor: "reviewer",
    read: (form) => {
      const file = form.get("file");
      return { intent: formString(form, "intent") === "import" ? "import" : "preview", file: file instanceof File ? file : null };
    },
    echo: (form) => ({ ...importValues(form) }),
  },
);

export const publishAction = defineAction(
  ArticleStateChangeSchema,
  async (input, { actor, form }) => {
    await setArticlePublished(actor, input);
    revalidatePath(`/review/articles/${formString(form, "articleId")}`);
    revalidatePath("/review");
    return { message: input.publish ? "Published: readers can now see the approved annotations." : "Unpublished: readers no longer see this article." };
  },
  {
    actor: "reviewer",
    read: (form) => ({
      articleId: formString(form, "articleId"),
      version: Number(formString(form, "version")),
      publish: formString(form, "publish") === "true",
      confirmNoApproved: formString(form, "confirmNoApproved") === "yes",
    }),
  },
);
