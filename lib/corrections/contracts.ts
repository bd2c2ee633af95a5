/** Inputs and outputs of a correction of an article's text (client and server share them). */
import { z } from "zod";
import type { WordDiffPart } from "@/lib/anchoring/text-diff";
import type { WorkflowState } from "@/lib/domain/types";
import { MAX_ARTICLE_TEXT_LENGTH } from "@/lib/validation/review";

const Id = z.string().min(1).max(64);
export const MAX_CORRECTION_REASON_LENGTH = 500;

export const CorrectionPreviewSchema = z.object({
  articleId: Id,
  text: z.string().max(MAX_ARTICLE_TEXT_LENGTH + 1000),
  file: z.object({ name: z.string().max(300), bytes: z.instanceof(Uint8Array) }).optional(),
});
export type CorrectionPreviewInput = z.input<typeof CorrectionPreviewSchema>;

export const CorrectionConfirmSchema = z.object({
  articleId: Id,
  /** The text as previewed (the pasted text, or the file's converted text), normalised again on confirm. */
  text: z.string().max(MAX_ARTICLE_TEXT_LENGTH + 1000),
  reason: z
    .string()
    .trim()
    .min(1, "Say briefly what changed and why (readers see it in the corrections log).")
    .max(MAX_CORRECTION_REASON_LENGTH, `At most ${MAX_CORRECTION_REASON_LENGTH} characters.`),
  fromRevision: z.number().int().min(1),
  fromHash: z.string().min(1).max(128),
  toHash: z.string().min(1).max(128),
  fingerprint: z.string().min(1).max(128),
});
export type CorrectionConfirmInput = z.input<typeof CorrectionConfirmSchema>;

export type CorrectionOutcomeKind = "unchanged" | "moved" | "changed" | "orphaned";

export interface CorrectionOutcomeDTO {
  annotationId: string;
  kind: CorrectionOutcomeKind;
  oldQuote: string;
  /** The span's text in the corrected version; null when orphaned. */
  newQuote: string | null;
  /** Word diff old → new quote, for "changed". */
  diff: WordDiffPart[] | null;
  score: number | null;
  claimType: string;
  status: string;
  workflowState: WorkflowState;
  /** Readers see an approved version of it. */
  published: boolean;
}

export interface CorrectionPreviewDTO {
  articleId: string;
  slug: string;
  title: string;
  fromRevision: number;
  fromHash: string;
  toHash: string;
  fingerprint: string;
  /** The submitted text (a file's converted text), sent back on confirm. */
  text: string;
  outcomes: CorrectionOutcomeDTO[];
  newStatements: Array<{ start: number; end: number; text: string }>;
  counts: Record<CorrectionOutcomeKind, number> & { dropped: number; proposed: number };
}
