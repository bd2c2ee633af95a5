/**
 * zod schemas for the reviewer workspace: import, annotation form, workflow actions, statement edits.
 * Shared by server actions (public endpoints) and the data layer. Messages are written for the person filling the form.
 */
import { z } from "zod";

export const MAX_TITLE_LENGTH = 300;
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_ARTICLE_TEXT_LENGTH = 2_000_000;
export const MAX_RATIONALE_LENGTH = 20_000;
export const MAX_CHAIN_HOPS = 12;
export const MAX_EVIDENCE_LINKS = 20;

/** Empty strings (after trimming) become null, so optional fields are stored as "not recorded". */
const optionalText = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label} must be at most ${max} characters.`)
    .nullish()
    .transform((v) => {
      const t = v?.trim();
      return t ? t : null;
    });

/** An http: or https: URL, or nothing. `javascript:`, `data:` and every other scheme are refused. */
export const optionalHttpUrl = (label: string) =>
  z
    .string()
    .max(2000, `${label} must be at most 2000 characters.`)
    .nullish()
    .transform((v, ctx) => {
      const t = v?.trim();
      if (!t) return null;
      if (!isHttpUrl(t)) {
        ctx.addIssue({ code: "custom", message: `${label} must be a web address starting with http:// or https://.` });
        return z.NEVER;
      }
      return t;
    });

export const requiredHttpUrl = (label: string) =>
  optionalHttpUrl(label).transform((v, ctx) => {
    if (v === null) {
      ctx.addIssue({ code: "custom", message: `${label} is required.` });
      return z.NEVER;
    }
    return v;
  });

export function isHttpUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
}

/** "2021", "2021-06" or "2021-06-27" (a real calendar date). */
export const PARTIAL_DATE_RE = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;

export function isPartialDate(value: string): boolean {
  const m = PARTIAL_DATE_RE.exec(value);
  if (!m) return false;
  if (!m[3]) return true;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCDate() === Number(m[3]);
}

export const optionalPartialDate = (label: string) =>
  z
    .string()
    .max(10, `${label} must be a date like 2025-06-27, 2025-06 or 2021.`)
    .nullish()
    .transform((v, ctx) => {
      const t = v?.trim();
      if (!t) return null;
      if (!isPartialDate(t)) {
        ctx.addIssue({ code: "custom", message: `${label} must be a date like 2025-06-27, 2025-06 or 2021.` });
        return z.NEVER;
      }
      return t;
    });

const id = z.string().trim().min(1, "Missing identifier.").max(64, "Invalid identifier.");

// ---------------------------------------------------------------------------------------------------------------
// Import

export const ArticleMetaSchema = z.object({
  title: z
    .string()
    .nullish()
    .transform((v) => v?.trim() ?? "")
    .pipe(z.string().max(MAX_TITLE_LENGTH, `Title must be at most ${MAX_TITLE_LENGTH} characters.`)),
  outlet: optionalText(200, "Outlet"),
  byline: optionalText(300, "Byline"),
  originalUrl: optionalHttpUrl("Original URL"),
  publishedDate: optionalPartialDate("Published"),
  language: z
    .string()
    .nullish()
    .transform((v) => (v?.trim() ? v.trim() : "en"))
    .pipe(z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, "Language must be a language code such as en, de or pt-BR.")),
});

export const ImportArticleSchema = ArticleMetaSchema.extend({
  text: z
    .string()
    .max(MAX_ARTICLE_TEXT_LENGTH, "The article text is too long (at most 2,000,000 characters).")
    .refine((v) => v.trim() !== "", "The article text is empty. Paste the text or choose a file."),
});
export type ImportArticleInput = z.input<typeof ImportArticleSchema>;
export type ImportArticleData = z.output<typeof ImportArticleSchema>;

export type ImportFileResult = { ok: true; text: string; kind: "text" | "markdown" | "html" } | { ok: false; message: string };

/**
 * Turns an uploaded file's bytes into text, or refuses it: over 2 MB, not UTF-8, contains NUL bytes, or a type
 * other than .txt, .md or .html. The HTML is converted by the caller (html-to-text), this only decides the kind.
 */
