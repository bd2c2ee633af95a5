"use server";

import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { importArticle, previewImport, setArticlePublished } from "@/lib/server/review/articles";
import { deleteAnnotation, reviewAnnotation, saveAnnotation, searchSources } from "@/lib/server/review/annotations";
import { mergeStatements, selectSpan, splitStatement } from "@/lib/server/review/statements";
import { toFailure, type ActionFailure } from "@/lib/server/review/results";
import { decodeImportFile, MAX_IMPORT_BYTES } from "@/lib/validation/review";
import { htmlToText } from "@/lib/import/html-to-text";
import { markdownToText } from "@/lib/import/markdown-to-text";
import { ImportRefusedError } from "@/lib/import/limits";
import type { ImportPreviewDTO } from "@/lib/server/review/types";
import type { SourceDTO } from "@/lib/domain/types";

// Server actions are public endpoints: every input is parsed here or in the data layer, which checks the session.

const str = (f: FormData, k: string) => {
  const v = f.get(k);
  return typeof v === "string" ? v : "";
};

export interface ImportValues {
  title: string;
  outlet: string;
  byline: string;
  originalUrl: string;
  publishedDate: string;
  language: string;
  text: string;
}

export type ImportState =
  | { status: "idle"; values: ImportValues }
  | { status: "preview"; values: ImportValues; preview: ImportPreviewDTO; note?: string }
  | ({ status: "error"; values: ImportValues } & ActionFailure);

export async function importAction(_prev: ImportState, form: FormData): Promise<ImportState> {
  const values: ImportValues = {
    title: str(form, "title"),
    outlet: str(form, "outlet"),
    byline: str(form, "byline"),
    originalUrl: str(form, "originalUrl"),
    publishedDate: str(form, "publishedDate"),
    language: str(form, "language") || "en",
    text: str(form, "text"),
  };
  const intent = str(form, "intent") === "import" ? "import" : "preview";
  const file = form.get("file");
  let note: string | undefined;
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_IMPORT_BYTES) return { status: "error", values, ok: false, message: "The file is larger than 2 MB. Nothing was imported.", fieldErrors: { file: "The file is larger than 2 MB." } };
    const decoded = decodeImportFile(file.name, new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) return { status: "error", values, ok: false, message: `${decoded.message} Nothing was imported.`, fieldErrors: { file: decoded.message } };
    try {
      if (decoded.kind === "html") {
        const converted = htmlToText(decoded.text);
        values.text = converted.text;
        if (!values.title.trim() && converted.title) values.title = converted.title;
      } else {
        values.text = decoded.kind === "markdown" ? markdownToText(decoded.text) : decoded.text;
      }
    } catch (error) {
      if (!(error instanceof ImportRefusedError)) throw error;
      return { status: "error", values, ok: false, message: error.message, fieldErrors: { file: error.message } };
    }
    note = `The text of “${file.name}” is now in “Article text” below. Check the proposed statements, then import.`;
  }
  try {
    if (intent === "import") {
      const created = await importArticle(values);
      revalidatePath("/review");
      redirect(`/review/articles/${created.id}?imported=1`);
    }
    const preview = await previewImport(values);
    return { status: "preview", values: { ...values, title: values.title || preview.title }, preview, note };
  } catch (error) {
    if (isRedirect(error)) throw error;
    return { status: "error", values, ...toFailure(error) };
  }
}

function isRedirect(error: unknown): boolean {
  return typeof error === "object" && error !== null && "digest" in error && String((error as { digest: unknown }).digest).startsWith("NEXT_REDIRECT");
}

export type SaveState = { ok: true; message: string; version: number; savedAt: number } | ActionFailure | null;

const payloadSchema = z.string().max(500_000).transform((s, ctx) => {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    ctx.addIssue({ code: "custom", message: "The form could not be read. Reload the page." });
    return z.NEVER;
  }
});

