import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { KEY_ENTRIES } from "../../prisma/demo/baltic-key";
import { prepareArticle } from "../import/prepare-article";
import { resolveKeySpan } from "../text";
import type { AnchorQuote } from "./reanchor";
import { reanchorToRevision, type RevisionOutcome } from "./reanchor-revision";
import { buildTextQuoteSelector } from "./selectors";
import { similarity } from "./similarity";
import { generateNewsText, generateSentence, Random } from "./testing/news-text";

function anchorAt(text: string, start: number, end: number): AnchorQuote {
  const { exact, prefix, suffix } = buildTextQuoteSelector(text, start, end);
  return { exact, prefix, suffix, start, end };
}

function anchorFor(text: string, exact: string): AnchorQuote {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`not found: ${exact}`);
  return anchorAt(text, start, start + exact.length);
}

const P1 = "The Baltic states have formally notified the United Nations of their withdrawal from the Ottawa Convention.";
const P2 = "According to Interfax, the decision was made official on June 27.";
const P3 = "The three countries had signed the treaty in 1999, shortly after its adoption in 1997.";
const P4 = "Over 160 countries have ratified it, but the United States and Russia never joined.";
const OLD = [P1, P2, P3, P4].join("\n\n");

describe("reanchorToRevision", () => {
  it("gives each annotation one outcome: unchanged, moved, changed with a word diff, orphaned", () => {
    const anchors = [P1, P2, P3, P4].map((p) => anchorFor(OLD, p));
    const p2 = P2.replace("June 27", "June 28");
    const NEW = [P1, "An inserted paragraph about mines.", p2, P4].join("\n\n");
    const [first, second, third, fourth] = reanchorToRevision(OLD, NEW, anchors);
    expect(first).toEqual({ kind: "unchanged", start: 0, end: P1.length });
    expect(second).toMatchObject({ kind: "changed", quote: p2, start: NEW.indexOf(p2), end: NEW.indexOf(p2) + p2.length });
    if (second.kind !== "changed") throw new Error("expected changed");
    expect(second.diff.filter((p) => p.op !== "equal")).toEqual([
      { op: "delete", text: "27" },
      { op: "insert", text: "28" },
    ]);
    expect(second.score).toBeGreaterThan(0.95);
    expect(third.kind).toBe("orphaned");
    expect(fourth).toEqual({ kind: "moved", start: NEW.indexOf(P4), end: NEW.indexOf(P4) + P4.length });
  });

  it("finds a moved paragraph, and a moved one with a word changed", () => {
    const anchors = [anchorFor(OLD, P1), anchorFor(OLD, P3)];
    const p3 = P3.replace("shortly", "soon");
    const NEW = [P2, P4, P1, p3].join("\n\n");
    const [moved, movedAndChanged] = reanchorToRevision(OLD, NEW, anchors);
    expect(moved).toEqual({ kind: "moved", start: NEW.indexOf(P1), end: NEW.indexOf(P1) + P1.length });
    expect(movedAndChanged).toMatchObject({ kind: "changed", quote: p3 });
  });

  it("orphans a deleted quote rather than attach it to a surviving look-alike", () => {
    const said = "The ministry said on Monday that the border would stay closed until further notice.";
    const lookAlike = "The ministry said on Tuesday that the border would stay closed until further notice.";
    const old = [P1, said, P2, lookAlike, P3].join("\n\n");
    const NEW = [P1, P2, lookAlike, P3].join("\n\n");
    expect(similarity(said, lookAlike)).toBeGreaterThan(0.9);
    const [outcome] = reanchorToRevision(old, NEW, [anchorFor(old, said)]);
    expect(outcome.kind).toBe("orphaned");
  });

  it("orphans a deleted repeated sentence instead of taking another copy of it", () => {
    const repeated = "Officials did not say when the measures would take effect.";
    const old = [P1, repeated, P2, repeated, P3].join("\n\n");
    const firstCopy = anchorAt(old, old.indexOf(repeated), old.indexOf(repeated) + repeated.length);
    const NEW = [P1, P2, repeated, P3].join("\n\n");
    const [outcome] = reanchorToRevision(old, NEW, [firstCopy]);
    expect(outcome.kind).toBe("orphaned");
  });

  it("orphans a heavily reworded statement, and honours minScore", () => {
    const reworded = "Lithuania ratified in 2003; Estonia and Latvia only acceded after the treaty took effect.";
    const anchors = [anchorFor(OLD, P3)];
    expect(reanchorToRevision(OLD, OLD.replace(P3, reworded), anchors)[0].kind).toBe("orphaned");
    const light = OLD.replace("in 1999", "in 1998");
    expect(reanchorToRevision(OLD, light, anchors)[0].kind).toBe("changed");
    expect(reanchorToRevision(OLD, light, anchors, { minScore: 0.999 })[0].kind).toBe("orphaned");
  });

  it("keeps a change to whole words", () => {
    const anchors = [anchorFor(OLD, P3)];
    const NEW = OLD.replace("The three countries", "These three countries");
    const [outcome] = reanchorToRevision(OLD, NEW, anchors);
    expect(outcome).toMatchObject({ kind: "changed", quote: P3.replace("The three", "These three") });
  });

  it("re-finds stored offsets that drifted, and handles empty quotes and texts", () => {
    const stale = { ...anchorFor(OLD, P2), start: 3, end: 3 + P2.length };
    expect(reanchorToRevision(OLD, "Intro.\n\n" + OLD, [stale])[0]).toMatchObject({ kind: "moved", start: OLD.indexOf(P2) + 8 });
    expect(reanchorToRevision(OLD, OLD, [{ exact: "", prefix: "", suffix: "", start: 0, end: 0 }])[0].kind).toBe("orphaned");
    expect(reanchorToRevision(OLD, "", [anchorFor(OLD, P1)])[0].kind).toBe("orphaned");
  });
});

