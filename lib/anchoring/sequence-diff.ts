/**
 * Diff of two sequences of interned tokens (numbers), as the list of runs they have in common.
 *
 * Strategy, cheapest first: trim the common prefix and suffix; then patience diff (tokens that occur exactly once on
 * each side, kept in order by a longest increasing subsequence, become fixed points and the gaps between them are
 * diffed recursively); a gap without such tokens goes to Myers' O((n + m) · d) algorithm. Myers gives up above a cost
 * budget and reports the whole gap as changed: correct, only less minimal, and never slow.
 */

/** `length` tokens equal in both sequences, from `a` in the old one and from `b` in the new one. */
export interface CommonRun {
  a: number;
  b: number;
  length: number;
}

/** Work budget of one Myers call, in (n + m) · d steps. */
const MYERS_BUDGET = 20_000_000;
const MYERS_MAX_EDITS = 4_000;

type Tokens = ArrayLike<number>;

export function diffSequences(a: Tokens, b: Tokens): CommonRun[] {
  const runs: CommonRun[] = [];
  diffRange(a, b, 0, a.length, 0, b.length, runs);
  return mergeAdjacent(runs);
}

function diffRange(a: Tokens, b: Tokens, aLo: number, aHi: number, bLo: number, bHi: number, out: CommonRun[]): void {
  let prefix = 0;
  while (aLo + prefix < aHi && bLo + prefix < bHi && a[aLo + prefix] === b[bLo + prefix]) prefix++;
  if (prefix > 0) out.push({ a: aLo, b: bLo, length: prefix });
  aLo += prefix;
  bLo += prefix;
  let suffix = 0;
  while (aHi - suffix > aLo && bHi - suffix > bLo && a[aHi - 1 - suffix] === b[bHi - 1 - suffix]) suffix++;
  aHi -= suffix;
  bHi -= suffix;

  if (aLo < aHi && bLo < bHi) {
    const anchors = uniqueCommonTokens(a, b, aLo, aHi, bLo, bHi);
    if (anchors.length > 0) {
      let pa = aLo;
      let pb = bLo;
      for (const [i, j] of anchors) {
        diffRange(a, b, pa, i, pb, j, out);
        out.push({ a: i, b: j, length: 1 });
        pa = i + 1;
        pb = j + 1;
      }
      diffRange(a, b, pa, aHi, pb, bHi, out);
    } else {
      myers(a, b, aLo, aHi, bLo, bHi, out);
    }
  }
  if (suffix > 0) out.push({ a: aHi, b: bHi, length: suffix });
}

/**
 * Tokens occurring exactly once in each range, as [index in a, index in b] pairs; of those, the longest subset that
 * is in the same order on both sides.
 */
function uniqueCommonTokens(a: Tokens, b: Tokens, aLo: number, aHi: number, bLo: number, bHi: number): Array<[number, number]> {
  // token → its index when it occurs once in the range, -1 when it repeats.
  const inA = new Map<number, number>();
  for (let i = aLo; i < aHi; i++) inA.set(a[i], inA.has(a[i]) ? -1 : i);
  const inB = new Map<number, number>();
  for (let j = bLo; j < bHi; j++) {
    const token = b[j];
    if ((inA.get(token) ?? -1) < 0) continue;
    inB.set(token, inB.has(token) ? -1 : j);
  }
  const pairs: Array<[number, number]> = [];
  for (let i = aLo; i < aHi; i++) {
    const j = inB.get(a[i]);
    if (j !== undefined && j >= 0 && inA.get(a[i]) === i) pairs.push([i, j]);
  }
  return longestIncreasingByB(pairs);
}

/** Patience sorting: the longest subsequence of `pairs` (already increasing in a) that also increases in b. */
function longestIncreasingByB(pairs: Array<[number, number]>): Array<[number, number]> {
  if (pairs.length <= 1) return pairs;
  const pileTops: number[] = []; // index into pairs of the top card of each pile
  const previous = new Int32Array(pairs.length).fill(-1);
  for (let p = 0; p < pairs.length; p++) {
    const j = pairs[p][1];
    let lo = 0;
    let hi = pileTops.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[pileTops[mid]][1] < j) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[p] = pileTops[lo - 1];
    pileTops[lo] = p;
  }
  const result: Array<[number, number]> = [];
  for (let p = pileTops[pileTops.length - 1]; p >= 0; p = previous[p]) result.push(pairs[p]);
  return result.reverse();
}

function myers(a: Tokens, b: Tokens, aLo: number, aHi: number, bLo: number, bHi: number, out: CommonRun[]): void {
  const n = aHi - aLo;
  const m = bHi - bLo;
  const maxEdits = Math.min(n + m, MYERS_MAX_EDITS, Math.floor(MYERS_BUDGET / (n + m)));
  const offset = maxEdits + 1;
  const v = new Int32Array(2 * maxEdits + 3);
  // trace[d] holds v[k] for k in [-d, d] as it was before step d, at index k + d.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= maxEdits; d++) {
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[aLo + x] === b[bLo + y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        out.push(...backtrack(trace, d, n, m, aLo, bLo));
        return;
      }
    }
  }
  // Over budget: the whole gap counts as changed.
}

function backtrack(trace: Int32Array[], edits: number, n: number, m: number, aLo: number, bLo: number): CommonRun[] {
  const runs: CommonRun[] = [];
  let x = n;
  let y = m;
  for (let d = edits; d > 0; d--) {
    const before = trace[d];
    const at = (k: number) => before[k + d];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const snakeX = prevK === k + 1 ? prevX : prevX + 1;
    if (x > snakeX) runs.push({ a: aLo + snakeX, b: bLo + snakeX - k, length: x - snakeX });
    x = prevX;
    y = prevX - prevK;
  }
  if (x > 0) runs.push({ a: aLo, b: bLo, length: x });
  return runs.reverse();
}

function mergeAdjacent(runs: CommonRun[]): CommonRun[] {
  const merged: CommonRun[] = [];
  for (const run of runs) {
    if (run.length === 0) continue;
    const last = merged[merged.length - 1];
    if (last && last.a + last.length === run.a && last.b + last.length === run.b) last.length += run.length;
    else merged.push({ ...run });
  }
  return merged;
}