export function decodeImportFile(name: string, bytes: Uint8Array): ImportFileResult {
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { ok: false, message: "The file is larger than 2 MB. Import a smaller file or paste the text." };
  const lower = name.toLowerCase();
  const kind = /\.(txt|text)$/.test(lower) ? "text" : /\.(md|markdown)$/.test(lower) ? "markdown" : /\.(html?|xhtml)$/.test(lower) ? "html" : null;
  if (!kind) return { ok: false, message: "Choose a .txt, .md or .html file." };
  if (bytes.includes(0)) return { ok: false, message: "The file looks binary (it contains NUL bytes). Choose a plain text, Markdown or HTML file." };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, message: "The file is not valid UTF-8 text (it looks binary). Save it as UTF-8 text and try again." };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Control characters other than tab/newline/carriage return/form feed are another sign of a binary file.
  // oxlint-disable-next-line no-control-regex -- counting control characters is the point of this check
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > 0 && controls > text.length / 1000) return { ok: false, message: "The file looks binary (it contains control characters). Choose a plain text, Markdown or HTML file." };
  if (text.trim() === "") return { ok: false, message: "The file is empty." };
  return { ok: true, text, kind };
}

// ---------------------------------------------------------------------------------------------------------------
// Annotation form

export const SOURCE_KINDS = ["government", "news_outlet", "wire_agency", "person", "organisation", "ngo", "document", "social_post"] as const;
export const SPEAKER_KINDS = ["person", "organisation"] as const;
export const STANCES = ["supports", "refutes", "context"] as const;

export const HopSchema = z.object({
  sourceId: z
    .string()
    .max(64)
    .nullish()
    .transform((v) => (v?.trim() ? v.trim() : null)),
  name: z.string().trim().min(1, "Source name is required.").max(300, "Source name must be at most 300 characters."),
  kind: z.enum(SOURCE_KINDS, "Choose the kind of source."),
  url: optionalHttpUrl("Source URL"),
  date: optionalPartialDate("Source date"),
  note: optionalText(1000, "Note"),
});

export const EvidenceSchema = z.object({
  url: requiredHttpUrl("Evidence URL"),
  title: optionalText(300, "Evidence title").transform((v) => v ?? ""),
  stance: z.enum(STANCES, "Choose supports, refutes or context."),
  archivedUrl: optionalHttpUrl("Archived URL"),
  note: optionalText(1000, "Note"),
});

export const AnnotationFieldsSchema = z.object({
  claimTypeSlug: z.string().trim().min(1, "Choose a claim type.").max(100),
  statusSlug: z.string().trim().min(1, "Choose a verification status.").max(100),
  attributionText: optionalText(500, "Attribution"),
  speakerName: optionalText(300, "Speaker"),
  speakerKind: z
    .union([z.enum(SPEAKER_KINDS), z.literal("")], "Choose person or organisation.")
    .nullish()
    .transform((v) => (v ? v : null)),
  speakerRole: optionalText(300, "Role"),
  claimDate: optionalPartialDate("Claim date"),
  rationale: z
    .string()
    .max(MAX_RATIONALE_LENGTH, `Rationale must be at most ${MAX_RATIONALE_LENGTH} characters.`)
    .nullish()
    .transform((v) => v?.trim() ?? ""),
  chain: z.array(HopSchema).max(MAX_CHAIN_HOPS, `At most ${MAX_CHAIN_HOPS} hops.`).default([]),
  evidence: z.array(EvidenceSchema).max(MAX_EVIDENCE_LINKS, `At most ${MAX_EVIDENCE_LINKS} evidence links.`).default([]),
});
export type AnnotationFieldsInput = z.input<typeof AnnotationFieldsSchema>;
export type AnnotationFields = z.output<typeof AnnotationFieldsSchema>;

export const SaveAnnotationSchema = z.object({
  statementId: id,
  /** The version the reviewer started from; null when creating the statement's first annotation. */
  baseVersion: z.number().int().min(1).nullable(),
  intent: z.enum(["draft", "submit"]).default("draft"),
  fields: AnnotationFieldsSchema,
});
export type SaveAnnotationInput = z.input<typeof SaveAnnotationSchema>;

