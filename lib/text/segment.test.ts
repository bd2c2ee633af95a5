import fs from "node:fs";
import path from "node:path";
import { describe, it, expect } from "vitest";
import { normalizeArticleText } from "./normalize";
import { proposeStatements, sentenceBounds, trackQuotes, MAX_MERGED_SENTENCES } from "./segment";

const statements = (text: string) => proposeStatements(text).map((r) => text.slice(r.start, r.end));

function expectWellFormed(text: string) {
  const ranges = proposeStatements(text);
  for (let i = 0; i < ranges.length; i++) {
    expect(ranges[i].end).toBeGreaterThan(ranges[i].start);
    if (i > 0) expect(ranges[i].start).toBeGreaterThanOrEqual(ranges[i - 1].end);
  }
}

describe("proposeStatements", () => {
  const raw = fs.readFileSync(path.resolve(__dirname, "../../prisma/demo/baltic-ottawa-withdrawal.txt"), "utf8");
  const article = normalizeArticleText(raw);
  const proposed = statements(article.text);

  it("keeps a quotation with its attribution", () => {
    expect(proposed).toContain(
      "‘This decision reflects our commitment to ensuring the safety and security of our nations,’ said a spokesperson for the Estonian foreign ministry.",
    );
  });

  it("keeps the Podlesny quotation together across the paragraph break", () => {
    const needle = "a stronger response from Moscow.\n\nThe Baltic states are playing into a narrative that could backfire on them.’";
    expect(proposed.filter((s) => s.includes(needle))).toHaveLength(1);
    expect(proposed).toContain("‘Landmines are a relic of the past,’ he stated in a 2021 interview.");
  });

  it("does not include the title", () => {
    expect(proposed.some((s) => s.includes(article.title))).toBe(false);
    expect(proposed[0].startsWith("The Baltic states—Estonia")).toBe(true);
  });

  it("treats ’ inside words and after plurals as an apostrophe", () => {
    expect(proposed).toContain(
      "With Russia’s military buildup near Ukraine and NATO’s expansion eastward, the Baltic states’ withdrawal from the Ottawa Convention may signal the beginning of a new era in European security—one defined not by the elimination of weapons of mass destruction, but by their renewed use in the name of deterrence.",
    );
    expectWellFormed(article.text);
  });

  it("merges a lowercase attribution after a closing quote", () => {
    expect(statements("She paused. ‘Is it?’ he asked. Nobody knew.")).toEqual([
      "She paused.",
      "‘Is it?’ he asked.",
      "Nobody knew.",
    ]);
    expect(statements("“Really?” she said. Yes.")).toEqual(["“Really?” she said.", "Yes."]);
  });

  it("merges sentences inside straight and curly double quotes", () => {
    expect(statements('He said: "We will go. We will win." Then he left.')).toEqual([
      'He said: "We will go. We will win."',
      "Then he left.",
    ]);
    expect(statements("“One. Two.” Three.")).toEqual(["“One. Two.”", "Three."]);
  });

  it("caps a merge at one paragraph break", () => {
    const text = "‘Open quote. Still open.\n\nSecond para.\n\nThird para. Fourth.";
    expect(statements(text)).toEqual(["‘Open quote. Still open.\n\nSecond para.", "Third para.", "Fourth."]);
    expectWellFormed(text);
  });

  it("caps a merge at MAX_MERGED_SENTENCES sentences and resets the quote state", () => {
    const sentences = Array.from({ length: 10 }, (_, i) => `Sentence ${i}.`);
    const text = "‘" + sentences.join(" ");
    const result = statements(text);
    expect(result[0]).toBe("‘" + sentences.slice(0, MAX_MERGED_SENTENCES).join(" "));
    expect(result.slice(1)).toEqual(sentences.slice(MAX_MERGED_SENTENCES));
  });

  it("returns nothing for empty or blank text", () => {
    expect(proposeStatements("")).toEqual([]);
    expect(proposeStatements(" \n\n ")).toEqual([]);
  });
});

describe("trackQuotes", () => {
  const open = (s: string) => trackQuotes(s, { start: 0, end: s.length });
  it("tracks curly and straight quotes", () => {
    expect(open("‘abc")).toEqual(["‘"]);
    expect(open("‘abc’")).toEqual([]);
    expect(open("‘Russia’s")).toEqual(["‘"]);
    expect(open("the states’ decision")).toEqual([]);
    expect(open("“a ‘b’")).toEqual(["“"]);
    expect(open('"a')).toEqual(['"']);
    expect(open('"a"')).toEqual([]);
  });
});

describe("sentenceBounds (segmenting a bounded window at a time)", () => {
  const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
  const whole = (text: string) => [...segmenter.segment(text)].map((s) => [s.index, s.index + s.segment.length]);

  it("finds the same sentences as segmenting the whole paragraph at once, with windows far smaller than it", () => {
    const raw = fs.readFileSync(path.resolve(__dirname, "../../prisma/demo/baltic-ottawa-withdrawal.txt"), "utf8");
    const paragraphs = normalizeArticleText(raw).text.split("\n\n");
    const long = paragraphs.join(" ") + " A sentence with no end" + " and on".repeat(400) + ". Then Mr. Smith left at 5 p.m. on Jan. 3. “Quoted.” Done.";
    for (const text of [...paragraphs, long]) {
      for (const window of [300, 512, 1024]) {
        expect([...sentenceBounds(segmenter, text, 0, text.length, window)]).toEqual(whole(text));
      }
    }
  });

  it("works on a range inside a longer text", () => {
    const text = "Skip this. One. Two! Three? Skip that.";
    expect([...sentenceBounds(segmenter, text, 11, 28, 300)]).toEqual([[11, 16], [16, 21], [21, 28]]);
  });
});
