/**
 * Re-anchoring benchmark: 1,000 annotations on a generated 50,000-word article, re-anchored to a corrected version.
 * Run with `npx tsx bench/reanchor.ts`. The text generator is seeded (lib/anchoring/testing/news-text.ts), so every
 * run re-anchors the same texts. Prints a markdown table; see BENCHMARKS.md.
 *
 * Scenarios:
 *   small edit     — a typo fixed inside one statement, one statement's sentence reworded, a paragraph inserted after
 *                    the first paragraph (target ≤ 100 ms for all 1,000);
 *   1,000 deleted  — every annotated quote deleted from the text; each must come back orphaned (target ≤ 2 s);
 *   100 deleted    — 100 quotes deleted: a quote anchored anywhere is a wrong attachment (target 0), and the other
 *                    900 must come back unchanged or moved. Also run through the old one-annotation-at-a-time
 *                    `reanchorAnnotation`, for comparison.
 */
import os from "node:os";
import { reanchorAnnotation, type AnchorQuote } from "../lib/anchoring/reanchor";
import { reanchorToRevision, type RevisionOutcome } from "../lib/anchoring/reanchor-revision";
import { buildTextQuoteSelector } from "../lib/anchoring/selectors";
import { similarity } from "../lib/anchoring/similarity";
import { generateNewsText, generateSentence, Random, type GeneratedText } from "../lib/anchoring/testing/news-text";

const WORDS = 50_000;
const ANNOTATIONS = 1_000;
const RUNS = 7;

interface Edit {
  /** Old-text range replaced by `text`. */
  from: number;
  to: number;
  text: string;
}

function applyEdits(text: string, edits: Edit[]): string {
  let result = text;
  for (const edit of [...edits].sort((a, b) => b.from - a.from)) result = result.slice(0, edit.from) + edit.text + result.slice(edit.to);
  return result;
}

function anchorAt(text: string, start: number, end: number): AnchorQuote {
  const { exact, prefix, suffix } = buildTextQuoteSelector(text, start, end);
  return { exact, prefix, suffix, start, end };
}

/** 1,000 statements spread over the article: the claim of a sentence when it has one, else the whole sentence. */
function chooseAnchors(generated: GeneratedText): AnchorQuote[] {
  const random = new Random(7);
  const step = generated.sentences.length / ANNOTATIONS;
  const anchors: AnchorQuote[] = [];
  for (let i = 0; i < ANNOTATIONS; i++) {
    const sentence = generated.sentences[Math.floor(i * step)];
    const span = sentence.claim && random.chance(0.7) ? sentence.claim : sentence;
    anchors.push(anchorAt(generated.text, span.start, span.end));
  }
  return anchors;
}

/** Deleting a quote: a whole sentence goes with the space after it; a claim leaves its sentence's frame behind. */
function deletion(text: string, anchor: AnchorQuote): Edit {
  const to = text[anchor.end] === " " && (anchor.start === 0 || /\s/.test(text[anchor.start - 1])) ? anchor.end + 1 : anchor.end;
  return { from: anchor.start, to, text: "" };
}

interface Tally {
  unchanged: number;
  moved: number;
  changed: number;
  orphaned: number;
  /** Anchored outcomes for deleted quotes, or spans whose text does not match the quote. */
  wrong: number;
  /** Quotes left in the text that did not come back unchanged or moved. */
  lost: number;
}

function tally(newText: string, anchors: AnchorQuote[], outcomes: RevisionOutcome[], deleted: Set<number>, edited: Set<number>): Tally {
  const t: Tally = { unchanged: 0, moved: 0, changed: 0, orphaned: 0, wrong: 0, lost: 0 };
  outcomes.forEach((outcome, i) => {
    t[outcome.kind]++;
    if (outcome.kind !== "orphaned") {
      const span = newText.slice(outcome.start, outcome.end);
      const holds = outcome.kind === "changed" ? similarity(anchors[i].exact, span) >= 0.85 : span === anchors[i].exact;
      if (deleted.has(i) || !holds) t.wrong++;
    }
    if (!deleted.has(i) && !edited.has(i) && outcome.kind !== "unchanged" && outcome.kind !== "moved") t.lost++;
  });
  return t;
}

function time(fn: () => void): { median: number; max: number } {
  fn(); // warm-up
  const samples: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], max: samples[samples.length - 1] };
}

function legacyOutcomes(oldText: string, newText: string, anchors: AnchorQuote[]): RevisionOutcome[] {
  return anchors.map((anchor) => {
    const r = reanchorAnnotation(newText, anchor);
    if (r.status === "orphaned") return { kind: "orphaned", bestScore: r.bestScore };
    if (r.method !== "fuzzy") return r.start === anchor.start ? { kind: "unchanged", start: r.start, end: r.end } : { kind: "moved", start: r.start, end: r.end };
    return { kind: "changed", start: r.start, end: r.end, score: r.score, quote: newText.slice(r.start, r.end), diff: [] };
  });
}

