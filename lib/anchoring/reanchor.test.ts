import { describe, expect, it } from "vitest";
import { reanchorAnnotation, type AnchorQuote } from "./reanchor";
import { buildTextQuoteSelector } from "./selectors";

const P1 =
  "The Baltic states—Estonia, Lithuania, and Latvia—have taken a significant step in their defense policies by " +
  "formally notifying the United Nations of their withdrawal from the Ottawa Convention.";
const P2 =
  "According to reports by Interfax, citing statements from the foreign ministries of the three countries, the " +
  "decision was made official on June 27.";
const P3 =
  "This move marks a sharp departure from the Baltic states’ previous adherence to the treaty, which they had " +
  "signed in 1999, shortly after its adoption in 1997.";
const P4 =
  "Adopted in Oslo in 1997 and entering into force in 1999, the treaty was hailed as a diplomatic triumph, with " +
  "over 160 countries ratifying it.";
const P5 =
  "However, key global powers such as the United States and Russia have never joined the convention, citing " +
  "national security concerns.";

const OLD = [P1, P2, P3, P4, P5].join("\n\n");

function anchorFor(text: string, exact: string, occurrence = 0): AnchorQuote {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) start = text.indexOf(exact, start + 1);
  if (start < 0) throw new Error(`not found: ${exact}`);
  const end = start + exact.length;
  const { prefix, suffix } = buildTextQuoteSelector(text, start, end);
  return { exact, prefix, suffix, start, end };
}

