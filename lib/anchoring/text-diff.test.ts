import { describe, expect, it } from "vitest";
import { diffSequences } from "./sequence-diff";
import {
  carriedFromElsewhere,
  diffText,
  diffWords,
  equalRunCovering,
  mapEndOffset,
  mapStartOffset,
  sentenceBoundaries,
  type WordDiffPart,
} from "./text-diff";
import { generateNewsText, generateSentence, Random } from "./testing/news-text";

function rebuild(parts: WordDiffPart[], side: "old" | "new"): string {
  return parts.filter((p) => p.op === "equal" || p.op === (side === "old" ? "delete" : "insert")).map((p) => p.text).join("");
}

describe("diffSequences", () => {
  it("finds a longest common subsequence (Myers) when no token is unique", () => {
    const a = [1, 1, 2, 1, 2, 2];
    const b = [2, 1, 1, 2, 1];
    const common = diffSequences(a, b).reduce((n, r) => n + r.length, 0);
    expect(common).toBe(4); // LCS of 112122 and 21121 is 4 (e.g. 1121)
    for (const run of diffSequences(a, b)) {
      for (let k = 0; k < run.length; k++) expect(a[run.a + k]).toBe(b[run.b + k]);
    }
  });

  it("anchors on unique tokens and keeps runs in order on both sides", () => {
    const runs = diffSequences([5, 1, 2, 3, 9, 4], [1, 2, 7, 3, 4, 5]);
    let lastA = -1;
    let lastB = -1;
    for (const run of runs) {
      expect(run.a).toBeGreaterThan(lastA);
      expect(run.b).toBeGreaterThan(lastB);
      lastA = run.a + run.length - 1;
      lastB = run.b + run.length - 1;
    }
    expect(runs.reduce((n, r) => n + r.length, 0)).toBe(4); // 1 2 3 4
  });

  it("handles empty sides", () => {
    expect(diffSequences([], [1, 2])).toEqual([]);
    expect(diffSequences([1, 2], [1, 2])).toEqual([{ a: 0, b: 0, length: 2 }]);
  });
});

describe("sentenceBoundaries", () => {
  it("splits sentences from the white space between them, and not inside numbers", () => {
    const text = "It rose 3.5 per cent. “Yes,” he said.\n\nNext one";
    const bounds = sentenceBoundaries(text);
    const pieces = bounds.slice(0, -1).map((b, i) => text.slice(b, bounds[i + 1]));
    expect(pieces).toEqual(["It rose 3.5 per cent.", " ", "“Yes,” he said.", "\n\n", "Next one"]);
  });
});

describe("diffText", () => {
  const OLD = "The ministry said on Monday that the plan would proceed. Critics disagreed. The vote is on Friday.";

  it("keeps untouched sentences as equal runs, shifted past an insertion", () => {
    const NEW = "Update: corrected. " + OLD;
    const diff = diffText(OLD, NEW);
    const at = OLD.indexOf("Critics disagreed.");
    const run = equalRunCovering(diff, at, at + 18);
    expect(run).not.toBeNull();
    expect(mapStartOffset(diff, at)).toBe(at + 19);
  });

  it("maps a span through a replaced word to include the new wording", () => {
    const NEW = OLD.replace("Monday", "Tuesday");
    const diff = diffText(OLD, NEW);
    const start = OLD.indexOf("said");
    const end = OLD.indexOf(" that") ;
    expect(equalRunCovering(diff, start, end)).toBeNull();
    expect(NEW.slice(mapStartOffset(diff, start), mapEndOffset(diff, end))).toBe("said on Tuesday");
  });

  it("counts equal text that came from elsewhere in the old version", () => {
    const NEW = "Critics disagreed. The vote is on Friday.";
    const diff = diffText(OLD, NEW);
    const deleted = { start: 0, end: OLD.indexOf(" Critics") };
    // The new text's first sentence is carried over from outside the deleted span: all of it counts.
    expect(carriedFromElsewhere(diff, 0, 18, deleted.start, deleted.end)).toBe(18);
    // Seen from the sentence's own old span, none of it does.
    const own = OLD.indexOf("Critics");
    expect(carriedFromElsewhere(diff, 0, 18, own, own + 18)).toBe(0);
  });
});

describe("diffWords", () => {
  it("shows a reworded phrase as one deletion and one insertion, words whole", () => {
    expect(diffWords("signed in 1999, shortly after its adoption", "joined by 2005, shortly after its adoption")).toEqual([
      { op: "delete", text: "signed in 1999" },
      { op: "insert", text: "joined by 2005" },
      { op: "equal", text: ", shortly after its adoption" },
    ]);
  });

  it("shows a sentence replaced by an unrelated one whole, not stitched from its full stop", () => {
    const parts = diffWords("One. Two. Three.", "One. New here. Three.");
    expect(parts.filter((p) => p.op !== "equal")).toEqual([
      { op: "delete", text: "Two." },
      { op: "insert", text: "New here." },
    ]);
    expect(diffWords("same", "same")).toEqual([{ op: "equal", text: "same" }]);
    expect(diffWords("", "new")).toEqual([{ op: "insert", text: "new" }]);
  });

  it("always rebuilds both texts (random edits of generated text)", () => {
    const random = new Random(11);
    for (let round = 0; round < 40; round++) {
      const { text } = generateNewsText(random, 120);
      let edited = text;
      for (let e = 0; e < 3; e++) {
        const at = random.int(edited.length + 1);
        const to = Math.min(edited.length, at + random.int(40));
        edited = edited.slice(0, at) + (random.chance(0.5) ? generateSentence(random) + " " : "") + edited.slice(to);
      }
      const parts = diffWords(text, edited);
      expect(rebuild(parts, "old")).toBe(text);
      expect(rebuild(parts, "new")).toBe(edited);
      for (let i = 1; i < parts.length; i++) expect(parts[i].op === "equal" && parts[i - 1].op === "equal").toBe(false);
    }
  });
});
