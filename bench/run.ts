/**
 * `npm run bench`: every benchmark of issue 9 §7 in turn, each in its own process with its own throwaway database,
 * each rewriting its marked block of BENCHMARKS.md (and bench/results/<block>.md):
 *
 *   bench/serve.ts      (a) reader through nginx vs static file, (b) Next alone vs bare node:http
 *   bench/actions.ts    (c) 20 concurrent reviewers through the real server action, embedded and external PostgreSQL
 *   bench/scale.ts      (d) pages at 100 vs 10,000 articles; export/import of 1,000,000 rows
 *   bench/staleness.ts  (e) time until B and nginx serve an approval made through A
 *
 *   npm run bench                   all of them
 *   npm run bench -- scale actions  only those named
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const ALL = ["serve", "actions", "scale", "staleness"];
const chosen = process.argv.slice(2).length ? process.argv.slice(2) : ALL;
const unknown = chosen.filter((name) => !ALL.includes(name));
if (unknown.length) {
  console.error(`[bench] unknown benchmark(s): ${unknown.join(", ")} (choose from ${ALL.join(", ")})`);
  process.exit(2);
}
const failed: string[] = [];
for (const name of chosen) {
  console.log(`\n=== bench/${name}.ts ===`);
  const started = Date.now();
  const r = spawnSync(path.join(__dirname, "..", "node_modules", ".bin", "tsx"), [path.join(__dirname, `${name}.ts`)], { stdio: "inherit", env: process.env });
  console.log(`=== bench/${name}.ts: ${r.status === 0 ? "done" : "FAILED"} in ${((Date.now() - started) / 1000).toFixed(0)} s ===`);
  if (r.status !== 0) failed.push(name);
}
if (failed.length) console.error(`[bench] failed: ${failed.join(", ")}`);
process.exit(failed.length ? 1 : 0);