function main() {
  const generated = generateNewsText(new Random(2025), WORDS);
  const oldText = generated.text;
  const anchors = chooseAnchors(generated);
  const random = new Random(99);
  const rows: string[] = [];
  const row = (name: string, target: string, t: Tally, timing: { median: number; max: number }) =>
    rows.push(
      `| ${name} | ${t.unchanged} | ${t.moved} | ${t.changed} | ${t.orphaned} | ${t.wrong} | ${t.lost} | ${timing.median.toFixed(1)} ms | ${timing.max.toFixed(1)} ms | ${target} |`,
    );

  // (a) A small edit.
  {
    const typoAt = 400;
    const typoAnchor = anchors[typoAt];
    const word = /[a-z]{6,}/.exec(typoAnchor.exact)!;
    const at = typoAnchor.start + word.index + 2;
    const typo: Edit = { from: at, to: at + 2, text: oldText[at + 1] + oldText[at] };
    const rewordAt = 700;
    const reworded = anchors[rewordAt];
    const rewordFrom = reworded.start + Math.floor(reworded.exact.length / 3);
    const rewordTo = reworded.start + Math.floor((reworded.exact.length * 2) / 3);
    const reword: Edit = { from: rewordFrom, to: rewordTo, text: "a substantially different wording of the middle part" };
    const firstBreak = oldText.indexOf("\n\n");
    const paragraph = Array.from({ length: 4 }, () => generateSentence(random)).join(" ");
    const insert: Edit = { from: firstBreak, to: firstBreak, text: "\n\n" + paragraph };
    const newText = applyEdits(oldText, [typo, reword, insert]);
    let outcomes: RevisionOutcome[] = [];
    const timing = time(() => (outcomes = reanchorToRevision(oldText, newText, anchors)));
    row("Small edit (typo, reworded sentence, paragraph inserted near the start)", "≤ 100 ms", tally(newText, anchors, outcomes, new Set(), new Set([typoAt, rewordAt])), timing);
    console.error(`typo → ${outcomes[typoAt].kind}; reworded → ${outcomes[rewordAt].kind}`);
  }

  // (b) All 1,000 quotes deleted.
  {
    const newText = applyEdits(oldText, anchors.map((a) => deletion(oldText, a)));
    let outcomes: RevisionOutcome[] = [];
    const timing = time(() => (outcomes = reanchorToRevision(oldText, newText, anchors)));
    row("1,000 quotes deleted", "≤ 2 s, all orphaned", tally(newText, anchors, outcomes, new Set(anchors.map((_, i) => i)), new Set()), timing);
  }

  // (c) 100 quotes deleted: wrong attachments, new and old re-anchoring.
  {
    const deleted = new Set(Array.from({ length: 100 }, (_, i) => i * 10 + 5));
    const newText = applyEdits(oldText, [...deleted].map((i) => deletion(oldText, anchors[i])));
    let outcomes: RevisionOutcome[] = [];
    const timing = time(() => (outcomes = reanchorToRevision(oldText, newText, anchors)));
    row("100 quotes deleted", "0 wrong", tally(newText, anchors, outcomes, deleted, new Set()), timing);
    const t0 = performance.now();
    const legacy = legacyOutcomes(oldText, newText, anchors);
    const legacyTime = performance.now() - t0;
    row("100 quotes deleted — old `reanchorAnnotation`, one by one (1 run)", "for comparison", tally(newText, anchors, legacy, deleted, new Set()), { median: legacyTime, max: legacyTime });
  }

  const cpu = os.cpus()[0]?.model.trim() ?? "unknown CPU";
  console.log(`Run ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${cpu}, Node ${process.version}.`);
  console.log(
    `Article: ${oldText.split(/\s+/).length.toLocaleString("en")} words, ${oldText.length.toLocaleString("en")} characters, ` +
      `${generated.sentences.length.toLocaleString("en")} sentences; ${ANNOTATIONS.toLocaleString("en")} annotations. ` +
      `Median and max of ${RUNS} runs after a warm-up; \`npx tsx bench/reanchor.ts\`.`,
  );
  console.log("");
  console.log("| scenario | unchanged | moved | changed | orphaned | wrong | lost | median | max | target |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
  for (const line of rows) console.log(line);
  console.log("");
  console.log("wrong: a deleted quote anchored anywhere, or a span whose text does not hold the quote. lost: a quote still in the text that did not come back unchanged or moved.");
}

main();
