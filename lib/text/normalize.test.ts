import { describe, it, expect } from "vitest";
import { normalizeArticleText, splitParagraphs, stripEmphasis } from "./normalize";

const slice = (text: string, r: { start: number; end: number }) => text.slice(r.start, r.end);

describe("normalizeArticleText", () => {
  it("takes the first non-empty line as title and drops repeated title lines", () => {
    const raw = "\n  My  Title \r\n\r\nMy Title\r\n   \r\nFirst para.  \rSecond para.\n\n\n\nThird.";
    const n = normalizeArticleText(raw);
    expect(n.title).toBe("My Title");
    expect(n.text).toBe("First para.\n\nSecond para.\n\nThird.");
    expect(n.paragraphs.map((r) => slice(n.text, r))).toEqual(["First para.", "Second para.", "Third."]);
  });

  it("drops leading body lines equal to an explicit title", () => {
    const n = normalizeArticleText("Headline\n\nHeadline\nBody text.", { title: " Headline " });
    expect(n.title).toBe("Headline");
    expect(n.text).toBe("Body text.");
  });

  it("keeps a title-like line that is not at the top", () => {
    const n = normalizeArticleText("T\nBody.\nT");
    expect(n.text).toBe("Body.\n\nT");
  });

  it("applies NFC", () => {
    const n = normalizeArticleText("Title\nCafe\u0301");
    expect(n.text).toBe("Café");
    expect(n.text.length).toBe(4);
  });

  it("turns emphasis markers into emphasis ranges", () => {
    const n = normalizeArticleText("T\nSee *The Telegraph* and _Le Monde_.\n**Bold** move.");
    expect(n.text).toBe("See The Telegraph and Le Monde.\n\nBold move.");
    expect(n.emphasis.map((r) => slice(n.text, r))).toEqual(["The Telegraph", "Le Monde", "Bold"]);
  });

  it("leaves lone or unpaired asterisks and intraword underscores alone", () => {
    for (const line of [
      "5 * 3 = 15",
      "Sales rose 5%* in 2024.",
      "Sales rose*, and costs 10%*.",
      "* a list-like line",
      "snake_case_name and my_var",
      "An *unclosed emphasis",
      "Across *lines",
    ]) {
      expect(stripEmphasis(line)).toEqual({ text: line, emphasis: [] });
    }
    expect(normalizeArticleText("T\nAcross *lines\nnot* paired").text).toBe("Across *lines\n\nnot* paired");
  });

  it("handles nested emphasis", () => {
    const s = stripEmphasis("*a **b** c*");
    expect(s.text).toBe("a b c");
    expect(s.emphasis).toEqual([
      { start: 2, end: 3 },
      { start: 0, end: 5 },
    ]);
  });

  it("handles empty input", () => {
    expect(normalizeArticleText("  \n\n ")).toEqual({ title: "", text: "", emphasis: [], paragraphs: [] });
  });
});

describe("splitParagraphs", () => {
  it("returns paragraph ranges without separators", () => {
    const text = "One.\n\nTwo two.\n\nThree";
    expect(splitParagraphs(text)).toEqual([
      { start: 0, end: 4 },
      { start: 6, end: 14 },
      { start: 16, end: 21 },
    ]);
    expect(splitParagraphs("")).toEqual([]);
  });

  it("matches the paragraphs reported by normalizeArticleText", () => {
    const n = normalizeArticleText("T\nA *b* c\n\n\n  D e  \nF");
    expect(splitParagraphs(n.text)).toEqual(n.paragraphs);
  });
});
