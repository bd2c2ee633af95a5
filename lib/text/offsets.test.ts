import { describe, it, expect } from "vitest";
import { codePointLength, codePointToUtf16, utf16ToCodePoint } from "./offsets";

const text = "I ❤️ 👩‍👩‍👧 fact-checks 🦜!";

describe("offsets", () => {
  it("counts code points", () => {
    expect(codePointLength(text)).toBe([...text].length);
    expect(codePointLength("")).toBe(0);
    expect(codePointLength("abc")).toBe(3);
  });

  it("round-trips every character boundary", () => {
    let utf16 = 0;
    [...text].forEach((ch, cp) => {
      expect(utf16ToCodePoint(text, utf16)).toBe(cp);
      expect(codePointToUtf16(text, cp)).toBe(utf16);
      utf16 += ch.length;
    });
    expect(utf16ToCodePoint(text, text.length)).toBe(codePointLength(text));
    expect(codePointToUtf16(text, codePointLength(text))).toBe(text.length);
  });

  it("converts offsets around astral characters", () => {
    const parrot = text.indexOf("🦜");
    expect(text.slice(parrot, parrot + 2)).toBe("🦜");
    const cp = utf16ToCodePoint(text, parrot);
    expect([...text][cp]).toBe("🦜");
    expect(utf16ToCodePoint(text, parrot + 2)).toBe(cp + 1);
    expect(codePointToUtf16(text, cp + 1)).toBe(parrot + 2);
  });

  it("snaps an offset inside a surrogate pair back to the start of its character", () => {
    const parrot = text.indexOf("🦜");
    expect(utf16ToCodePoint(text, parrot + 1)).toBe(utf16ToCodePoint(text, parrot));
  });

  it("counts a lone surrogate as one code point", () => {
    expect(codePointLength("a\ud83eb")).toBe(3);
    expect(utf16ToCodePoint("a\udd9cb", 2)).toBe(2);
  });

  it("throws RangeError for out-of-range offsets", () => {
    expect(() => utf16ToCodePoint(text, -1)).toThrow(RangeError);
    expect(() => utf16ToCodePoint(text, text.length + 1)).toThrow(RangeError);
    expect(() => utf16ToCodePoint(text, 1.5)).toThrow(RangeError);
    expect(() => codePointToUtf16(text, -1)).toThrow(RangeError);
    expect(() => codePointToUtf16(text, codePointLength(text) + 1)).toThrow(RangeError);
  });
});
