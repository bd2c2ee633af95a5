/**
 * Issue 11 on the production server: (1) /api/health while the importer works through each hostile input at the
 * 2 MB limit, and (2) the workspace of a 2 MB ordinary article.
 *
 *   npx tsx bench/import-load.ts      Env: BENCH_DIST_DIR (build folder, default .next-bench), BENCH_CHROMIUM,
 *                                     BENCH_INPUTS (only the inputs whose file name contains it, e.g. "prose"; then
 *                                     BENCHMARKS.md is left alone)
 *
 * (1) Chromium signs in, opens /review/new, attaches each file of lib/import/testing/hostile-inputs.ts (1,990,000
 * bytes, just under the limit) and presses "Preview": the real server action, which prepares the import on a worker
 * thread. The ordinary 2 MB article is then imported for real ("Import", one transaction with every statement).
 * Meanwhile a thread of this process asks GET /api/health one request after another (a new one 5 ms after each
 * answer) and records each round trip. (2) The imported article's workspace is fetched as the signed-in reviewer: time to the
 * last byte and the HTML's size, for the first page and for a statement deep in the article (?statement=…).
 *
 * Rewrites the `import-load-bench` block of BENCHMARKS.md.
 */
import fs from "node:fs";
import { Worker } from "node:worker_threads";
import { chromium, type Page } from "@playwright/test";
import { HOSTILE_INPUTS } from "../lib/import/testing/hostile-inputs";
import { createReviewers, ensureBenchBuild, fmt, log, machineLine, migrateAndSeed, ms, runMain, signIn, sql, startInstance, startThrowawayPostgres, summarize, writeBlock } from "./lib/harness";

const BYTES = 1_990_000;
const PASSWORD = "bench-password-123";
const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/**
 * Polls /api/health back to back (a new request 5 ms after each answer) until stopped; returns every round trip in
 * ms. On a thread of its own, so that this process's own work (Playwright sends the 2 MB file through it) does not
 * count as the server's delay.
 */
function pollHealth(base: string) {
  const poller = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const samples = [];
     let running = true;
     parentPort.once("message", () => (running = false));
     (async () => {
       while (running) {
         const started = performance.now();
         const res = await fetch(workerData + "/api/health");
         await res.arrayBuffer();
         samples.push(performance.now() - started);
         await new Promise((r) => setTimeout(r, 5));
       }
       parentPort.postMessage(samples);
     })();`,
    { eval: true, workerData: base },
  );
  return {
    stop: async (): Promise<number[]> => {
      const samples = new Promise<number[]>((resolve) => poller.once("message", resolve));
      poller.postMessage("stop");
      const result = await samples;
      await poller.terminate();
      return result;
    },
  };
}

/**
 * CPU time (ms) the server's main thread (the event loop) has used so far, from /proc: unlike a latency, it does not
 * grow when other processes on a busy machine take the CPU. The import worker thread is another task, not counted.
 */
function eventLoopCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/task/${pid}/stat`, "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100;

/** The pid of the process that serves (`next start` may run the server in a child). */
function serverPid(pid: number): number {
  const children = fs.existsSync(`/proc/${pid}/task/${pid}/children`) ? fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim() : "";
  const title = (p: number) => fs.readFileSync(`/proc/${p}/cmdline`, "utf8");
  if (title(pid).includes("next-server") || !children) return pid;
  return children.split(" ").map(Number).find((c) => title(c).includes("next-server")) ?? pid;
}

/** Attaches a file, presses a button, waits for the action's answer; returns its time and what the page then says. */
async function submitFile(page: Page, name: string, content: string, button: "Preview" | "Import"): Promise<{ ms: number; outcome: string }> {
  if (button === "Preview") {
    await page.goto("/review/new");
    await page.getByLabel(/^File/).setInputFiles({ name, mimeType: "text/plain", buffer: Buffer.from(content) });
  }
  const started = performance.now();
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.startsWith("/review/"), { timeout: 120_000 });
  await page.getByRole("button", { name: button, exact: true }).click();
  const response = await answered;
  await response.body().catch(() => null);
  const took = performance.now() - started;
  if (button === "Import") {
    await page.waitForURL(/\/review\/articles\/[^/?]+/, { timeout: 120_000 });
    return { ms: took, outcome: "imported" };
  }
  const heading = page.getByRole("heading", { name: /Proposed statements/ });
  const alert = page.getByRole("alert").first();
  await heading.or(alert).first().waitFor({ timeout: 60_000 });
  const outcome = (await heading.isVisible()) ? ((await heading.textContent()) ?? "") : `refused: ${((await alert.textContent()) ?? "").slice(0, 90)}…`;
  return { ms: took, outcome: outcome.replace(/\s+/g, " ").trim() };
}

