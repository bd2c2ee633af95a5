/** Anchoring an annotation to article text: W3C selectors, and re-anchoring with a score threshold. */
export {
  buildTextQuoteSelector,
  buildTextPositionSelector,
  DEFAULT_QUOTE_CONTEXT,
  type TextQuoteSelector,
  type TextPositionSelector,
} from "./selectors";
export {
  reanchorAnnotation,
  DEFAULT_MIN_SCORE,
  SHORT_QUOTE_LENGTH,
  type AnchorQuote,
  type ReanchorMethod,
  type ReanchorOptions,
  type ReanchorResult,
} from "./reanchor";
export {
  reanchorToRevision,
  prepareRevision,
  reanchorThroughRevision,
  type PreparedRevision,
  type RevisionOptions,
  type RevisionOutcome,
  type RevisionOutcomeKind,
} from "./reanchor-revision";
export { diffText, diffWords, wordDiffFrom, type TextDiff, type WordDiffOp, type WordDiffPart } from "./text-diff";
