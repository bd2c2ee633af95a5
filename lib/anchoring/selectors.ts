/**
 * W3C Web Annotation selectors for a span of an article's canonical text.
 *
 * Inputs are the app's UTF-16 offsets, half-open `[start, end)`. `TextPositionSelector` counts Unicode code points,
 * as the W3C model requires. Offsets that split a surrogate pair are widened to whole characters, so the quote and the
 * position always describe the same span.
 */
import { countCodePoints, moveBackCodePoints, moveForwardCodePoints, snapToCodePointBoundary } from "./codepoints";

export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: "TextPositionSelector";
  /** Code points from the start of the text. */
  start: number;
  /** Code points from the start of the text (exclusive). */
  end: number;
}

export const DEFAULT_QUOTE_CONTEXT = 32;

function checkRange(text: string, start: number, end: number): { start: number; end: number } {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) {
    throw new RangeError(`Invalid text range [${start}, ${end}) for a text of length ${text.length}`);
  }
  return {
    start: snapToCodePointBoundary(text, start, "backward"),
    end: snapToCodePointBoundary(text, end, "forward"),
  };
}

/** `exact` plus up to `context` code points of prefix and suffix; never cuts a surrogate pair. */
export function buildTextQuoteSelector(
  text: string,
  start: number,
  end: number,
  context: number = DEFAULT_QUOTE_CONTEXT,
): TextQuoteSelector {
  const range = checkRange(text, start, end);
  const n = Math.max(0, Math.floor(context));
  return {
    type: "TextQuoteSelector",
    exact: text.slice(range.start, range.end),
    prefix: text.slice(moveBackCodePoints(text, range.start, n), range.start),
    suffix: text.slice(range.end, moveForwardCodePoints(text, range.end, n)),
  };
}

/** The span in code points (the W3C model's unit), converted from UTF-16 offsets. */
export function buildTextPositionSelector(text: string, start: number, end: number): TextPositionSelector {
  const range = checkRange(text, start, end);
  const cpStart = countCodePoints(text, 0, range.start);
  return {
    type: "TextPositionSelector",
    start: cpStart,
    end: cpStart + countCodePoints(text, range.start, range.end),
  };
}
