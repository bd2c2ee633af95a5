/**
 * Reader benchmark (issue 4, section 5). One run on this machine, loopback only, bounded durations:
 *
 *   - builds the app into .next-bench (skipped when up to date) and starts the production server (server.mjs: Next.js
 *     behind the published-page byte cache) on 127.0.0.1 against a fresh benchmark database (the demo + a generated
 *     1,000-annotation article), and a second one with the byte cache off (PAGE_CACHE_MB=0: Next.js alone);
 *   - starts a bare node:http server (its own process) returning the reader pages' exact HTML bytes;
 *   - runs autocannon with the SAME connection count and duration against every target, one after the other:
 *     the empty force-static page (/bench-empty, the framework's floor), the demo article, the 1,000-annotation
 *     article, and the bare server with each page's bytes (the physical limit);
 *   - measures the client JavaScript (gzip) the reader route loads against the empty page's;
 *   - prints a table and rewrites the "Reader" section of BENCHMARKS.md.
 *
 * Env: BENCH_DURATION (s, default 10), BENCH_CONNECTIONS (default 10), BENCH_PORT (default 3290).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import autocannon from "autocannon";
import { LARGE_COUNT, LARGE_SLUG, prepareBenchDatabase } from "./reader-fixture";

const ROOT = path.resolve(__dirname, "..");
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3290);
const BARE_PORT = PORT + 1;
const NEXT_ALONE_PORT = PORT + 2;
const HOST = "127.0.0.1";
const DIST = ".next-bench";
const DB_FILE = path.join(ROOT, ".data", "bench-reader.db");

interface Target {
  name: string;
  url: string;
  bytes?: number;
}
interface Result extends Target {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  mbPerSec: number;
}

const children: ChildProcess[] = [];
function stopAll() {
  for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
}
process.on("exit", stopAll);
process.on("SIGINT", () => process.exit(130));
process.on("SIGTERM", () => process.exit(143));

async function waitFor(url: string, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`Timed out waiting for ${url}`);
}

function run(target: Target): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url: target.url, connections: CONNECTIONS, duration: DURATION, pipelining: 1 }, (err, r) => {
      if (err) return reject(err);
      resolve({
        ...target,
        rps: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        non2xx: r.non2xx,
        errors: r.errors,
        mbPerSec: r.throughput.average / 1e6,
      });
    });
  });
}

async function clientJs(pageUrl: string): Promise<Map<string, number>> {
  const html = await (await fetch(pageUrl)).text();
  const srcs = new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]));
  const sizes = new Map<string, number>();
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, pageUrl))).arrayBuffer());
    sizes.set(src, zlib.gzipSync(body, { level: 9 }).length);
  }
  return sizes;
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const fmt = (n: number, d = 0) => n.toLocaleString("en-GB", { maximumFractionDigits: d, minimumFractionDigits: d });

async function main() {
  console.log(`[bench] preparing ${path.relative(ROOT, DB_FILE)} (demo + ${LARGE_COUNT}-annotation article)…`);
  const { demoSlug } = await prepareBenchDatabase(DB_FILE);

  const env = {
    ...process.env,
    DATABASE_URL: `file:${DB_FILE}`,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "bench-only-secret-bench-only-secret-bench-only",
    NEXTAUTH_URL: `http://${HOST}:${PORT}`,
    PUBLIC_BASE_URL: `http://${HOST}:${PORT}`,
    NEXT_DIST_DIR: DIST,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  Object.assign(process.env, env);
  const lib = (await import(path.join(ROOT, "scripts", "lib.mjs"))) as { ensureBuild: (dist: string) => void };
  lib.ensureBuild(DIST);

  for (const [port, pageCacheMb] of [[PORT, "64"], [NEXT_ALONE_PORT, "0"]] as const) {
    console.log(`[bench] starting server.mjs on ${HOST}:${port} (PAGE_CACHE_MB=${pageCacheMb})…`);
    const server = spawn(process.execPath, [path.join(ROOT, "server.mjs")], {
      cwd: ROOT,
      env: { ...env, HOST, PORT: String(port), PAGE_CACHE_MB: pageCacheMb },
      stdio: ["ignore", "ignore", "inherit"],
    });
    children.push(server);
    await waitFor(`http://${HOST}:${port}/api/health`);
  }

  const base = `http://${HOST}:${PORT}`;
  const aloneBase = `http://${HOST}:${NEXT_ALONE_PORT}`;
  const demoUrl = `${base}/articles/${demoSlug}`;
  const largeUrl = `${base}/articles/${LARGE_SLUG}`;
  const emptyUrl = `${base}/bench-empty`;
  const demoAloneUrl = `${aloneBase}/articles/${demoSlug}`;
  const largeAloneUrl = `${aloneBase}/articles/${LARGE_SLUG}`;

  // First requests render and fill the caches (timed: the cost a cached hit does not pay).
  const firstRender: Record<string, number> = {};
  for (const [name, url] of [["demo", demoUrl], ["large", largeUrl], ["demoAlone", demoAloneUrl], ["largeAlone", largeAloneUrl]] as const) {
    const t = performance.now();
    const res = await fetch(url);
    await res.arrayBuffer();
    firstRender[name] = performance.now() - t;
    if (res.headers.get("x-nextjs-cache") !== "MISS") console.warn(`[bench] expected a cache MISS on the first ${name} request, got ${res.headers.get("x-nextjs-cache")}`);
  }
  const hitHeaders: Record<string, string | null> = {};
  const html: Record<string, Buffer> = {};
  for (const [name, url] of [["demo", demoUrl], ["large", largeUrl], ["empty", emptyUrl], ["demoAlone", demoAloneUrl], ["largeAlone", largeAloneUrl]] as const) {
    const res = await fetch(url, { headers: { "accept-encoding": "identity" } });
    html[name] = Buffer.from(await res.arrayBuffer());
    hitHeaders[name] = `x-page-cache: ${res.headers.get("x-page-cache") ?? "–"}, x-nextjs-cache: ${res.headers.get("x-nextjs-cache")}`;
  }
  if (!html.demo.equals(html.demoAlone)) console.warn("[bench] the byte cache and Next alone sent different bytes for the demo page");
  // An annotation's permalink (?annotation=<id>, the ClaimReview url): cached like the article since this session.
  const annotationId = /id="annotation-([A-Za-z0-9_-]+)"/.exec(html.demo.toString("utf8"))?.[1];
  if (!annotationId) throw new Error("no annotation details found in the demo page");
  const permalinkUrl = `${demoUrl}?annotation=${annotationId}`;
  const permalinkAloneUrl = `${demoAloneUrl}?annotation=${annotationId}`;
  for (const [name, url] of [["permalink", permalinkUrl], ["permalinkAlone", permalinkAloneUrl]] as const) {
    await (await fetch(url)).arrayBuffer();
    const res = await fetch(url, { headers: { "accept-encoding": "identity" } });
    html[name] = Buffer.from(await res.arrayBuffer());
    hitHeaders[name] = `x-page-cache: ${res.headers.get("x-page-cache") ?? "–"}, x-nextjs-cache: ${res.headers.get("x-nextjs-cache")}`;
  }

  // The bare node:http server, in its own process, answering each page's exact bytes.
  const bytesDir = fs.mkdtempSync(path.join(os.tmpdir(), "provenance-bench-"));
  fs.writeFileSync(path.join(bytesDir, "demo.html"), html.demo);
  fs.writeFileSync(path.join(bytesDir, "large.html"), html.large);
  const bareScript = `
    const http = require("node:http"); const fs = require("node:fs"); const path = require("node:path");
    const dir = process.argv[1];
    const pages = { "/demo": fs.readFileSync(path.join(dir, "demo.html")), "/large": fs.readFileSync(path.join(dir, "large.html")) };
    http.createServer((req, res) => {
      const body = pages[req.url];
      if (!body) { res.statusCode = 404; return res.end(); }
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": body.length });
      res.end(body);
    }).listen(${BARE_PORT}, "${HOST}", () => console.log("ready"));`;
  const bare = spawn(process.execPath, ["-e", bareScript, bytesDir], { stdio: ["ignore", "ignore", "inherit"] });
  children.push(bare);
  await waitFor(`http://${HOST}:${BARE_PORT}/demo`);

  const targets: Target[] = [
    { name: "(a) empty force-static page, same app", url: emptyUrl, bytes: html.empty.length },
    { name: "reader: demo article (18 annotations)", url: demoUrl, bytes: html.demo.length },
    { name: `reader: generated article (${LARGE_COUNT} annotations)`, url: largeUrl, bytes: html.large.length },
    { name: "reader: demo article, Next alone (PAGE_CACHE_MB=0)", url: demoAloneUrl, bytes: html.demoAlone.length },
    { name: `reader: ${LARGE_COUNT}-annotation article, Next alone`, url: largeAloneUrl, bytes: html.largeAlone.length },
    { name: "reader: demo permalink (?annotation=<id>)", url: permalinkUrl, bytes: html.permalink.length },
    { name: "reader: demo permalink, Next alone", url: permalinkAloneUrl, bytes: html.permalinkAlone.length },
    { name: "(b) bare node:http, demo page bytes", url: `http://${HOST}:${BARE_PORT}/demo`, bytes: html.demo.length },
    { name: `(b) bare node:http, ${LARGE_COUNT}-annotation page bytes`, url: `http://${HOST}:${BARE_PORT}/large`, bytes: html.large.length },
  ];
  const js = await measureJs(demoUrl, emptyUrl);
  // A short warm-up so the JIT is not measured.
  for (const t of targets) await new Promise<void>((r) => autocannon({ url: t.url, connections: CONNECTIONS, amount: 200 }, () => r()));

  const results: Result[] = [];
  for (const t of targets) {
    console.log(`[bench] ${t.name}: ${CONNECTIONS} connections, ${DURATION} s…`);
    results.push(await run(t));
  }
  stopAll();
  fs.rmSync(bytesDir, { recursive: true, force: true });

  const [empty, demo, large, demoAlone, largeAlone, permalink, permalinkAlone, bareDemo, bareLarge] = results;
  const report = buildReport({ results, empty, demo, large, demoAlone, largeAlone, permalink, permalinkAlone, bareDemo, bareLarge, firstRender, hitHeaders, js });
  console.log("\n" + report);
  writeBenchmarks(report);
}

async function measureJs(demoUrl: string, emptyUrl: string) {
  const reader = await clientJs(demoUrl);
  const empty = await clientJs(emptyUrl);
  const total = (sizes: number[]) => sizes.reduce((a, b) => a + b, 0);
  const extra = [...reader.entries()].filter(([src]) => !empty.has(src)).map(([, n]) => n);
  return { reader: total([...reader.values()]), empty: total([...empty.values()]), extra: total(extra), extraChunks: extra.length };
}

function buildReport(r: {
  results: Result[];
  empty: Result;
  demo: Result;
  large: Result;
  demoAlone: Result;
  largeAlone: Result;
  permalink: Result;
  permalinkAlone: Result;
  bareDemo: Result;
  bareLarge: Result;
  firstRender: Record<string, number>;
  hitHeaders: Record<string, string | null>;
  js: { reader: number; empty: number; extra: number; extraChunks: number };
}): string {
  const { empty, demo, large, demoAlone, largeAlone, permalink, permalinkAlone, bareDemo, bareLarge } = r;
  const cpu = os.cpus();
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\` on ${cpu.length} × ${cpu[0]?.model.trim() ?? "CPU"}, Node ${process.version}, ` +
      `autocannon ${CONNECTIONS} connections × ${DURATION} s per target, one target at a time, loopback (127.0.0.1); ` +
      `the app (server.mjs: Next.js production build behind the page byte cache), the same app with the byte cache off, ` +
      `and the bare server each in their own process.`,
    "",
    "| target | bytes | req/s | p50 ms | p99 ms | MB/s | non-2xx |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ...r.results.map((x) => `| ${x.name} | ${fmt(x.bytes ?? 0)} | ${fmt(x.rps)} | ${x.p50} | ${x.p99} | ${fmt(x.mbPerSec, 1)} | ${x.non2xx + x.errors} |`),
    "",
    "Ratios:",
    "",
    "| comparison | throughput | p99 | target |",
    "| --- | ---: | ---: | --- |",
    `| demo article vs (a) empty static page | ${fmt(demo.rps / empty.rps, 2)}× | ${fmt(demo.p99 / Math.max(empty.p99, 1), 2)}× | ≥ 0.8× throughput, ≤ 1.5× p99 |`,
    `| demo article, Next alone (byte cache off) vs (a) | ${fmt(demoAlone.rps / empty.rps, 2)}× | ${fmt(demoAlone.p99 / Math.max(empty.p99, 1), 2)}× | (for comparison) |`,
    `| demo permalink vs (a); Next alone vs (a) | ${fmt(permalink.rps / empty.rps, 2)}×; ${fmt(permalinkAlone.rps / empty.rps, 2)}× | ${fmt(permalink.p99 / Math.max(empty.p99, 1), 2)}×; ${fmt(permalinkAlone.p99 / Math.max(empty.p99, 1), 2)}× | |`,
    `| demo article vs (b) bare node:http, same bytes | ${fmt(demo.rps / bareDemo.rps, 3)}× | ${fmt(demo.p99 / Math.max(bareDemo.p99, 1), 1)}× | (physical limit) |`,
    `| (a) empty static page vs (b) bare node:http | ${fmt(empty.rps / bareDemo.rps, 3)}× | | (framework floor) |`,
    `| ${LARGE_COUNT}-annotation article vs (b) bare, same bytes | ${fmt(large.rps / bareLarge.rps, 3)}× | ${fmt(large.p99 / Math.max(bareLarge.p99, 1), 1)}× | |`,
    `| ${LARGE_COUNT}-annotation article, Next alone vs (b) | ${fmt(largeAlone.rps / bareLarge.rps, 3)}× | ${fmt(largeAlone.p99 / Math.max(bareLarge.p99, 1), 1)}× | |`,
    `| ${LARGE_COUNT}-annotation vs demo article: req/s ratio, and byte ratio | ${fmt(large.rps / demo.rps, 3)}× | | bytes ${fmt(large.bytes! / demo.bytes!, 1)}× |`,
    "",
    `Cached hits do no rendering: after the first request (a cache \`MISS\` that rendered the page: demo ${fmt(r.firstRender.demo)} ms, ` +
      `${LARGE_COUNT}-annotation article ${fmt(r.firstRender.large)} ms) every request is served from memory — ` +
      `demo \`${r.hitHeaders.demo}\`, ${LARGE_COUNT}-annotation \`${r.hitHeaders.large}\`; with the byte cache off, ` +
      `\`${r.hitHeaders.demoAlone}\` / \`${r.hitHeaders.largeAlone}\`. The ${LARGE_COUNT}-annotation page's throughput in MB/s ` +
      `(${fmt(large.mbPerSec, 1)}; Next alone ${fmt(largeAlone.mbPerSec, 1)}) is of the order of the demo's (${fmt(demo.mbPerSec, 1)}; Next alone ${fmt(demoAlone.mbPerSec, 1)}): ` +
      `its cost follows its byte size, not its annotation count. The permalink is cached too: \`${r.hitHeaders.permalink}\`; Next alone \`${r.hitHeaders.permalinkAlone}\`.`,
    "",
    `Client JavaScript (gzip -9 of every \`<script src>\` the page loads): reader page ${kb(r.js.reader)}, empty page ${kb(r.js.empty)}; ` +
      `the reader route adds ${kb(r.js.reader - r.js.empty)} net (${r.js.extraChunks} route-only chunk${r.js.extraChunks === 1 ? "" : "s"}, ${kb(r.js.extra)}) — target ≤ 25 KB.`,
  ];
  return lines.join("\n");
}

const START = "<!-- reader-bench:start -->";
const END = "<!-- reader-bench:end -->";

function writeBenchmarks(report: string) {
  const file = path.join(ROOT, "BENCHMARKS.md");
  let doc = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n";
  const block = `${START}\n${report}\n${END}`;
  if (doc.includes(START) && doc.includes(END)) {
    doc = doc.slice(0, doc.indexOf(START)) + block + doc.slice(doc.indexOf(END) + END.length);
  } else {
    doc = `${doc.trimEnd()}\n\n## Reader\n\n${block}\n`;
  }
  fs.writeFileSync(file, doc);
  console.log(`[bench] wrote the Reader section of ${path.relative(ROOT, file)}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
