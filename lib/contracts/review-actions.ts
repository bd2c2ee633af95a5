/** What the reviewer workspace's server actions answer with (the `T` of their ActionState<T>). */
import type { SourceDTO } from "@/lib/domain/types";
import type { ImportPreviewDTO } from "./workspace";

/** The import form's fields as typed (or as converted from an uploaded file). */
export interface ImportValues {
  title: string;
  outlet: string;
  byline: string;
  originalUrl: string;
  publishedDate: string;
  language: string;
  text: string;
}

export const EMPTY_IMPORT_VALUES: ImportValues = { title: "", outlet: "", byline: "", originalUrl: "", publishedDate: "", language: "en", text: "" };

export interface ImportPreviewResult {
  values: ImportValues;
  preview: ImportPreviewDTO;
  /** Set when a file was read: where its text went. */
  note?: string;
}

export interface SavedAnnotation {
  version: number;
  savedAt: number;
}

/** Split, merge and "make this a statement" answer with the statement to open next. */
export interface StatementToOpen {
  statementId: string;
}

export interface SourceSuggestions {
  sources: SourceDTO[];
}
