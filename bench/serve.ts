/**
 * (a) The demo reader page through nginx (shipped deploy/nginx.conf: 1 s micro-cache, two `next start` instances on
 *     one PostgreSQL) against the same nginx serving the page's exact bytes as a static file. Target ≥ 0.8×.
 * (b) Next alone (one instance, direct, a cache hit) against a bare node:http server (its own process) answering
 *     the same bytes.
 *
 *   npx tsx bench/serve.ts      Env: BENCH_DURATION (s per target, default 10), BENCH_CONNECTIONS (default 10)
 *
 * Every target gets the same autocannon settings, one target at a time, after the same warm-up. Rewrites the
 * `serve-bench` block of BENCHMARKS.md.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import autocannon from "autocannon";

type CannonResult = Parameters<Parameters<typeof autocannon>[1]>[1];
import { ensureBenchBuild, fmt, freePort, HOST, log, machineLine, migrateAndSeed, onCleanup, runMain, startInstance, startNginx, startThrowawayPostgres, waitFor, writeBlock } from "./lib/harness";

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
/** Each pair is measured in alternation (x, y, x, y…) so that a burst of load from elsewhere hits both sides. */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 2));

interface Row {
  name: string;
  bytes: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function load(url: string, opts: { duration?: number; amount?: number }): Promise<CannonResult> {
  return new Promise((resolve, reject) => autocannon({ url, connections: CONNECTIONS, pipelining: 1, ...opts }, (err, r) => (err ? reject(err) : resolve(r))));
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Two targets in alternation, ROUNDS times each after a warm-up; req/s, p50 and p99 are the means over the rounds. */
async function measurePair(targets: { name: string; url: string; bytes: number }[]): Promise<Row[]> {
  for (const t of targets) await load(t.url, { amount: 300 }); // warm-up: JIT, keep-alive pools, caches
  const runs = targets.map(() => [] as CannonResult[]);
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [i, t] of targets.entries()) {
      log(`${t.name}: round ${round}/${ROUNDS}, ${CONNECTIONS} connections × ${DURATION} s…`);
      runs[i].push(await load(t.url, { duration: DURATION }));
    }
  }
  return targets.map((t, i) => ({
    name: t.name,
    bytes: t.bytes,
    rps: mean(runs[i].map((r) => r.requests.average)),
    p50: mean(runs[i].map((r) => r.latency.p50)),
    p99: mean(runs[i].map((r) => r.latency.p99)),
    non2xx: runs[i].reduce((a, r) => a + r.non2xx, 0),
    errors: runs[i].reduce((a, r) => a + r.errors, 0),
  }));
}

async function fetchBytes(url: string) {
  const res = await fetch(url);
  const body = Buffer.from(await res.arrayBuffer());
  return { res, body };
}

