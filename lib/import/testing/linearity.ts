/**
 * A linearity check by ratio, not by absolute time: how much longer `run` takes on the doubled input than on the
 * single one. Each side is repeated enough times to last tens of milliseconds, and the best of three is taken, so
 * timer resolution and a busy machine weigh little. A linear pass gives about 2; a quadratic one about 4.
 */
export function doublingRatio<T>(run: (input: T) => unknown, single: T, doubled: T): number {
  run(single); // warm up the JIT
  const once = Math.max(0.05, timeOf(() => run(single)));
  const reps = Math.min(50, Math.max(1, Math.ceil(40 / once)));
  const best = (input: T) => Math.min(...[0, 1, 2].map(() => timeOf(() => { for (let i = 0; i < reps; i++) run(input); })));
  return best(doubled) / best(single);
}

function timeOf(f: () => void): number {
  const started = performance.now();
  f();
  return performance.now() - started;
}
