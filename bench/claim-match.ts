/**
 * "Checked before?" matching, offline (issue 13, item 2). Not a timed benchmark: a quality measurement.
 *
 *   npx tsx bench/claim-match.ts
 *
 * Reads bench/claim-match/pairs.jsonl (see its README: labels committed before tuning; first 60% tune, the rest
 * held out) and prints:
 * 1. Tuning (tuning split only): for each trigram weight, the thresholds the rules below pick, and the ranking
 *    rates; the committed constants in lib/claims/similarity.ts are the row marked "*".
 *    - weight: the best top-1 rate, then top-5 rate (ranking each same pair's b against the split's a statements),
 *      ties going to the weight nearest 0.5 (an even mix of the two scores);
 *    - suggest threshold: the highest (on a 0.01 grid) that keeps ≥ 95% of same-claim pairs;
 *    - auto-link threshold: Meedan's 0.875 as a floor, raised to the lowest value (0.01 grid) from which on every
 *      pair the scorer would link (score ≥ t and not a near-miss) is a same-claim pair, if that is higher.
 * 2. Held out, with the committed constants: the precision/recall curve (positive = same claim), what "suggest"
 *    and "auto-link" do at the committed thresholds (near-misses linked must be 0), and the two targets:
 *    the earlier check in the top 5 for ≥ 90% of same-claim pairs, the top suggestion the same claim for ≥ 80%.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { detectNearMiss } from "../lib/claims/near-miss";
import { AUTO_LINK_THRESHOLD, SUGGEST_THRESHOLD, TRIGRAM_WEIGHT, prepareStatement, scorePrepared, type PreparedStatement } from "../lib/claims/similarity";

type Label = "same" | "different" | "near_miss";
interface Pair {
  id: number;
  a: string;
  b: string;
  label: Label;
  note: string;
}

const pairs: Pair[] = readFileSync(path.join(__dirname, "claim-match", "pairs.jsonl"), "utf8")
  .split("\n")
  .filter((l) => l.trim() !== "")
  .map((l) => JSON.parse(l) as Pair);
const cut = Math.floor(pairs.length * 0.6);
const tune = pairs.slice(0, cut);
const heldOut = pairs.slice(cut);

const prepared = new Map<string, PreparedStatement>();
const prep = (text: string) => {
  let p = prepared.get(text);
  if (!p) prepared.set(text, (p = prepareStatement(text)));
  return p;
};
const nearMiss = new Map(pairs.map((p) => [p.id, detectNearMiss(p.a, p.b).nearMiss]));

interface Scored extends Pair {
  score: number;
  nearMiss: boolean;
}
const scoreAll = (set: Pair[], weight: number): Scored[] =>
  set.map((p) => ({ ...p, score: scorePrepared(prep(p.a), prep(p.b), weight), nearMiss: nearMiss.get(p.id)! }));

/** Ranks each same pair's b against the distinct a statements of the set; returns the top-1 and top-5 rates. */
function ranking(set: Pair[], weight: number): { top1: number; top5: number; same: number } {
  const corpus = [...new Set(set.map((p) => p.a))];
  const same = set.filter((p) => p.label === "same");
  let top1 = 0;
  let top5 = 0;
  for (const p of same) {
    const query = prep(p.b);
    const ranked = corpus.map((a) => ({ a, s: scorePrepared(prep(a), query, weight) })).sort((x, y) => y.s - x.s);
    const rank = ranked.findIndex((r) => r.a === p.a);
    if (rank === 0) top1++;
    if (rank < 5) top5++;
  }
  return { top1: top1 / same.length, top5: top5 / same.length, same: same.length };
}

/**
 * Linking without a reviewer must stay a near-duplicate match: Meedan Check's 0.875 is the prior, and the tuning
 * split only decides whether it must be higher (when a wrong link would happen above it).
 */
const AUTO_LINK_FLOOR = 0.875;
const grid = Array.from({ length: 100 }, (_, i) => i / 100);