async function main() {
  const db = await startThrowawayPostgres();
  const { demoSlug } = await migrateAndSeed(db.url);
  await ensureBenchBuild(db.url);
  // Both instances believe the public address is nginx's, as in production (the page's canonical URL names it).
  const nginxPort = await freePort();
  const publicBase = `http://${HOST}:${nginxPort}`;
  const [a, b] = [await startInstance(db.url, { publicBase }), await startInstance(db.url, { publicBase })];
  const page = `/articles/${demoSlug}`;

  // The page's bytes as Next serves them on a cache hit (second request), written for nginx's static server and the
  // bare node:http server.
  await fetchBytes(`${a.base}${page}`);
  const hit = await fetchBytes(`${a.base}${page}`);
  const nextCache = hit.res.headers.get("x-nextjs-cache");
  const html = hit.body;

  const staticPort = await freePort();
  const nginx = await startNginx([a.port, b.port], `  server { listen ${HOST}:${staticPort}; location / { root $DIR/static; default_type text/html; } }\n`, nginxPort);
  fs.mkdirSync(path.join(nginx.dir, "static"), { recursive: true });
  fs.writeFileSync(path.join(nginx.dir, "static", "demo.html"), html);
  const staticUrl = `http://${HOST}:${staticPort}/demo.html`;
  const nginxUrl = `${nginx.base}${page}`;

  const bareFile = path.join(nginx.dir, "bare.html");
  fs.writeFileSync(bareFile, html);
  const barePort = await freePort();
  const bareScript = `
    const body = require("node:fs").readFileSync(process.argv[1]);
    require("node:http").createServer((req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
      res.end(body);
    }).listen(${barePort}, "${HOST}");`;
  const bare = spawn(process.execPath, ["-e", bareScript, bareFile], { stdio: ["ignore", "ignore", "inherit"] });
  onCleanup(() => void bare.kill("SIGTERM"));
  const bareUrl = `http://${HOST}:${barePort}/`;
  await waitFor(bareUrl);

  // Same bytes everywhere, and the caches are what they claim to be.
  await fetchBytes(nginxUrl);
  const viaNginx = await fetchBytes(nginxUrl);
  const cacheStatus = viaNginx.res.headers.get("x-cache-status");
  const sameBytes = {
    nginx: viaNginx.body.equals(html),
    static: (await fetchBytes(staticUrl)).body.equals(html),
    bare: (await fetchBytes(bareUrl)).body.equals(html),
  };
  if (!sameBytes.nginx) {
    let i = 0;
    while (i < html.length && html[i] === viaNginx.body[i]) i++;
    log(`nginx's copy differs from A's at byte ${i}: A "${html.subarray(Math.max(0, i - 60), i + 40).toString()}" vs nginx "${viaNginx.body.subarray(Math.max(0, i - 60), i + 40).toString()}"`);
  }
  log(`demo page ${fmt(html.length)} bytes; Next: x-nextjs-cache ${nextCache}; nginx: X-Cache-Status ${cacheStatus}; same bytes ${JSON.stringify(sameBytes)}`);

  const rows = [
    ...(await measurePair([
      { name: "(a) nginx → 2 × next start, micro-cache, demo reader page", url: nginxUrl, bytes: viaNginx.body.length },
      { name: "(a) nginx, the same bytes as a static file", url: staticUrl, bytes: html.length },
    ])),
    ...(await measurePair([
      { name: "(b) Next alone (1 instance, direct), cache hit", url: `${a.base}${page}`, bytes: html.length },
      { name: "(b) bare node:http, the same bytes", url: bareUrl, bytes: html.length },
    ])),
  ];
  const [viaProxy, asStatic, nextAlone, bareRow] = rows;
  const ratio = (x: Row, y: Row) => `${fmt(x.rps / y.rps, 2)}×`;
  const p99ratio = (x: Row, y: Row) => `${fmt(x.p99 / Math.max(y.p99, 1), 2)}×`;
  const report = [
    `Provisional: ${machineLine()}. autocannon ${CONNECTIONS} connections × ${DURATION} s per target and round, one target at a time, each pair in alternation for ${ROUNDS} rounds (means shown) after a 300-request warm-up, loopback; no Accept-Encoding (uncompressed on every target). nginx runs deploy/nginx.conf with only its paths and ports changed and its access log off.`,
    "",
    `Checks: demo page ${fmt(html.length)} bytes; Next answered \`x-nextjs-cache: ${nextCache}\`; nginx answered \`X-Cache-Status: ${cacheStatus}\`; byte-identical through nginx / static / bare: ${sameBytes.nginx} / ${sameBytes.static} / ${sameBytes.bare}.`,
    "",
    "| target | bytes | req/s | p50 ms | p99 ms | non-2xx + errors |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
    ...rows.map((r) => `| ${r.name} | ${fmt(r.bytes)} | ${fmt(r.rps)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${r.non2xx + r.errors} |`),
    "",
    "| comparison | req/s ratio | p99 ratio | target |",
    "| --- | ---: | ---: | --- |",
    `| (a) reader through nginx vs nginx static file | ${ratio(viaProxy, asStatic)} | ${p99ratio(viaProxy, asStatic)} | ≥ 0.8× — ${viaProxy.rps / asStatic.rps >= 0.8 ? "met" : "**not met**"} |`,
    `| (b) Next alone (cache hit) vs bare node:http | ${ratio(nextAlone, bareRow)} | ${p99ratio(nextAlone, bareRow)} | reported |`,
  ].join("\n");
  console.log("\n" + report + "\n");
  writeBlock("serve-bench", "Reader: nginx and Next against static bytes (a, b)", report);
}

runMain(main);