async function timeWorkspace(base: string, cookie: string, path: string) {
  const started = performance.now();
  const res = await fetch(`${base}${path}`, { headers: { cookie } });
  const html = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return { ms: performance.now() - started, bytes: Buffer.byteLength(html), html };
}

async function main() {
  const database = await startThrowawayPostgres();
  log("migrating and seeding");
  await migrateAndSeed(database.url);
  await ensureBenchBuild(database.url);
  const [reviewer] = await createReviewers(database.url, 1, PASSWORD, "bench-importer");
  const instance = await startInstance(database.url);
  const pid = serverPid(instance.child.pid!);
  await pollHealth(instance.base).stop(); // warm-up: the first requests compile code
  const warm = pollHealth(instance.base);
  await new Promise((r) => setTimeout(r, 2_000));
  await warm.stop();
  const idle = pollHealth(instance.base);
  const idleCpuBefore = eventLoopCpuMs(pid);
  await new Promise((r) => setTimeout(r, 5_000));
  const idleSamples = await idle.stop();
  // What one health request costs the event loop, to take the polling's own share out of each action's CPU time.
  const cpuPerHealth = (eventLoopCpuMs(pid) - idleCpuBefore) / idleSamples.length;
  const ownCpu = (cpu: number, requests: number) => `${fmt(cpu)} | ${fmt(Math.max(0, cpu - requests * cpuPerHealth))}`;

  const browser = await chromium.launch({ executablePath: process.env.BENCH_CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_FLAGS });
  const rows: string[] = [];
  let articleId = "";
  try {
    const context = await browser.newContext({ baseURL: instance.base });
    const page = await context.newPage();
    await page.goto("/login?callbackUrl=%2Freview%2Fnew");
    await page.getByLabel("Email").fill(reviewer.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Sign out" }).waitFor();

    const all: number[] = [];
    for (const input of HOSTILE_INPUTS.filter((i) => !process.env.BENCH_INPUTS || i.fileName.includes(process.env.BENCH_INPUTS))) {
      const content = input.make(BYTES);
      const poll = pollHealth(instance.base);
      const cpuBefore = eventLoopCpuMs(pid);
      const preview = await submitFile(page, input.fileName, content, "Preview");
      const cpu = eventLoopCpuMs(pid) - cpuBefore;
      const samples = await poll.stop();
      all.push(...samples);
      const s = summarize(samples);
      log(`${input.name}: preview ${ms(preview.ms, 0)}, main-thread CPU ${ms(cpu, 0)}, health p50 ${ms(s.median)} p99 ${ms(s.p99)} (${preview.outcome})`);
      rows.push(`| ${input.name}, Preview | ${fmt(preview.ms)} | ${ownCpu(cpu, s.n)} | ${s.n} | ${fmt(s.median, 1)} | ${fmt(s.p99, 1)} | ${fmt(s.max, 1)} | ${preview.outcome} |`);
      if (input.fileName === "prose.txt") {
        const poll2 = pollHealth(instance.base);
        const cpuBefore2 = eventLoopCpuMs(pid);
        const window = process.hrtime.bigint() / 1000n; // the clock of V8's CPU profiles (µs), for BENCH_CPU_PROF_DIR
        const imported = await submitFile(page, input.fileName, content, "Import");
        const cpu2 = eventLoopCpuMs(pid) - cpuBefore2;
        if (process.env.BENCH_CPU_PROF_DIR) log(`import window in the CPU profile's clock: ${window}–${process.hrtime.bigint() / 1000n} µs`);
        const samples2 = await poll2.stop();
        all.push(...samples2);
        const t = summarize(samples2);
        articleId = new URL(page.url()).pathname.split("/").pop()!;
        log(`${input.name}: import ${ms(imported.ms, 0)}, main-thread CPU ${ms(cpu2, 0)}, health p50 ${ms(t.median)} p99 ${ms(t.p99)}`);
        rows.push(`| ${input.name}, Import (commit) | ${fmt(imported.ms)} | ${ownCpu(cpu2, t.n)} | ${t.n} | ${fmt(t.median, 1)} | ${fmt(t.p99, 1)} | ${fmt(t.max, 1)} | ${imported.outcome} |`);
      }
    }
    const total = summarize(all);
    rows.push(`| **all of the above** | | | | ${total.n} | **${fmt(total.median, 1)}** | **${fmt(total.p99, 1)}** | ${fmt(total.max, 1)} | |`);
  } finally {
    await browser.close();
  }

  // (2) The workspace of the 2 MB ordinary article.
  const cookie = await signIn(instance.base, reviewer.email, PASSWORD);
  const { rows: counts } = await sql<{ n: number; chars: number }>(database.url, `SELECT (SELECT COUNT(*)::int FROM "Statement" WHERE "articleId" = $1) AS n, (SELECT length(text) FROM "Article" WHERE id = $1) AS chars`, [articleId]);
  const { rows: deep } = await sql<{ id: string }>(database.url, `SELECT id FROM "Statement" WHERE "articleId" = $1 ORDER BY start OFFSET $2 LIMIT 1`, [articleId, Math.floor(counts[0].n * 0.9)]);
  const workspaceRows: string[] = [];
  for (const [label, path] of [
    ["first page", `/review/articles/${articleId}`],
    ["page 2 (?page=2)", `/review/articles/${articleId}?page=2`],
    ["a statement 90% of the way in, opened (?s=…)", `/review/articles/${articleId}?s=${deep[0].id}`],
  ] as const) {
    await timeWorkspace(instance.base, cookie, path); // warm
    const runs = [];
    const cpuBefore = eventLoopCpuMs(pid);
    for (let i = 0; i < 5; i++) runs.push(await timeWorkspace(instance.base, cookie, path));
    const cpuEach = (eventLoopCpuMs(pid) - cpuBefore) / runs.length;
    const times = summarize(runs.map((r) => r.ms));
    const shown = runs[0].html.replaceAll("<!-- -->", "").match(/Statements [\d,]+–[\d,]+ of [\d,]+/)?.[0] ?? "one page";
    workspaceRows.push(`| ${label} | ${fmt(times.median)} | ${fmt(times.max)} | ${fmt(cpuEach)} | ${fmt(runs[0].bytes / 1e6, 2)} MB | ${shown} |`);
    log(`workspace ${label}: median ${ms(times.median, 0)}, ${fmt(runs[0].bytes / 1e6, 2)} MB (${shown})`);
  }

  const idleStats = summarize(idleSamples);
  if (process.env.BENCH_INPUTS) return;
  writeBlock(
    "import-load-bench",
    "Importing at the 2 MB limit on the production server (issue 11)",
    [
      `\`npx tsx bench/import-load.ts\` — ${machineLine()}. One \`next start\` instance on a throwaway embedded PostgreSQL.`,
      "",
      `**/api/health while each 2 MB input is imported.** Chromium presses Preview (the real server action) with each hostile`,
      `file at ${fmt(BYTES)} bytes; the import is prepared on a worker thread (5 s deadline, at most 2 at once). Meanwhile`,
      `/api/health is asked back to back. Idle, for comparison: p50 ${ms(idleStats.median)}, p99 ${ms(idleStats.p99)} (${idleStats.n} requests). Target: p99 < 100 ms.`,
      `"Main-thread CPU" is the CPU time of the server's main thread (the event loop) while the action ran, from /proc: unlike`,
      `a latency it does not grow when other processes take the CPU. The worker thread's time is not in it. The estimate for the`,
      `import alone takes out the health requests' share (${fmt(cpuPerHealth, 1)} ms each, measured idle after a warm-up); it is rough.`,
      "",
      "| input | action ms | main-thread CPU ms | of it the import (est.) | health requests | p50 ms | p99 ms | max ms | result |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
      ...rows,
      "",
      `**The workspace of the 2 MB ordinary article** (${fmt(counts[0].n)} statements, ${fmt(counts[0].chars)} characters), fetched`,
      "as the signed-in reviewer, 5 times after one warm-up. Target: under 2 s to the last byte, under 5 MB of HTML.",
      "",
      "| page | median ms (last byte) | max ms | main-thread CPU ms | HTML | statements shown |",
      "| --- | ---: | ---: | ---: | ---: | --- |",
      ...workspaceRows,
    ].join("\n"),
  );
}

runMain(main);
