/** Reviewer-facing names of a correction's outcomes (no zod: client components import this). */
import type { CorrectionOutcomeKind } from "./contracts";

export const OUTCOME_LABELS: Record<CorrectionOutcomeKind, string> = {
  unchanged: "Unchanged",
  moved: "Moved (same wording)",
  changed: "Wording changed: back to review",
  orphaned: "No longer in the article",
};
