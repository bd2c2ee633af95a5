import { describe, expect, it } from "vitest";
import { alignInWindow, levenshtein, similarity } from "./similarity";

describe("levenshtein / similarity", () => {
  it("computes edit distances", () => {
    expect(levenshtein("kitten", "sitting")).toBe(3);
    expect(levenshtein("", "abc")).toBe(3);
    expect(levenshtein("same", "same")).toBe(0);
    expect(similarity("", "")).toBe(1);
    expect(similarity("abcd", "abed")).toBe(0.75);
  });
});

describe("alignInWindow", () => {
  it("finds the closest substring of the window", () => {
    const text = "xxxx signed in 1999, shortly after yyyy";
    const aligned = alignInWindow("signed in 1998, shortly after", text, 0, text.length);
    expect(text.slice(aligned.start, aligned.end)).toBe("signed in 1999, shortly after");
    expect(aligned.distance).toBe(1);
  });

  it("respects the window bounds", () => {
    const text = "needle ........ needle";
    const aligned = alignInWindow("needle", text, 8, text.length);
    expect(aligned).toEqual({ start: 16, end: 22, distance: 0 });
  });
});
