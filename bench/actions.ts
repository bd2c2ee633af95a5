/**
 * (c) 20 concurrent reviewers saving annotations through the REAL server action (saveAnnotationAction) over HTTP,
 * on the embedded PostgreSQL and on the external one at 127.0.0.1:5432 (a throwaway database, dropped afterwards).
 *
 *   npx tsx bench/actions.ts      Env: BENCH_WORKERS (default 20), BENCH_SAVES (saves per worker, default 25),
 *                                 BENCH_EXTERNAL_URL (admin URL of the external server)
 *
 * How the action is called: Chromium (Playwright) signs in, opens a statement in the workspace, fills the form and
 * presses "Save draft" once; the script keeps that POST's headers (Next-Action, Next-Router-State-Tree, Accept) and
 * its multipart body. Each worker then signs in as its own reviewer (next-auth credentials endpoint) and replays the
 * request for its own statement: the first save creates the annotation (baseVersion null), every further save sends
 * the version the action answered. The article and statement ids are fixed, so one capture serves both databases.
 *
 * Counted separately: an action error (the answer says ok:false, not a conflict), a 5xx, a stale-version refusal
 * (ok:false with the conflict details), a transport error. Rewrites the `actions-bench` block of BENCHMARKS.md.
 */
import fs from "node:fs";
import { chromium } from "@playwright/test";
import { createReviewers, Database, ensureBenchBuild, externalPostgres, fmt, Instance, log, machineLine, migrateAndSeed, ms, runMain, signIn, sql, startInstance, startThrowawayPostgres, summarize, writeBlock } from "./lib/harness";