// ——— Property: random edits to random texts ———

interface Edit {
  from: number;
  to: number;
  text: string;
}

function wordBoundaryNear(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && /\S/.test(text[at - 1]) && /\S/.test(text[at])) at--;
  return at;
}

function randomEdits(random: Random, text: string): Edit[] {
  const count = random.between(1, 4);
  const edits: Edit[] = [];
  for (let i = 0; i < count; i++) {
    const exactChar = random.chance(0.2);
    const from = exactChar ? random.int(text.length + 1) : wordBoundaryNear(text, random.int(text.length + 1));
    const kind = random.int(4);
    const length = kind === 0 ? 0 : kind === 1 ? random.between(1, 3) : random.between(5, 200);
    const to = Math.min(text.length, exactChar ? from + length : wordBoundaryNear(text, Math.min(text.length, from + length)) || from);
    const insert =
      kind === 1
        ? random.pick(["e", "the ", "-", ""]) // a typo-sized edit
        : random.chance(0.3)
          ? ""
          : random.chance(0.2)
            ? text.slice(random.int(text.length - 60), random.int(text.length - 60) + 60) // a copy of nearby text
            : " " + generateSentence(random) + " ";
    edits.push({ from, to: Math.max(from, to), text: insert });
  }
  // Keep edits disjoint (and apart) so that the expected offsets are easy to state.
  edits.sort((a, b) => a.from - b.from);
  return edits.filter((e, i) => i === 0 || e.from > edits[i - 1].to);
}

function applyEdits(text: string, edits: Edit[]): string {
  let result = text;
  for (const e of [...edits].reverse()) result = result.slice(0, e.from) + e.text + result.slice(e.to);
  return result;
}

/** New start of an old span no edit touches (an insertion exactly at its start counts as before it). */
function expectedStart(edits: Edit[], start: number): number {
  let shift = 0;
  for (const e of edits) if (e.to <= start) shift += e.text.length - (e.to - e.from);
  return start + shift;
}

function touches(e: Edit, start: number, end: number): boolean {
  return e.from < end && e.to > start;
}

function occurrences(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) n++;
  return n;
}

