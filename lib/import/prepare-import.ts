import { decodeImportFile, MAX_ARTICLE_TEXT_LENGTH } from "../validation/review";
import { htmlToText } from "./html-to-text";
import { ImportRefusedError, MAX_ARTICLE_STATEMENTS } from "./limits";
import { markdownToText } from "./markdown-to-text";
import { prepareArticle, type PreparedArticle } from "./prepare-article";

export interface ImportRequest {
  /** An uploaded file; when given, its converted text replaces `text`. */
  file?: { name: string; bytes: Uint8Array };
  text: string;
  title?: string;
  language?: string;
}

export type ImportPreparation =
  | {
      ok: true;
      /** The article text to show in the form: the file's converted text, or `text` as given. */
      text: string;
      /** A title found in an HTML file (its <title> or first <h1>), when the request had none. */
      title?: string;
      prepared: PreparedArticle;
    }
  | { ok: false; message: string; field: "file" | "text" };

/**
 * The whole pure import pipeline: decode and convert an uploaded file, then normalise, hash and propose statements.
 * Every step is linear in the input; refusals (a bad file, HTML nested too deep, text too long) come back as
 * `{ ok: false, message }`, never as a throw. This is what the import worker runs off the event loop.
 */
export function prepareImport(request: ImportRequest): ImportPreparation {
  let text = request.text;
  let title = request.title?.trim() ? request.title : undefined;
  let foundTitle: string | undefined;
  try {
    if (request.file) {
      const decoded = decodeImportFile(request.file.name, request.file.bytes);
      if (!decoded.ok) return { ok: false, message: `${decoded.message} Nothing was imported.`, field: "file" };
      if (decoded.kind === "html") {
        const converted = htmlToText(decoded.text);
        text = converted.text;
        if (!title && converted.title) title = foundTitle = converted.title;
      } else {
        text = decoded.kind === "markdown" ? markdownToText(decoded.text) : decoded.text;
      }
    }
    if (text.length > MAX_ARTICLE_TEXT_LENGTH) {
      return { ok: false, message: "The article text is too long (at most 2,000,000 characters). Nothing was imported.", field: "text" };
    }
    const prepared = prepareArticle(text, { title, language: request.language });
    if (prepared.statements.length > MAX_ARTICLE_STATEMENTS) {
      return {
        ok: false,
        message: `The text splits into ${prepared.statements.length.toLocaleString("en")} statements; an article may have at most ${MAX_ARTICLE_STATEMENTS.toLocaleString("en")}. Is it really one article? Nothing was imported.`,
        field: request.file ? "file" : "text",
      };
    }
    return { ok: true, text, ...(foundTitle ? { title: foundTitle } : {}), prepared };
  } catch (error) {
    if (error instanceof ImportRefusedError) return { ok: false, message: error.message, field: request.file ? "file" : "text" };
    throw error;
  }
}