function pickThresholds(scored: Scored[]): { suggest: number; autoLink: number } {
  const same = scored.filter((p) => p.label === "same");
  const suggest = [...grid].reverse().find((t) => same.filter((p) => p.score >= t).length >= 0.95 * same.length) ?? 0;
  const cleanAt = (t: number) => scored.filter((p) => p.score >= t && !p.nearMiss).every((p) => p.label === "same");
  const lowestClean = grid.find((t) => t >= suggest && grid.filter((u) => u >= t).every(cleanAt)) ?? 1;
  return { suggest, autoLink: Math.max(AUTO_LINK_FLOOR, lowestClean) };
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const f2 = (x: number) => x.toFixed(2);

console.log(`pairs: ${pairs.length} (tuning ${tune.length}: ids 1-${cut}; held out ${heldOut.length}: ids ${cut + 1}-${pairs.length})`);
const count = (set: Pair[], label: Label) => set.filter((p) => p.label === label).length;
for (const [name, set] of [["tuning", tune], ["held out", heldOut]] as const) {
  console.log(`  ${name}: ${count(set, "same")} same, ${count(set, "different")} different, ${count(set, "near_miss")} near-miss`);
}

console.log("\n1. Tuning split: thresholds picked per trigram weight");
console.log("   weight  top-1   top-5   suggest  auto-link");
for (const weight of [0, 0.25, 0.5, 0.75, 1]) {
  const r = ranking(tune, weight);
  const t = pickThresholds(scoreAll(tune, weight));
  const mark = weight === TRIGRAM_WEIGHT ? "*" : " ";
  console.log(`  ${mark}${f2(weight).padStart(5)}  ${pct(r.top1).padStart(6)}  ${pct(r.top5).padStart(6)}  ${f2(t.suggest).padStart(7)}  ${t.autoLink.toFixed(3).padStart(9)}`);
}
console.log(`   committed: weight ${TRIGRAM_WEIGHT}, suggest ${SUGGEST_THRESHOLD}, auto-link ${AUTO_LINK_THRESHOLD}`);

const held = scoreAll(heldOut, TRIGRAM_WEIGHT);
const heldSame = held.filter((p) => p.label === "same").length;
console.log("\n2. Held-out split, committed constants");
console.log("   Precision/recall (positive = same claim; a pair is predicted same when score >= threshold)");
console.log("   threshold  predicted  precision  recall   near-misses above");
for (let t = 0.1; t <= 0.951; t += 0.05) {
  const above = held.filter((p) => p.score >= t);
  const tp = above.filter((p) => p.label === "same").length;
  const nm = above.filter((p) => p.label === "near_miss").length;
  console.log(`   ${f2(t).padStart(9)}  ${String(above.length).padStart(9)}  ${(above.length ? pct(tp / above.length) : "-").padStart(9)}  ${pct(tp / heldSame).padStart(6)}  ${String(nm).padStart(17)}`);
}

const suggested = held.filter((p) => p.score >= SUGGEST_THRESHOLD);
const worth = suggested.filter((p) => p.label !== "different").length;
console.log(`\n   Suggest (score >= ${SUGGEST_THRESHOLD}): ${suggested.length} pairs; same-claim recall ${pct(suggested.filter((p) => p.label === "same").length / heldSame)}; ` +
  `near-miss recall ${pct(suggested.filter((p) => p.label === "near_miss").length / count(heldOut, "near_miss"))}; ` +
  `${pct(worth / suggested.length)} of suggestions are the same claim or a near-miss`);
const linked = held.filter((p) => p.score >= AUTO_LINK_THRESHOLD && !p.nearMiss);
const blocked = held.filter((p) => p.score >= AUTO_LINK_THRESHOLD && p.nearMiss);
console.log(`   Auto-link (score >= ${AUTO_LINK_THRESHOLD} and not a near-miss): ${linked.length} linked, ` +
  `precision ${linked.length ? pct(linked.filter((p) => p.label === "same").length / linked.length) : "-"}, ` +
  `recall ${pct(linked.filter((p) => p.label === "same").length / heldSame)}; ` +
  `near-misses linked: ${linked.filter((p) => p.label === "near_miss").length}; ` +
  `held back as near-misses: ${blocked.length} (${blocked.filter((p) => p.label === "near_miss").length} labelled near-miss)`);
const nmAll = held.filter((p) => p.label === "near_miss");
console.log(`   Near-miss detector on labelled near-misses: ${pct(nmAll.filter((p) => p.nearMiss).length / nmAll.length)} detected; ` +
  `on same-claim pairs it fires on ${pct(held.filter((p) => p.label === "same" && p.nearMiss).length / heldSame)} (only blocks auto-linking)`);

const r = ranking(heldOut, TRIGRAM_WEIGHT);
console.log(`\n   Ranking (${r.same} same-claim pairs; each b against the ${new Set(heldOut.map((p) => p.a)).size} distinct held-out a statements):`);
console.log(`   earlier check in the top 5: ${pct(r.top5)} (target >= 90%: ${r.top5 >= 0.9 ? "met" : "NOT met"})`);
console.log(`   top suggestion is the same claim: ${pct(r.top1)} (target >= 80%: ${r.top1 >= 0.8 ? "met" : "NOT met"})`);
