import { describe, expect, it } from "vitest";
import { textChunks } from "./text-chunks";

describe("textChunks", () => {
  it("cuts a text into pieces of at most the size that join back into it", () => {
    const text = "The council counted 1,204 permits. ".repeat(100);
    const chunks = textChunks(text, 64);
    expect(chunks.join("")).toBe(text);
    expect(Math.max(...chunks.map((c) => c.length))).toBe(64);
    expect(chunks).toHaveLength(Math.ceil(text.length / 64));
  });

  it("never separates the halves of a surrogate pair, so each piece is valid UTF-16 on its own", () => {
    const text = "a😀😀b😀".repeat(50);
    for (const size of [2, 3, 4, 7]) {
      const chunks = textChunks(text, size);
      expect(chunks.join("")).toBe(text);
      for (const c of chunks) {
        expect(c.length).toBeLessThanOrEqual(size);
        expect(new TextDecoder().decode(new TextEncoder().encode(c))).toBe(c);
      }
    }
  });

  it("gives no piece for an empty text and refuses a size that cannot hold a pair", () => {
    expect(textChunks("", 10)).toEqual([]);
    expect(() => textChunks("abc", 1)).toThrow(RangeError);
  });
});
