/** String distance helpers for re-anchoring. All lengths and offsets are UTF-16 code units. */

/** Levenshtein edit distance, O(|a|·|b|) time and O(|b|) memory. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let prev = new Int32Array(b.length + 1);
  let curr = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    curr[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      curr[j] = Math.min(prev[j - 1] + cost, prev[j] + 1, curr[j - 1] + 1);
    }
    [prev, curr] = [curr, prev];
  }
  return prev[b.length];
}

/** Normalised Levenshtein similarity in [0, 1]: 1 − distance / longer length (two empty strings are identical). */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - levenshtein(a, b) / longer;
}

export interface Alignment {
  /** Start of the best-matching substring of `text` (absolute offset). */
  start: number;
  /** End of the best-matching substring of `text` (absolute offset, exclusive). */
  end: number;
  distance: number;
}

/**
 * Finds the substring of `text.slice(from, to)` closest to `pattern` (semi-global alignment: the whole pattern
 * against any substring of the window). O(|pattern| · window) time, O(window) memory.
 * Among equally close substrings it prefers the one whose length is nearest the pattern's.
 */
export function alignInWindow(pattern: string, text: string, from: number, to: number): Alignment {
  const lo = Math.max(0, from);
  const hi = Math.min(text.length, to);
  const width = Math.max(0, hi - lo);
  const m = pattern.length;
  // dist[j] / origin[j]: best distance of pattern[0..i) ending at window position j, and where that match starts.
  let dist = new Int32Array(width + 1);
  let origin = new Int32Array(width + 1);
  let nextDist = new Int32Array(width + 1);
  let nextOrigin = new Int32Array(width + 1);
  for (let j = 0; j <= width; j++) {
    dist[j] = 0;
    origin[j] = j;
  }
  for (let i = 1; i <= m; i++) {
    nextDist[0] = i;
    nextOrigin[0] = 0;
    const pc = pattern.charCodeAt(i - 1);
    for (let j = 1; j <= width; j++) {
      const diagonal = dist[j - 1] + (pc === text.charCodeAt(lo + j - 1) ? 0 : 1);
      const up = dist[j] + 1;
      const left = nextDist[j - 1] + 1;
      if (diagonal <= up && diagonal <= left) {
        nextDist[j] = diagonal;
        nextOrigin[j] = origin[j - 1];
      } else if (up <= left) {
        nextDist[j] = up;
        nextOrigin[j] = origin[j];
      } else {
        nextDist[j] = left;
        nextOrigin[j] = nextOrigin[j - 1];
      }
    }
    [dist, nextDist] = [nextDist, dist];
    [origin, nextOrigin] = [nextOrigin, origin];
  }
  let best = { start: lo, end: lo, distance: m };
  let bestLengthGap = m;
  for (let j = 0; j <= width; j++) {
    const lengthGap = Math.abs(j - origin[j] - m);
    if (dist[j] < best.distance || (dist[j] === best.distance && lengthGap < bestLengthGap)) {
      best = { start: lo + origin[j], end: lo + j, distance: dist[j] };
      bestLengthGap = lengthGap;
    }
  }
  return best;
}
