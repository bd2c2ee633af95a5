import { describe, expect, it } from "vitest";
import { buildReaderParagraphs } from "./segments";

const flat = (ps: ReturnType<typeof buildReaderParagraphs>) =>
  ps.map((p) => p.pieces.map((x) => (x.kind === "highlight" ? `[${x.runs.map((r) => r.text).join("")}]` : x.runs.map((r) => r.text).join(""))).join(""));

describe("buildReaderParagraphs", () => {
  it("splits paragraphs and highlights annotated spans", () => {
    const text = "One two. Three four.\n\nFive six.";
    const ps = buildReaderParagraphs(text, [{ start: 9, end: 20 }]);
    expect(flat(ps)).toEqual(["One two. [Three four.]", "Five six."]);
  });

  it("continues a highlight across a paragraph break and marks the continuation", () => {
    const text = "Intro. ‘Quote one.\n\nQuote two.’ After.";
    const start = text.indexOf("‘");
    const end = text.indexOf("’") + 1;
    const ps = buildReaderParagraphs(text, [{ start, end }]);
    expect(flat(ps)).toEqual(["Intro. [‘Quote one.]", "[Quote two.’] After."]);
    const pieces = ps.flatMap((p) => p.pieces).filter((p) => p.kind === "highlight");
    expect(pieces.map((p) => p.kind === "highlight" && p.first)).toEqual([true, false]);
  });

  it("keeps emphasis runs inside and outside highlights", () => {
    const text = "Read The Telegraph today.";
    const ps = buildReaderParagraphs(text, [{ start: 0, end: 9 }], [{ start: 5, end: 18 }]);
    const runs = ps[0].pieces.flatMap((p) => p.runs);
    expect(runs.map((r) => [r.text, r.emphasis])).toEqual([
      ["Read ", false],
      ["The ", true],
      ["Telegraph", true],
      [" today.", false],
    ]);
  });

  it("drops an overlapping or out-of-range annotation instead of rendering it wrongly", () => {
    const text = "abcdefghij";
    const ps = buildReaderParagraphs(text, [{ start: 0, end: 5 }, { start: 3, end: 8 }, { start: 8, end: 20 }]);
    expect(flat(ps)).toEqual(["[abcde]fghij"]);
  });

  it("keeps the first of two overlapping approved spans (a revision pending on one) and renders the rest as text", () => {
    // A approved on [0,10) and later split (its revision pending), B approved on the other half [5,10).
    const text = "abcdefghij\n\nklm";
    const a = { id: "a", start: 0, end: 10 };
    const b = { id: "b", start: 5, end: 10 };
    const same = { id: "c", start: 0, end: 10 };
    const ps = buildReaderParagraphs(text, [b, a, same, { id: "d", start: 2, end: 4 }]);
    expect(flat(ps)).toEqual(["[abcdefghij]", "klm"]);
    expect(ps[0].pieces).toEqual([expect.objectContaining({ kind: "highlight", annotation: a, first: true })]);
    // Across a paragraph break, a later overlapping span is dropped too.
    const across = buildReaderParagraphs(text, [{ start: 8, end: 15 }, { start: 12, end: 14 }]);
    expect(flat(across)).toEqual(["abcdefgh[ij]", "[klm]"]);
  });
});
