/**
 * A linearity check by ratio, not by absolute time: how much longer `run` takes on the doubled input than on the
 * single one. Each measurement repeats the run enough times to last tens of milliseconds; single and doubled are
 * measured in turn, five times each, and the best of each is kept, so timer resolution and a burst of load on a busy
 * machine weigh little. A linear pass gives about 2; a quadratic one about 4.
 */
export function doublingRatio<T>(run: (input: T) => unknown, single: T, doubled: T, rounds = 5): number {
  run(single); // warm up the JIT
  const once = Math.max(0.05, timeOf(() => run(single)));
  const reps = Math.min(50, Math.max(1, Math.ceil(40 / once)));
  const repeated = (input: T) => timeOf(() => {
    for (let i = 0; i < reps; i++) run(input);
  });
  let bestSingle = Infinity;
  let bestDoubled = Infinity;
  for (let round = 0; round < rounds; round++) {
    bestSingle = Math.min(bestSingle, repeated(single));
    bestDoubled = Math.min(bestDoubled, repeated(doubled));
  }
  return bestDoubled / bestSingle;
}

function timeOf(f: () => void): number {
  const started = performance.now();
  f();
  return performance.now() - started;
}
