import { describe, expect, it } from "vitest";
import { detectNearMiss, quantities } from "./near-miss";

const kinds = (a: string, b: string) => detectNearMiss(a, b).reasons.map((r) => r.kind);

describe("quantities", () => {
  it("normalises digits, separators, units and number words", () => {
    expect(quantities("fined €1.2bn and 4,000 jobs").numbers).toEqual(["1200000000", "4000"]);
    expect(quantities("Twenty-three people and two billion voters").numbers).toEqual(["23", "2000000000"]);
    expect(quantities("more than a million refugees").numbers).toEqual(["1000000"]);
    expect(quantities("its fifth bleaching; rents rose by a third").numbers).toEqual(["5", "1/3"]);
  });

  it("separates years and months from other numbers", () => {
    expect(quantities("on 27 June 2025")).toEqual({ numbers: ["27"], years: ["2025"], months: ["june"] });
    expect(quantities("Prices may rise").months).toEqual([]);
  });
});

describe("detectNearMiss", () => {
  it("flags a negation, including contractions and “never”", () => {
    expect(kinds("The bank raised rates.", "The bank did not raise rates.")).toContain("negation");
    expect(kinds("The bank raised rates.", "The bank didn't raise rates.")).toContain("negation");
    expect(kinds("The US has never ratified the treaty.", "The treaty has not been ratified by the US.")).not.toContain("negation");
  });

  it("flags opposite words and un-/in- forms", () => {
    expect(kinds("Oil prices rose above $90.", "Oil prices fell below $90.")).toContain("opposite");
    expect(kinds("The ban was unconstitutional, the court ruled.", "The ban was constitutional, the court ruled.")).toContain("opposite");
    // Synonyms are not opposites (a swapped word on a longer sentence is still "changed words": it blocks auto-linking only).
    expect(kinds("Unemployment fell to 5%.", "Unemployment dropped to 5%.")).toEqual([]);
    expect(kinds("Youth unemployment in the country fell to 5%.", "Youth unemployment in the country dropped to 5%.")).toEqual(["changed-words"]);
  });

  it("flags a changed number, year or month, and says what changed", () => {
    const r = detectNearMiss("The company will cut 4,000 jobs.", "The company will cut 14,000 jobs.");
    expect(r.reasons).toEqual([{ kind: "number", detail: "4000 → 14000" }]);
    expect(kinds("Turnout in 2019 was 50.6%.", "Turnout in 2024 was 50.6%.")).toEqual(["date"]);
    expect(kinds("They notified the UN on 27 June.", "They notified the UN on 27 July.")).toEqual(["date"]);
  });

  it("flags a changed speaker as swapped words, counting repeated words", () => {
    const r = detectNearMiss(
      "Poland will spend 4% of its GDP on defence, the defence minister announced.",
      "Poland will spend 4% of its GDP on defence, the finance minister announced.",
    );
    expect(r.reasons).toEqual([{ kind: "changed-words", detail: "defence → finance" }]);
  });

  it("does not flag the same words reordered, or a number written in words", () => {
    expect(detectNearMiss("Police arrested 23 people.", "23 people, police arrested").nearMiss).toBe(false);
    expect(kinds("Police arrested 23 people.", "Twenty-three people arrested, police")).not.toContain("number");
  });

  it("flags swapped roles and an added speaker, but not an attribution moved to the end", () => {
    expect(kinds("Wages grew faster than prices, the minister claimed.", "Prices grew faster than wages, the minister claimed.")).toEqual(["word-order"]);
    expect(kinds("The minister claimed wages grew faster than prices.", "Wages grew faster than prices, the minister claimed.")).toEqual([]);
    expect(kinds("The drone attack on the Kremlin was an attempt on Putin's life.", "Kyiv said the drone attack on the Kremlin was an attempt on Putin's life.")).toEqual(["changed-words"]);
    expect(kinds("Around 500,000 soldiers were killed, US officials estimated.", "Around 500,000 soldiers were killed, Russian officials estimated.")).toEqual(["changed-words"]);
  });
});
