"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { importArticle, previewImport, setArticlePublished } from "@/lib/server/review/articles";
import { ArticleStateChangeSchema, decodeImportFile, MAX_IMPORT_BYTES } from "@/lib/contracts/review";
import type { ImportPreviewResult, ImportValues } from "@/lib/contracts/review-actions";
import { htmlToText } from "@/lib/import/html-to-text";
import { markdownToText } from "@/lib/import/markdown-to-text";
import { ImportRefusedError } from "@/lib/import/limits";
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
    if (file && file.size > 0) {
      if (file.size > MAX_IMPORT_BYTES) throw new ActionRefusal("The file is larger than 2 MB. Nothing was imported.", { file: "The file is larger than 2 MB." });
      const decoded = decodeImportFile(file.name, new Uint8Array(await file.arrayBuffer()));
      if (!decoded.ok) throw new ActionRefusal(`${decoded.message} Nothing was imported.`, { file: decoded.message });
      try {
        if (decoded.kind === "html") {
          const converted = htmlToText(decoded.text);
          values.text = converted.text;
          if (!values.title.trim() && converted.title) values.title = converted.title;
        } else {
          values.text = decoded.kind === "markdown" ? markdownToText(decoded.text) : decoded.text;
        }
      } catch (error) {
        // Input past a documented limit (HTML nested too deep): a clear message, never a 500.
        if (!(error instanceof ImportRefusedError)) throw error;
        throw new ActionRefusal(`${error.message} Nothing was imported.`, { file: error.message });
      }
      note = `The text of “${file.name}” is now in “Article text” below. Check the proposed statements, then import.`;
      keepValues({ ...values });
    }
    if (intent === "import") {
      const created = await importArticle(actor, values, { confirmDuplicate: formString(form, "confirmDuplicate") === "yes" });
      revalidatePath("/review");
      redirect(`/review/articles/${created.id}?imported=1`);
    }
    const preview = await previewImport(actor, values);
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