export async function saveAnnotationAction(_prev: SaveState, form: FormData): Promise<SaveState> {
  try {
    const payload = payloadSchema.parse(str(form, "payload")) as Record<string, unknown>;
    const intent = str(form, "intent") === "submit" ? "submit" : "draft";
    const result = await saveAnnotation({ ...(payload as object), intent } as Parameters<typeof saveAnnotation>[0]);
    revalidatePath(`/review/articles/${str(form, "articleId")}`);
    revalidatePath("/review");
    return { ok: true, version: result.version, savedAt: Date.now(), message: intent === "submit" ? "Saved and submitted for review." : "Draft saved." };
  } catch (error) {
    return toFailure(error, "fields.");
  }
}

export type SimpleState = { ok: true; message: string } | ActionFailure | null;

export async function reviewAction(_prev: SimpleState, form: FormData): Promise<SimpleState> {
  try {
    const decision = str(form, "decision") === "return" ? "return" : "approve";
    const r = await reviewAnnotation({ decision, annotationId: str(form, "annotationId"), version: Number(str(form, "version")), comment: str(form, "comment") });
    revalidatePath(`/review/articles/${str(form, "articleId")}`);
    revalidatePath("/review");
    return { ok: true, message: r.workflowState === "approved" ? "Approved. Readers see this version once the article is published." : "Returned to draft with your comment." };
  } catch (error) {
    return toFailure(error);
  }
}

/** Deletes after the form's confirmation; on success the workspace reopens the (now unannotated) statement with a notice. */
export async function deleteAnnotationAction(_prev: StatementState, form: FormData): Promise<StatementState> {
  let done: Awaited<ReturnType<typeof deleteAnnotation>>;
  try {
    done = await deleteAnnotation({ annotationId: str(form, "annotationId"), version: Number(str(form, "version")), confirmed: str(form, "confirmed") === "yes" });
  } catch (error) {
    return toFailure(error);
  }
  revalidatePath(`/review/articles/${done.articleId}`);
  revalidatePath("/review");
  redirect(`/review/articles/${done.articleId}?s=${done.statementId}&deleted=${done.wasApproved ? "approved" : "draft"}`);
}

export async function publishAction(_prev: SimpleState, form: FormData): Promise<SimpleState> {
  try {
    const publish = str(form, "publish") === "true";
    await setArticlePublished({ articleId: str(form, "articleId"), version: Number(str(form, "version")), publish, confirmNoApproved: str(form, "confirmNoApproved") === "yes" });
    revalidatePath(`/review/articles/${str(form, "articleId")}`);
    revalidatePath("/review");
    return { ok: true, message: publish ? "Published: readers can now see the approved annotations." : "Unpublished: readers no longer see this article." };
  } catch (error) {
    return toFailure(error);
  }
}

export type StatementState = { ok: true; message: string; statementId: string } | ActionFailure | null;

export async function splitAction(_prev: StatementState, form: FormData): Promise<StatementState> {
  try {
    const keep = str(form, "keep") === "second" ? "second" : "first";
    const r = await splitStatement({ statementId: str(form, "statementId"), at: Number(str(form, "at")), keep, confirmed: str(form, "confirmed") === "yes" });
    revalidatePath(`/review/articles/${str(form, "articleId")}`);
    return { ok: true, message: "Statement split.", statementId: keep === "second" ? r.secondId : r.firstId };
  } catch (error) {
    return toFailure(error);
  }
}

export async function mergeAction(_prev: StatementState, form: FormData): Promise<StatementState> {
  try {
    const r = await mergeStatements({ firstId: str(form, "firstId"), secondId: str(form, "secondId"), confirmed: str(form, "confirmed") === "yes" });
    revalidatePath(`/review/articles/${str(form, "articleId")}`);
    return { ok: true, message: "Statements merged.", statementId: r.id };
  } catch (error) {
    return toFailure(error);
  }
}

export async function selectSpanAction(input: { articleId: string; start: number; end: number }): Promise<StatementState> {
  try {
    const r = await selectSpan(input);
    revalidatePath(`/review/articles/${input.articleId}`);
    return { ok: true, message: "Statement created from your selection.", statementId: r.id };
  } catch (error) {
    return toFailure(error);
  }
}

export async function searchSourcesAction(query: string): Promise<SourceDTO[]> {
  try {
    return await searchSources(typeof query === "string" ? query : "");
  } catch {
    return [];
  }
}