export const ReviewDecisionSchema = z.discriminatedUnion("decision", [
  z.object({
    decision: z.literal("approve"),
    annotationId: id,
    version: z.number().int().min(1),
    comment: optionalText(2000, "Comment"),
    /** The chain warnings the approver ticked (keys from lib/contracts/claims.ts chainWarningKey); every one is required. */
    acknowledgedWarnings: z.array(z.string().max(200)).max(50).default([]),
    /** Required (ConsistencyNoteSchema) when the verdict differs from the claim cluster's most recent published one. */
    consistencyNote: optionalText(2000, "Note"),
  }),
  z.object({
    decision: z.literal("return"),
    annotationId: id,
    version: z.number().int().min(1),
    comment: z
      .string()
      .nullish()
      .transform((v) => v?.trim() ?? "")
      .pipe(z.string().min(1, "Say why you are returning it: a comment is required.").max(2000, "Comment must be at most 2000 characters.")),
  }),
]);
export type ReviewDecisionInput = z.input<typeof ReviewDecisionSchema>;

export const SubmitAnnotationSchema = z.object({ annotationId: id, version: z.number().int().min(1) });

/** Deleting an annotation: version-checked, and only once the reviewer has confirmed it. */
export const DeleteAnnotationSchema = z.object({
  annotationId: id,
  version: z.number().int().min(1),
  confirmed: z.boolean().refine((v) => v, "Confirm that you want to delete this annotation: nothing was deleted."),
});
export type DeleteAnnotationInput = z.input<typeof DeleteAnnotationSchema>;

/** Asking a second reviewer to withdraw a published verdict: the reason is required (readers see it). */
export const RequestRemovalSchema = z.object({
  annotationId: id,
  version: z.number().int().min(1),
  reason: z
    .string()
    .nullish()
    .transform((v) => v?.trim() ?? "")
    .pipe(z.string().min(1, "Say why this verdict should be removed: readers will see the reason.").max(2000, "Reason must be at most 2000 characters.")),
});
export type RequestRemovalInput = z.input<typeof RequestRemovalSchema>;

/** Confirming or cancelling a pending request (removal or re-attachment): version-checked. */
export const PendingRequestDecisionSchema = z.object({ annotationId: id, version: z.number().int().min(1) });
export type PendingRequestDecisionInput = z.input<typeof PendingRequestDecisionSchema>;

/** Asking a second reviewer to re-attach an orphaned annotation to a statement of the current text. */
export const RequestReattachSchema = z.object({
  annotationId: id,
  version: z.number().int().min(1),
  statementId: z.string().trim().min(1, "Choose the statement to re-attach it to.").max(64, "Invalid identifier."),
});
export type RequestReattachInput = z.input<typeof RequestReattachSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Statements and articles

export const SplitStatementSchema = z.object({
  statementId: id,
  at: z.number().int().min(1, "Choose where to split."),
  /** Which part keeps the statement's annotation, if it has one. */
  keep: z.enum(["first", "second"]).default("first"),
  confirmed: z.boolean().default(false),
});

export const MergeStatementsSchema = z.object({
  firstId: id,
  secondId: id,
  confirmed: z.boolean().default(false),
});

export const SelectSpanSchema = z
  .object({
    articleId: id,
    start: z.number().int().min(0),
    end: z.number().int().min(1),
  })
  .refine((v) => v.end > v.start, { message: "Select some text first.", path: ["end"] });

export const ArticleStateChangeSchema = z.object({
  articleId: id,
  version: z.number().int().min(1),
  publish: z.boolean(),
  /** Publishing an article with no approved annotation needs this explicit confirmation (checked by the data layer). */
  confirmNoApproved: z.boolean().default(false),
});
export type ArticleStateChangeInput = z.input<typeof ArticleStateChangeSchema>;

export const NO_APPROVED_ANNOTATIONS_MESSAGE =
  "Nothing in this article is approved yet: readers would see it with no sourced statements. Confirm that you want to publish it anyway; it was not published.";

export const SourceQuerySchema = z.string().trim().max(100).default("");
