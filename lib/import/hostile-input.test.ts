import { describe, expect, it } from "vitest";
import { prepareImport, type ImportPreparation } from "./prepare-import";
import { HOSTILE_INPUTS } from "./testing/hostile-inputs";
import { doublingRatio } from "./testing/linearity";

const SIZE = 200_000; // bytes; the doubled input is 400 KB (bench/hostile-input.ts runs them at 2 MB)

const input = (name: string) => HOSTILE_INPUTS.find((i) => i.fileName === name)!;
const importFile = (fileName: string, text: string): ImportPreparation =>
  prepareImport({ file: { name: fileName, bytes: new TextEncoder().encode(text) }, text: "" });
const ok = (r: ImportPreparation) => {
  if (!r.ok) throw new Error(`refused: ${r.message}`);
  return r;
};

describe("hostile import files (issue 11) give the right result", () => {
  it("a Markdown line of spaces", () => {
    const r = ok(importFile("spaces.md", input("spaces.md").make(SIZE)));
    expect(r.prepared.title).toBe("Spaces");
    expect(r.prepared.text).toBe("The end.");
  });

  it("a run of `[`", () => {
    const file = input("brackets.md").make(SIZE);
    const r = ok(importFile("brackets.md", file));
    expect(r.prepared.text).toBe(file.slice("Brackets\n\n".length));
    expect(r.prepared.statements).toHaveLength(1);
  });

  it("short sentences in one paragraph: one statement each", () => {
    const file = input("sentences.txt").make(SIZE);
    const r = ok(importFile("sentences.txt", file));
    const count = file.split(". ").length;
    expect(r.prepared.statements).toHaveLength(count);
    expect(r.prepared.statements.every((s) => r.prepared.text.slice(s.start, s.end) === "Ab cd.")).toBe(true);
  });

  it("one-word lines: one paragraph and statement each", () => {
    const file = input("lines.txt").make(60_000);
    const r = ok(importFile("lines.txt", file));
    expect(r.prepared.statements).toHaveLength(file.split("\n").length - 3);
    expect(r.prepared.text.startsWith("Ab\n\nAb\n\n")).toBe(true);
  });

  it("more statements than an article may have (one-word lines at 200 KB): refused with the count", () => {
    const r = importFile("lines.txt", input("lines.txt").make(SIZE));
    expect(r).toMatchObject({ ok: false, field: "file" });
    expect(!r.ok && r.message).toMatch(/splits into 66,6\d\d statements; an article may have at most 30,000.*Nothing was imported/);
  });

  it("curly and straight quote marks: one statement", () => {
    const file = input("quotes.txt").make(SIZE);
    const r = ok(importFile("quotes.txt", file));
    expect(r.prepared.text).toBe(file.slice("Quotes\n\n".length));
    expect(r.prepared.statements).toEqual([{ start: 0, end: r.prepared.text.length }]);
  });

  it("emphasis markers that never close stay as text", () => {
    const file = input("emphasis.md").make(SIZE);
    const r = ok(importFile("emphasis.md", file));
    expect(r.prepared.text).toBe(file.slice("Emphasis\n\n".length).trim());
    expect(r.prepared.emphasis).toEqual([]);
  });

  it("HTML nested 20,000 <div> deep is refused with a message", () => {
    const r = importFile("nested.html", "<div>".repeat(20_000) + "Deep.");
    expect(r).toMatchObject({ ok: false, field: "file" });
    expect(!r.ok && r.message).toMatch(/nests more than 1,000 elements deep.*Nothing was imported/);
  });

  it("40,000 unclosed <b> tags: the text inside them", () => {
    const r = ok(importFile("unclosed.html", `<h1>Bold</h1><p>${"<b>".repeat(40_000)}Text.</p>`));
    expect(r.title).toBe("Bold");
    expect(r.prepared.text).toBe("Text.");
  });

  it("ordinary prose: well-formed statements covering the text", () => {
    const r = ok(importFile("prose.txt", input("prose.txt").make(SIZE)));
    const s = r.prepared.statements;
    expect(s.length).toBeGreaterThan(1000);
    for (let i = 1; i < s.length; i++) expect(s[i].start).toBeGreaterThanOrEqual(s[i - 1].end);
  });
});

describe("hostile import files take linear time: a doubled input takes < 3x as long", () => {
  for (const hostile of HOSTILE_INPUTS) {
    it(hostile.name, () => {
      const bytes = (size: number) => new TextEncoder().encode(hostile.make(size));
      const run = (file: Uint8Array) => prepareImport({ file: { name: hostile.fileName, bytes: file }, text: "" });
      const size = hostile.testBytes ?? SIZE;
      const single = bytes(size);
      const doubled = bytes(2 * size);
      // Measured again (up to three times) only if a busy machine pushed it over: a quadratic pass stays near 4.
      let ratio = doublingRatio(run, single, doubled);
      for (let attempt = 1; attempt < 3 && ratio >= 3; attempt++) ratio = Math.min(ratio, doublingRatio(run, single, doubled));
      expect(ratio).toBeLessThan(3);
    });
  }
});
