/**
 * Private helpers for converting between JavaScript string offsets (UTF-16 code units, what the app stores) and
 * Unicode code points (what the W3C Web Annotation model counts). Kept here, not shared, on purpose.
 */

export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

/** Moves an offset that splits a surrogate pair to the pair's start ("backward") or end ("forward"). */
export function snapToCodePointBoundary(text: string, offset: number, direction: "backward" | "forward"): number {
  if (!splitsSurrogatePair(text, offset)) return offset;
  return direction === "backward" ? offset - 1 : offset + 1;
}

/** Number of code points in `text.slice(from, to)`; a lone surrogate counts as one. */
export function countCodePoints(text: string, from = 0, to = text.length): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    count++;
    if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < to && isLowSurrogate(text.charCodeAt(i + 1))) i++;
  }
  return count;
}

/** UTF-16 offset → code-point offset. An offset inside a surrogate pair counts the whole pair. */
export function utf16ToCodePoint(text: string, offset: number): number {
  return countCodePoints(text, 0, snapToCodePointBoundary(text, offset, "forward"));
}

/** Code-point offset → UTF-16 offset (clamped to the end of the text). */
export function codePointToUtf16(text: string, codePoint: number): number {
  let cp = 0;
  let i = 0;
  while (i < text.length && cp < codePoint) {
    i += isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
    cp++;
  }
  return i;
}

/** UTF-16 offset `count` code points before `offset` (never splitting a pair). */
export function moveBackCodePoints(text: string, offset: number, count: number): number {
  let i = offset;
  for (let n = 0; n < count && i > 0; n++) {
    i -= i >= 2 && isLowSurrogate(text.charCodeAt(i - 1)) && isHighSurrogate(text.charCodeAt(i - 2)) ? 2 : 1;
  }
  return i;
}

/** UTF-16 offset `count` code points after `offset` (never splitting a pair). */
export function moveForwardCodePoints(text: string, offset: number, count: number): number {
  let i = offset;
  for (let n = 0; n < count && i < text.length; n++) {
    i += isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1)) ? 2 : 1;
  }
  return i;
}
