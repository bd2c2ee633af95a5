/** `npm run bench`: runs each benchmark in turn (each writes its own section of BENCHMARKS.md). */
import { spawnSync } from "node:child_process";
import path from "node:path";

const benches = ["reader.ts"];
let failed = false;
for (const b of benches) {
  console.log(`\n=== bench/${b} ===`);
  const r = spawnSync(path.join(__dirname, "..", "node_modules/.bin/tsx"), [path.join(__dirname, b)], { stdio: "inherit", env: process.env });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
