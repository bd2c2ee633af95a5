import { describe, expect, it } from "vitest";
import { AUTO_LINK_THRESHOLD, SUGGEST_THRESHOLD, claimSimilarity, contentWords, stemWord, wordOverlap } from "./similarity";
import { trigramSimilarity } from "./trigram";

describe("content words", () => {
  it("drops function words, keeps words that carry the claim, and removes a plural s", () => {
    expect([...contentWords("The countries said they would not sign it before 2027.")].sort()).toEqual(["2027", "before", "country", "not", "sign"]);
    expect(stemWord("votes")).toBe("vote");
    expect(stemWord("glass")).toBe("glass");
    expect(stemWord("virus")).toBe("virus");
    expect(stemWord("is")).toBe("is");
  });

  it("measures overlap as the Dice coefficient", () => {
    expect(wordOverlap(new Set(["a", "b"]), new Set(["b", "c"]))).toBe(0.5);
    expect(wordOverlap(new Set(), new Set(["b"]))).toBe(0);
  });
});

describe("claimSimilarity", () => {
  const demo = "‘They will sow millions of mines in quiet pine and spruce forests,’ one Russian military analyst reportedly warned.";

  it("is 1 for the same words in another order or case, and 0 for nothing in common", () => {
    expect(claimSimilarity("Interfax reported the decision", "the decision, Interfax reported")).toBeCloseTo(1, 6);
    expect(claimSimilarity("Inflation fell", "Cats purr")).toBe(0);
  });

  it("mixes pg_trgm similarity and word overlap half and half", () => {
    const a = "Unemployment fell to 5.1% in the third quarter.";
    const b = "Unemployment dropped to 5.1 percent in the third quarter.";
    const words = wordOverlap(contentWords(a), contentWords(b));
    expect(claimSimilarity(a, b)).toBeCloseTo(0.5 * trigramSimilarity(a, b) + 0.5 * words, 10);
  });

  it("suggests a reworded repeat of the demo's #15 quote, and ranks it above an unrelated mines claim", () => {
    const reworded = "A Russian military analyst warned that they would sow millions of mines in quiet pine and spruce forests.";
    const other = "Finland said it could restart production of anti-personnel mines.";
    expect(claimSimilarity(demo, reworded)).toBeGreaterThanOrEqual(SUGGEST_THRESHOLD);
    expect(claimSimilarity(demo, other)).toBeLessThan(SUGGEST_THRESHOLD);
  });

  it("keeps the thresholds ordered", () => {
    expect(SUGGEST_THRESHOLD).toBeLessThan(AUTO_LINK_THRESHOLD);
  });
});
