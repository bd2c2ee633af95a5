/**
 * Limits of the import pipeline. Every pass is linear in its input; what could still grow without bound (how deep
 * HTML nests) is capped here, and input past a cap is refused with a message a reviewer can act on.
 */

/** Open block-level HTML elements at once. Browsers stop nesting deeper than 512; real articles stay far below. */
export const MAX_HTML_DEPTH = 1000;

/** Thrown by the pure import functions for input they refuse; `message` is meant for the reviewer. */
export class ImportRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportRefusedError";
  }
}

/**
 * Proposed statements in one article. A 2 MB article of ordinary news prose has about 15,000; far more means text that
 * is not prose (a word or two per line), which would make a workspace nobody can review and a write that holds the
 * database for seconds.
 */
export const MAX_ARTICLE_STATEMENTS = 30_000;