describe("reanchorToRevision, property: random edits to random texts", () => {
  it("keeps untouched statements unchanged or moved, and anchors only where the text holds the quote", () => {
    const random = new Random(20251130);
    let untouchedChecked = 0;
    const kinds: Record<string, number> = {};
    for (let round = 0; round < 250; round++) {
      const { text, sentences } = generateNewsText(random, random.between(80, 400));
      const anchors = sentences
        .filter(() => random.chance(0.5))
        .map((s) => (s.claim && random.chance(0.5) ? anchorAt(text, s.claim.start, s.claim.end) : anchorAt(text, s.start, s.end)));
      const edits = randomEdits(random, text);
      const newText = applyEdits(text, edits);
      const outcomes: RevisionOutcome[] = reanchorToRevision(text, newText, anchors);

      outcomes.forEach((outcome, i) => {
        const anchor = anchors[i];
        kinds[outcome.kind] = (kinds[outcome.kind] ?? 0) + 1;
        const context = () => `round ${round}, ${JSON.stringify(anchor.exact)} → ${JSON.stringify(outcome)}; edits ${JSON.stringify(edits)}`;
        if (outcome.kind === "unchanged" || outcome.kind === "moved") {
          expect(newText.slice(outcome.start, outcome.end), context()).toBe(anchor.exact);
          if (outcome.kind === "unchanged") expect(outcome.start).toBe(anchor.start);
        } else if (outcome.kind === "changed") {
          expect(outcome.quote).toBe(newText.slice(outcome.start, outcome.end));
          expect(similarity(anchor.exact, outcome.quote), context()).toBeGreaterThanOrEqual(0.85);
        }
        if (!edits.some((e) => touches(e, anchor.start, anchor.end)) && occurrences(text, anchor.exact) === 1) {
          untouchedChecked++;
          expect(["unchanged", "moved"], context()).toContain(outcome.kind);
          if (occurrences(newText, anchor.exact) === 1 && outcome.kind !== "orphaned" && outcome.kind !== "changed") {
            expect(outcome.start, context()).toBe(expectedStart(edits, anchor.start));
          }
        }
      });
    }
    expect(untouchedChecked).toBeGreaterThan(500);
    // The edits really exercise every outcome.
    for (const kind of ["unchanged", "moved", "changed", "orphaned"]) expect(kinds[kind] ?? 0).toBeGreaterThan(5);
  });
});

// ——— The demo scenario on the real fixture ———

describe("reanchorToRevision on the demo article", () => {
  it("a deleted statement, a reworded sentence and a paragraph inserted above the first statement", () => {
    const raw = fs.readFileSync(path.join(__dirname, "../../prisma/demo/baltic-ottawa-withdrawal.txt"), "utf8");
    const { text } = prepareArticle(raw, { language: "en" });
    const anchors = KEY_ENTRIES.map((entry) => {
      const range = resolveKeySpan(text, entry.quote);
      return anchorAt(text, range.start, range.end);
    });
    expect(anchors).toHaveLength(18);

    // Delete statement #5; reword one word in statement #9's sentence; insert a paragraph above statement #1.
    const deleted = 4;
    const reworded = 8;
    const first = [...anchors].sort((a, b) => a.start - b.start)[0];
    const paragraphStart = text.lastIndexOf("\n", first.start) + 1;
    const rewordedQuote = anchors[reworded].exact;
    const word = /\b[a-z]{5,}\b/.exec(rewordedQuote)!;
    const replacement = word[0] === "significant" ? "notable" : "significant";
    const edits: Edit[] = [
      { from: paragraphStart, to: paragraphStart, text: "Editor’s note: this article was updated to correct an error.\n\n" },
      { from: anchors[deleted].start, to: anchors[deleted].end, text: "" },
      { from: anchors[reworded].start + word.index, to: anchors[reworded].start + word.index + word[0].length, text: replacement },
    ];
    const newText = applyEdits(text, edits);
    const outcomes = reanchorToRevision(text, newText, anchors);

    const byKind = (kind: string) => outcomes.map((o, i) => (o.kind === kind ? i : -1)).filter((i) => i >= 0);
    expect(byKind("orphaned")).toEqual([deleted]);
    expect(byKind("changed")).toEqual([reworded]);
    expect(byKind("unchanged").length + byKind("moved").length).toBe(16);
    const changed = outcomes[reworded];
    if (changed.kind !== "changed") throw new Error("expected changed");
    expect(changed.quote).toBe(rewordedQuote.replace(word[0], replacement));
    expect(changed.diff.filter((p) => p.op !== "equal")).toEqual([
      { op: "delete", text: word[0] },
      { op: "insert", text: replacement },
    ]);
    outcomes.forEach((o, i) => {
      if (o.kind === "unchanged" || o.kind === "moved") expect(newText.slice(o.start, o.end)).toBe(anchors[i].exact);
    });
  });
});
