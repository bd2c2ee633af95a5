import fs from "node:fs";
import path from "node:path";
import { describe, it, expect } from "vitest";
import { normalizeArticleText, splitParagraphs } from "./normalize";
import { proposeStatements, sentenceBounds, trackQuotes, MAX_MERGED_PARAGRAPH_BREAKS, MAX_MERGED_SENTENCES } from "./segment";

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

describe("proposeStatements matches the first implementation", () => {
  // The first implementation (one segment() call per paragraph over the whole paragraph, quote stack scanned), as
  // the reference: quadratic on long paragraphs, so only run on ordinary text here.
  function referencePropose(text: string): { start: number; end: number }[] {
    const segmenter = new Intl.Segmenter("en", { granularity: "sentence" });
    const sentences: { start: number; end: number; paragraph: number }[] = [];
    const trim = (start: number, end: number) => {
      while (start < end && /\s/u.test(text[start])) start++;
      while (end > start && /\s/u.test(text[end - 1])) end--;
      return end > start ? { start, end } : null;
    };
    splitParagraphs(text).forEach((para, paragraph) => {
      for (const seg of segmenter.segment(text.slice(para.start, para.end))) {
        const range = trim(para.start + seg.index, para.start + seg.index + seg.segment.length);
        if (range) sentences.push({ ...range, paragraph });
      }
    });
    const statements: { start: number; end: number }[] = [];
    let group: typeof sentences = [];
    let quotes: string[] = [];
    for (const sentence of sentences) {
      if (group.length > 0) {
        const prev = group[group.length - 1];
        const withinCaps = group.length < MAX_MERGED_SENTENCES && sentence.paragraph - group[0].paragraph <= MAX_MERGED_PARAGRAPH_BREAKS;
        const attribution =
          sentence.paragraph === prev.paragraph && /[’”"]$/u.test(text.slice(prev.start, prev.end)) && /^\p{Ll}/u.test(text.slice(sentence.start, sentence.end));
        if (withinCaps && (quotes.length > 0 || attribution)) {
          group.push(sentence);
          quotes = trackQuotes(text, sentence, quotes);
          continue;
        }
        statements.push({ start: group[0].start, end: prev.end });
      }
      group = [sentence];
      quotes = trackQuotes(text, sentence, []);
    }
    if (group.length > 0) statements.push({ start: group[0].start, end: group[group.length - 1].end });
    return statements;
  }

  it("on the demo article and on 300 random multi-paragraph texts", () => {
    const raw = fs.readFileSync(path.resolve(__dirname, "../../prisma/demo/baltic-ottawa-withdrawal.txt"), "utf8");
    const texts = [normalizeArticleText(raw).text];
    let seed = 5;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const pieces = ["Yes.", "he said.", '"Really?"', "“Sure!”", "‘Is it?’", "she asked.", "‘Open", "closed’", "“Quote.”", '"Straight', 'ends."', "Mr. Smith", "U.S. officials", "5 p.m.", "why?", "No!", "the states’", "e.g. this", "\n\n", "\n", " ", "  "];
    for (let i = 0; i < 300; i++) {
      texts.push(Array.from({ length: 5 + Math.floor(rnd() * 40) }, () => pieces[Math.floor(rnd() * pieces.length)]).join(" "));
    }
    for (const text of texts) expect(proposeStatements(text), JSON.stringify(text)).toEqual(referencePropose(text));
  });
});
