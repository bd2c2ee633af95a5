import { describe, expect, it } from "vitest";
import { buildReaderParagraphs } from "./segments";
import { pageOfStatement, workspacePages } from "./workspace-pages";

/** Paragraphs of `perParagraph` two-word sentences, each sentence a statement. */
function article(paragraphs: number, perParagraph: number) {
  const text = Array.from({ length: paragraphs }, (_, p) => Array.from({ length: perParagraph }, (_, s) => `P${p} s${s}.`).join(" ")).join("\n\n");
  const statements = [...text.matchAll(/P\d+ s\d+\./g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
  return { text, statements };
}

describe("workspacePages", () => {
  it("a short article is one page with everything", () => {
    const { text, statements } = article(3, 4);
    expect(workspacePages(text, statements, 300)).toEqual([{ start: 0, end: text.length, first: 0, last: 12 }]);
  });

  it("breaks at paragraph boundaries once a page has enough statements; the pages cover the text", () => {
    const { text, statements } = article(10, 4);
    const pages = workspacePages(text, statements, 10);
    expect(pages.map((p) => [p.first, p.last])).toEqual([
      [0, 12],
      [12, 24],
      [24, 36],
      [36, 40],
    ]);
    expect(pages[0].start).toBe(0);
    expect(pages.at(-1)!.end).toBe(text.length);
    for (let i = 1; i < pages.length; i++) expect(pages[i].start).toBe(pages[i - 1].end);
    expect(text.slice(pages[1].start).startsWith("P3 s0.")).toBe(true);
    // Each page renders its own paragraphs, with absolute offsets.
    const shown = buildReaderParagraphs(text, statements, [], pages[1]);
    expect(shown.map((p) => text.slice(p.start, p.start + 2))).toEqual(["P3", "P4", "P5"]);
    expect(shown[0].pieces[0]).toMatchObject({ kind: "highlight", first: true, annotation: statements[12] });
  });

  it("never breaks inside a statement that crosses a paragraph break", () => {
    const { text, statements } = article(4, 3);
    const crossing = { start: statements[5].start, end: statements[6].end }; // end of paragraph 1 + start of 2
    const merged = [...statements.slice(0, 5), crossing, ...statements.slice(7)];
    const pages = workspacePages(text, merged, 6);
    for (const page of pages) expect(merged.some((s) => s.start < page.start && s.end > page.start)).toBe(false);
    expect(pages.map((p) => [p.first, p.last])).toEqual([
      [0, 8],
      [8, 11],
    ]);
  });

  it("finds the page of a statement", () => {
    const { text, statements } = article(10, 4);
    const pages = workspacePages(text, statements, 10);
    expect(pageOfStatement(pages, statements[0].start)).toBe(0);
    expect(pageOfStatement(pages, statements[11].start)).toBe(0);
    expect(pageOfStatement(pages, statements[12].start)).toBe(1);
    expect(pageOfStatement(pages, statements[39].start)).toBe(3);
  });
});
