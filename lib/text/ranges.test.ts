import { describe, expect, it } from "vitest";
import { trimRange } from "./ranges";

describe("trimRange", () => {
  it("drops leading and trailing whitespace, newlines included", () => {
    const text = "  One.\n Two. ";
    expect(trimRange(text, 0, text.length)).toEqual({ start: 2, end: 12 });
  });

  it("returns an empty range at the end of the whitespace for an all-blank span", () => {
    expect(trimRange("a   b", 1, 4)).toEqual({ start: 4, end: 4 });
  });

  it("leaves an already trimmed range alone", () => {
    expect(trimRange("abc", 1, 2)).toEqual({ start: 1, end: 2 });
  });
});