describe("reanchorAnnotation", () => {
  it("keeps the old position when the text there is unchanged", () => {
    const anchor = anchorFor(OLD, P3);
    const newText = OLD.replace("June 27", "June 28"); // an edit after the span
    const result = reanchorAnnotation(newText, anchor);
    expect(result).toEqual({ status: "anchored", start: anchor.start, end: anchor.end, score: 1, method: "position" });
  });

  it("re-anchors a moved sentence by exact match", () => {
    const anchor = anchorFor(OLD, P4);
    const newText = [P4, P1, P2, P3, P5].join("\n\n");
    const result = reanchorAnnotation(newText, anchor);
    expect(result).toMatchObject({ status: "anchored", method: "exact", score: 1 });
    if (result.status !== "anchored") throw new Error("expected anchored");
    expect(newText.slice(result.start, result.end)).toBe(P4);
  });

  it("re-anchors after text is inserted before the span (offsets shift)", () => {
    const anchor = anchorFor(OLD, P5);
    const newText = "Editor’s note: this article was corrected on 1 July.\n\n" + OLD;
    const result = reanchorAnnotation(newText, anchor);
    expect(result).toMatchObject({ status: "anchored", method: "exact" });
    if (result.status !== "anchored") throw new Error("expected anchored");
    expect(newText.slice(result.start, result.end)).toBe(P5);
  });

  it("of two identical sentences, picks the one whose prefix and suffix match", () => {
    const repeated = "The ministry declined to comment on the deployment of mines.";
    const old = `${P1} ${repeated}\n\n${P2} ${repeated}\n\n${P5}`;
    const anchor = anchorFor(old, repeated, 1); // the second one, after P2
    // Insert text at the top so neither occurrence is at its old offset.
    const newText = "Update: " + old;
    const result = reanchorAnnotation(newText, anchor);
    expect(result).toMatchObject({ status: "anchored", method: "exact" });
    if (result.status !== "anchored") throw new Error("expected anchored");
    const second = newText.indexOf(repeated, newText.indexOf(repeated) + 1);
    expect(result.start).toBe(second);

    // And the first one stays the first one.
    const firstAnchor = anchorFor(old, repeated, 0);
    const first = reanchorAnnotation(newText, firstAnchor);
    if (first.status !== "anchored") throw new Error("expected anchored");
    expect(first.start).toBe(newText.indexOf(repeated));
  });

  it("re-anchors a one-word correction by fuzzy match", () => {
    const anchor = anchorFor(OLD, P3);
    const corrected = P3.replace("signed in 1999", "joined by 2005");
    const newText = "Correction appended.\n\n" + OLD.replace(P3, corrected);
    const result = reanchorAnnotation(newText, anchor);
    expect(result).toMatchObject({ status: "anchored", method: "fuzzy" });
    if (result.status !== "anchored") throw new Error("expected anchored");
    expect(result.score).toBeGreaterThanOrEqual(0.85);
    expect(result.score).toBeLessThan(1);
    expect(newText.slice(result.start, result.end)).toBe(corrected);
  });

  it("re-anchors a single changed word in a moved sentence", () => {
    const anchor = anchorFor(OLD, P4);
    const edited = P4.replace("over 160", "more than 160");
    const newText = [P1, P5, P2, P3, edited].join("\n\n");
    const result = reanchorAnnotation(newText, anchor);
    expect(result).toMatchObject({ status: "anchored", method: "fuzzy" });
    if (result.status !== "anchored") throw new Error("expected anchored");
    expect(newText.slice(result.start, result.end)).toBe(edited);
  });

  it("orphans a heavily rewritten sentence rather than jumping to a look-alike", () => {
    const anchor = anchorFor(OLD, P3);
    const rewritten =
      "Lithuania signed the treaty in 1999; Estonia and Latvia acceded in 2004 and 2005, after it had entered into force.";
    const newText = OLD.replace(P3, rewritten);
    const result = reanchorAnnotation(newText, anchor);
    expect(result.status).toBe("orphaned");
    if (result.status !== "orphaned") throw new Error("expected orphaned");
    expect(result.bestScore).toBeLessThan(0.85);
    expect(result.bestScore).toBeGreaterThan(0);
  });

  it("orphans a deleted sentence even when a similar sentence remains", () => {
    const original = "Latvia’s government said the withdrawal would take effect six months after notification.";
    const lookAlike = "Lithuania’s government said the withdrawal would not take effect until the treaty allowed it.";
    const old = `${P1}\n\n${original}\n\n${P2}\n\n${lookAlike}`;
    const anchor = anchorFor(old, original);
    const newText = `${P1}\n\n${P2}\n\n${lookAlike}`;
    const result = reanchorAnnotation(newText, anchor);
    expect(result.status).toBe("orphaned");
  });

  it("honours a stricter or looser minScore", () => {
    const anchor = anchorFor(OLD, P3);
    const corrected = P3.replace("signed in 1999", "joined by 2005");
    const newText = OLD.replace(P3, corrected);
    expect(reanchorAnnotation(newText, anchor, { minScore: 0.99 }).status).toBe("orphaned");
    expect(reanchorAnnotation(newText, anchor, { minScore: 0.5 }).status).toBe("anchored");
  });

  it("does not move a short quote to an unrelated occurrence", () => {
    const old = `${P1}\n\nRussia objected.\n\n${P5}`;
    const anchor = anchorFor(old, "Russia objected.");
    const newText = `${P1}\n\n${P5}\n\nLater, in an unrelated debate, Russia objected. Nobody listened.`;
    const result = reanchorAnnotation(newText, anchor);
    expect(result.status).toBe("orphaned");
  });

  it("moves a short quote when its context moved with it", () => {
    const old = `${P1}\n\nRussia objected. ${P2}`;
    const anchor = anchorFor(old, "Russia objected.");
    const newText = `${P5}\n\n${P1}\n\nRussia objected. ${P2}`;
    const result = reanchorAnnotation(newText, anchor);
    expect(result).toMatchObject({ status: "anchored", method: "exact" });
  });

  it("orphans an empty quote and handles an empty text", () => {
    expect(reanchorAnnotation(OLD, { exact: "", prefix: "", suffix: "", start: 0, end: 0 }).status).toBe("orphaned");
    expect(reanchorAnnotation("", anchorFor(OLD, P1))).toEqual({ status: "orphaned", bestScore: 0 });
  });

  it("stays fast on a long article (bounded search, not quadratic in its length)", () => {
    const filler = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} repeats ordinary words about mines and borders.`);
    const longOld = [...filler.slice(0, 200), P3, ...filler.slice(200)].join("\n\n");
    const anchor = anchorFor(longOld, P3);
    const edited = P3.replace("sharp", "marked");
    const longNew = ["Preface.", ...filler.slice(0, 100), edited, ...filler.slice(100)].join("\n\n");
    const t0 = performance.now();
    const result = reanchorAnnotation(longNew, anchor);
    const elapsed = performance.now() - t0;
    expect(result).toMatchObject({ status: "anchored", method: "fuzzy" });
    if (result.status !== "anchored") throw new Error("expected anchored");
    expect(longNew.slice(result.start, result.end)).toBe(edited);
    expect(elapsed).toBeLessThan(1000);
  });
});
