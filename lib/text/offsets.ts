/**
 * Offset conversion between the two ways of counting characters we deal with.
 *
 * The app stores every offset as a JavaScript string index: UTF-16 code units, half-open `[start, end)`. The W3C Web
 * Annotation model (TextPositionSelector) counts Unicode code points instead. The two differ for every character
 * outside the Basic Multilingual Plane (most emoji, e.g. 🦜 is one code point but two UTF-16 units), so exports and
 * imports must convert.
 *
 * An offset that falls between the two halves of a surrogate pair does not name a character boundary; it snaps back
 * to the start of that character (the code point containing it). Offsets that are negative, not integers, or beyond
 * the end of the text throw a RangeError.
 */

function assertOffset(offset: number, max: number, what: string): void {
  if (!Number.isInteger(offset) || offset < 0 || offset > max) {
    throw new RangeError(`${what} ${offset} is out of range [0, ${max}]`);
  }
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Number of Unicode code points in `text` (a lone surrogate counts as one). */
export function codePointLength(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    if (!(isLowSurrogate(text.charCodeAt(i)) && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) count++;
  }
  return count;
}

/** Converts a UTF-16 offset into a code point offset; a mid-surrogate-pair offset snaps back to its character's start. */
export function utf16ToCodePoint(text: string, offset: number): number {
  assertOffset(offset, text.length, "UTF-16 offset");
  const insidePair =
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset));
  return codePointLength(text.slice(0, insidePair ? offset - 1 : offset));
}

/** Converts a code point offset into a UTF-16 offset. */
export function codePointToUtf16(text: string, cpOffset: number): number {
  assertOffset(cpOffset, codePointLength(text), "Code point offset");
  let i = 0;
  for (let cp = 0; cp < cpOffset; cp++) {
    const pair = isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1));
    i += pair ? 2 : 1;
  }
  return i;
}
