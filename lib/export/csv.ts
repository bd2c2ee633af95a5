/**
 * CSV export (RFC 4180): CRLF line endings; a field is quoted when it contains a comma, a double quote, CR or LF,
 * with quotes doubled. Text cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) get
 * a leading single quote.
 */
import type { PublicAnnotationDTO, PublicArticleDTO } from "@/lib/domain/types";
import { buildTextPositionSelector } from "@/lib/anchoring/selectors";
import { annotationPermalink, type ExportContext } from "./config";
import { normalizeHttpUrl, orderedChain, orderedEvidence, toXsdDateTime } from "./values";

export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8; header=present";

export type CsvCell = string | number | null | undefined;

export interface CsvOptions {
  /** Neutralise spreadsheet formulas in text cells (default true). */
  protectFormulas?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** One field, escaped. Numbers are written as they are; null/undefined as an empty field. */
export function csvField(value: CsvCell, opts: CsvOptions = {}): string {
  if (value === null || value === undefined) return "";
  let field = typeof value === "number" ? String(value) : value;
  if (typeof value === "string" && (opts.protectFormulas ?? true) && FORMULA_START.test(field)) field = `'${field}`;
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}

/** A whole CSV document: the header row, then the rows; every record ends with CRLF. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[], opts: CsvOptions = {}): string {
  return [header, ...rows].map((row) => row.map((cell) => csvField(cell, opts)).join(",") + "\r\n").join("");
}

export const ANNOTATION_CSV_HEADER = [
  "annotation_id",
  "permalink",
  "statement",
  "start",
  "end",
  "claim_type",
  "status",
  "attribution_text",
  "speaker",
  "speaker_role",
  "claim_date",
  "provenance_chain",
  "evidence_urls",
  "rationale",
  "author",
  "approver",
  "approved_at",
] as const;

/**
 * One row per annotation, in the order given. `start`/`end` are Unicode code points (as in the Web Annotation
 * TextPositionSelector, and as Python and most spreadsheets count), not JavaScript UTF-16 offsets.
 */
export function toAnnotationsCsv(
  article: PublicArticleDTO,
  annotations: readonly PublicAnnotationDTO[],
  ctx: ExportContext,
): string {
  const rows = annotations.map((a) => {
    const position = positionOf(article.text, a);
    return [
      a.id,
      annotationPermalink(ctx, article.slug, a.id),
      a.quote.exact,
      position?.start ?? null,
      position?.end ?? null,
      a.claimType.label,
      a.status.label,
      a.attributionText,
      a.speakerName,
      a.speakerRole,
      a.claimDate,
      orderedChain(a.chain)
        .map((hop) => hop.source.name)
        .join(" → "),
      orderedEvidence(a.evidence)
        .map((e) => normalizeHttpUrl(e.url) ?? e.url)
        .join(" "),
      a.rationale,
      a.author.name,
      a.approver?.name ?? null,
      a.approvedAt ? toXsdDateTime(a.approvedAt) : null,
    ];
  });
  return toCsv(ANNOTATION_CSV_HEADER, rows);
}

function positionOf(text: string, a: PublicAnnotationDTO): { start: number; end: number } | null {
  if (a.start < 0 || a.end > text.length || a.start > a.end) return null;
  return buildTextPositionSelector(text, a.start, a.end);
}