const WORKERS = Number(process.env.BENCH_WORKERS ?? 20);
const SAVES = Number(process.env.BENCH_SAVES ?? 25);
const PASSWORD = "bench-password-123";
const ARTICLE_ID = "benchactionsarticle";
const statementId = (i: number) => `benchst${String(i).padStart(3, "0")}`;
const CHROMIUM_FLAGS = ["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/** A draft article with one statement per worker (+1 for the capture), with fixed ids. */
async function createArticle(url: string, ownerId: string) {
  const sentences = Array.from({ length: WORKERS + 1 }, (_, i) => `Statement ${String(i).padStart(3, "0")} says the ministry reported ${(i * 37) % 997} new figures on day ${(i % 28) + 1}.`);
  const text = `Bench concurrent reviewers\n\n${sentences.join("\n\n")}`;
  await sql(url, `INSERT INTO "Article" (id, slug, title, text, "contentHash", state, "createdById", "updatedAt") VALUES ($1, 'bench-concurrent-reviewers', 'Bench concurrent reviewers', $2, 'bench', 'draft', $3, now())`, [ARTICLE_ID, text, ownerId]);
  for (const [i, s] of sentences.entries()) {
    const start = text.indexOf(s);
    await sql(url, `INSERT INTO "Statement" (id, "articleId", start, "end", origin) VALUES ($1, $2, $3, $4, 'manual')`, [statementId(i), ARTICLE_ID, start, start + s.length]);
  }
}

interface Captured {
  headers: Record<string, string>;
  contentType: string;
  body: Buffer;
  path: string;
}

/** Saves one annotation through the browser and keeps the server action request it sent. */
async function captureSave(instance: Instance, email: string): Promise<Captured> {
  const browser = await chromium.launch({ executablePath: process.env.BENCH_CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_FLAGS });
  try {
    const context = await browser.newContext({ baseURL: instance.base });
    const page = await context.newPage();
    await page.goto(`/login?callbackUrl=${encodeURIComponent(`/review/articles/${ARTICLE_ID}`)}`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("button", { name: "Sign out" }).waitFor();
    if (!page.url().includes(ARTICLE_ID)) await page.goto(`/review/articles/${ARTICLE_ID}`);
    const id = statementId(WORKERS); // the capture's own statement, no worker's
    await page.locator(`[data-statement-id="${id}"]`).click();
    await page.locator(`[data-selected-statement="${id}"]`).waitFor();
    const form = page.getByRole("form", { name: "Annotation" });
    await form.getByLabel("Claim type").selectOption({ index: 1 });
    await form.getByLabel("Verification status").selectOption({ index: 1 });
    await form.getByLabel("Rationale").fill("Captured by bench/actions.ts.");
    const requestPromise = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
    await form.getByRole("button", { name: "Save draft" }).click();
    const request = await requestPromise;
    await page.getByText("Draft saved.").waitFor();
    const headers = await request.allHeaders();
    const body = request.postDataBuffer();
    if (!body) throw new Error("the server action request had no body");
    await context.close();
    const keep = ["next-action", "next-router-state-tree", "accept"];
    return {
      headers: Object.fromEntries(Object.entries(headers).filter(([k]) => keep.includes(k.toLowerCase()))),
      contentType: headers["content-type"],
      body,
      path: new URL(request.url()).pathname + new URL(request.url()).search,
    };
  } finally {
    await browser.close();
  }
}

/** The captured multipart body's fields, with the JSON payload's statement, base version and rationale replaced. */
async function bodyFor(captured: Captured, statement: string, baseVersion: number | null, rationale: string): Promise<FormData> {
  const form = await new Request("http://x/", { method: "POST", headers: { "content-type": captured.contentType }, body: new Uint8Array(captured.body) }).formData();
  const out = new FormData();
  let replaced = 0;
  for (const [key, value] of form.entries()) {
    if (/(^|_)payload$/.test(key) && typeof value === "string") {
      const payload = JSON.parse(value) as { statementId: string; baseVersion: number | null; fields: Record<string, unknown> };
      payload.statementId = statement;
      payload.baseVersion = baseVersion;
      payload.fields = { ...payload.fields, rationale };
      out.append(key, JSON.stringify(payload));
      replaced++;
    } else out.append(key, value);
  }
  if (replaced !== 1) throw new Error(`expected one payload field in the captured body, found ${replaced}: ${[...form.keys()].join(", ")}`);
  return out;
}

type Outcome = "ok" | "actionError" | "serverError" | "stale" | "transport";

interface RunResult {
  latencies: number[];
  counts: Record<Outcome, number>;
  seconds: number;
  /** Saves answered ok, per worker: its annotation's version must equal this (created at 1, +1 per further save). */
  okSaves: number[];
  firstErrors: string[];
  staleCheck?: Outcome;
}

/** One replayed save, classified from the HTTP status and the action's answer (`ok`, or `ok:false` with or without `conflict`). */
async function saveOnce(instance: Instance, captured: Captured, cookie: string, body: FormData): Promise<{ outcome: Outcome; version: number | null; detail: string }> {
  try {
    const res = await fetch(`${instance.base}${captured.path}`, { method: "POST", headers: { ...captured.headers, cookie, origin: instance.base }, body });
    const text = await res.text();
    const detail = `HTTP ${res.status}: ${text.slice(0, 200)}`;
    if (res.status >= 500) return { outcome: "serverError", version: null, detail };
    if (/"ok":true/.test(text)) {
      const v = /"version":(\d+)/.exec(text);
      return { outcome: "ok", version: v ? Number(v[1]) : null, detail };
    }
    if (/"conflict":/.test(text)) return { outcome: "stale", version: null, detail };
    return { outcome: "actionError", version: null, detail };
  } catch (error) {
    return { outcome: "transport", version: null, detail: String(error) };
  }
}

async function runReviewers(instance: Instance, db: Database, captured: Captured, emails: string[]): Promise<RunResult> {
  const cookies = await Promise.all(emails.map((email) => signIn(instance.base, email, PASSWORD)));
  const counts: Record<Outcome, number> = { ok: 0, actionError: 0, serverError: 0, stale: 0, transport: 0 };
  const latencies: number[] = [];
  const firstErrors: string[] = [];
  const okSaves: number[] = cookies.map(() => 0);
  const note = (m: string) => firstErrors.length < 3 && firstErrors.push(m);
  const started = performance.now();
  await Promise.all(
    cookies.map(async (cookie, w) => {
      let version: number | null = null;
      for (let i = 0; i < SAVES; i++) {
        const body = await bodyFor(captured, statementId(w), version, `Worker ${w}, save ${i + 1}.`);
        const t0 = performance.now();
        const answer = await saveOnce(instance, captured, cookie, body);
        latencies.push(performance.now() - t0);
        counts[answer.outcome]++;
        if (answer.outcome === "ok") {
          okSaves[w]++;
          if (answer.version !== null) version = answer.version;
          else note("ok without a version in the answer");
        } else note(`${answer.outcome}: ${answer.detail}`);
        if (version === null || answer.outcome !== "ok") {
          // Never guess: take the version from the database when the answer did not give one.
          const row = (await sql<{ version: number }>(db.url, `SELECT version FROM "Annotation" WHERE "statementId" = $1`, [statementId(w)])).rows[0];
          version = row?.version ?? null;
        }
      }
    }),
  );
  return { latencies, counts, seconds: (performance.now() - started) / 1000, okSaves, firstErrors };
}

async function prepare(db: Database) {
  await migrateAndSeed(db.url);
  const reviewers = await createReviewers(db.url, WORKERS + 1, PASSWORD);
  await createArticle(db.url, reviewers[0].id);
  return reviewers;
}

async function main() {
  const results: { engine: string; r: RunResult }[] = [];
  let captured: Captured | null = null;

  const embedded = await startThrowawayPostgres();
  const external = await externalPostgres();
  const engines: [string, Database][] = [[`embedded PostgreSQL (${(await sql<{ v: string }>(embedded.url, "SELECT current_setting('server_version') AS v")).rows[0].v})`, embedded]];
  if (external) engines.push([`external PostgreSQL at 127.0.0.1:5432 (${(await sql<{ v: string }>(external.url, "SELECT current_setting('server_version') AS v")).rows[0].v})`, external]);
  else log("no PostgreSQL answers at 127.0.0.1:5432: the external run is skipped");

  for (const [engine, db] of engines) {
    const reviewers = await prepare(db);
    await ensureBenchBuild(db.url);
    const instance = await startInstance(db.url);
    if (!captured) {
      log("capturing one Save draft with Chromium…");
      captured = await captureSave(instance, reviewers[WORKERS].email);
      log(`captured POST ${captured.path} (Next-Action ${captured.headers["next-action"]?.slice(0, 12)}…, ${captured.body.length} bytes, ${captured.contentType.split(";")[0]})`);
    }
    // One warm-up save per worker's account would change versions; warm the route with the capture account instead.
    const warmCookie = await signIn(instance.base, reviewers[WORKERS].email, PASSWORD);
    for (let i = 0; i < 3; i++) await fetch(`${instance.base}/review/articles/${ARTICLE_ID}`, { headers: { cookie: warmCookie } }).then((r) => r.arrayBuffer());
    log(`${engine}: ${WORKERS} reviewers × ${SAVES} saves…`);
    const r = await runReviewers(instance, db, captured, reviewers.slice(0, WORKERS).map((u) => u.email));
    const dbVersions = (await sql<{ version: number }>(db.url, `SELECT version FROM "Annotation" WHERE "articleId" = $1 AND "statementId" <> $2 ORDER BY "statementId"`, [ARTICLE_ID, statementId(WORKERS)])).rows.map((x) => x.version);
    const versionsOk = dbVersions.length === WORKERS && dbVersions.every((v, w) => v === r.okSaves[w]);
    if (!versionsOk) r.firstErrors.push(`database versions ${JSON.stringify(dbVersions)}, saves answered ok ${JSON.stringify(r.okSaves)}`);
    // The classifier can tell a stale save: worker 0 saves once more from version 1, which must be refused as stale.
    const staleCheck = await saveOnce(instance, captured, await signIn(instance.base, reviewers[0].email, PASSWORD), await bodyFor(captured, statementId(0), 1, "Stale on purpose."));
    r.staleCheck = staleCheck.outcome;
    // Why an action failed: the app logs the error it hid behind "Something went wrong" (lib/actions/errors.ts).
    if (r.counts.actionError + r.counts.serverError > 0) {
      const lines = fs.readFileSync(instance.logFile, "utf8").split("\n");
      const causes = lines.filter((l) => /Server action failed|Error|P20\d\d/.test(l)).slice(0, 6).map((l) => l.slice(0, 300));
      r.firstErrors.push(...causes.map((c) => `server log: ${c}`));
    }
    results.push({ engine, r });
    log(`${engine}: ${JSON.stringify(r.counts)} in ${r.seconds.toFixed(1)} s${r.firstErrors.length ? `; first problems: ${r.firstErrors.join(" | ")}` : ""}`);
    await instance.stop();
  }

  const rows = results.map(({ engine, r }) => {
    const s = summarize(r.latencies);
    const errors = r.counts.actionError + r.counts.serverError + r.counts.stale + r.counts.transport;
    return `| ${engine} | ${fmt(r.latencies.length)} | ${fmt(r.latencies.length / r.seconds, 1)} | ${ms(s.median, 0)} | ${ms(s.p95, 0)} | ${ms(s.max, 0)} | ${r.counts.actionError} | ${r.counts.serverError} | ${r.counts.stale} | ${r.counts.transport} | ${errors === 0 ? "met" : "**not met**"} |`;
  });
  const report = [
    `Provisional: ${machineLine()}. One \`next start\` instance (production build), called directly; ${WORKERS} reviewers, each signed in as its own account, each saving its own annotation ${SAVES} times in a row (the first save creates it), all at once. Every save is the Chromium-captured "Save draft" server action request replayed over HTTP with the worker's cookie, statement and current version; the action also revalidates the workspace and the desk, and its answer carries the re-rendered workspace, as in the browser.`,
    "",
    "| database | saves | saves/s | p50 | p95 | max | action errors | 5xx | stale-version refusals | transport errors | 0 errors |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...rows,
    "",
    ...results.flatMap(({ engine, r }) => (r.firstErrors.length ? [`Problems on ${engine}: ${r.firstErrors.map((e) => `\`${e.replaceAll("`", "'").replace(/\s+/g, " ").slice(0, 300)}\``).join("; ")}`, ""] : [])),
    `Check of the counting: a deliberate save from version 1 after the run was classified as ${results.map(({ r }) => `\`${r.staleCheck}\``).join(" / ")} (expected \`stale\`).`,
    `Every annotation's version in the database equals the number of its saves answered ok (no lost or doubled save) on ${results.filter(({ r }) => !r.firstErrors.some((e) => e.startsWith("database versions"))).length} of ${results.length} engines.`,
  ].join("\n");
  console.log("\n" + report + "\n");
  writeBlock("actions-bench", "Concurrent reviewers through the server actions (c)", report);
}

runMain(main);
