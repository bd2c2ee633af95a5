/**
 * (d) Data at scale: the same pages timed at 100 articles and at 10,000 articles (1,000,000 approved annotations,
 *     1,000,000 audit events: 100 annotations and 100 audit events per article at both sizes), on one throwaway
 *     embedded PostgreSQL, in one run. Also: `npm run export` of a 1,000,000-row database (time, peak RSS) and
 *     `npm run import` of its file into an empty database (time).
 *
 *   npx tsx bench/scale.ts     Env: BENCH_RUNS (timed requests per page, default 25; ≥ 20), BENCH_ARTICLES (10000),
 *                              BENCH_SKIP_EXPORT=1 (skip the export/import part)
 *
 * Pages: home, desk (/review, signed in), reader (a filtered view, rendered per request; and the whole page),
 * API collection page (/api/v1/articles/<slug>/annotations), audit first page and a deep page (cursor 90 % down the
 * log). The instance runs with CACHE_MAX_MB=0, so nothing is answered from Next's page or data cache: every request
 * reads the database (the cost of a cache miss). Median and p95 of BENCH_RUNS sequential requests after 5 warm-ups,
 * time to the last byte. A ratio (10,000 / 100, medians) must be ≤ 1.5×, waived when both medians are under 5 ms.
 * Where one fails, the page's slowest query is shown with EXPLAIN ANALYZE. Rewrites the `scale-bench` and
 * `export-bench` blocks of BENCHMARKS.md.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildTextQuoteSelector } from "../lib/anchoring/selectors";
import { toAnnotationContent } from "../lib/domain/annotation-content";
import { Database, ensureBenchBuild, fmt, Instance, log, machineLine, migrateAndSeed, ms, onCleanup, ROOT, runMain, signIn, sql, startInstance, startThrowawayPostgres, summarize, writeBlock } from "./lib/harness";

const RUNS = Math.max(20, Number(process.env.BENCH_RUNS ?? 25));
const BIG = Number(process.env.BENCH_ARTICLES ?? 10_000);
const SMALL = 100;
const PER_ARTICLE = 100;
const WARMUP = 5;

/** One article's text: PER_ARTICLE sentences, ten to a paragraph (news-like, deterministic). */
function templateText(): { text: string; spans: { start: number; end: number }[] } {
  const sentences = Array.from(
    { length: PER_ARTICLE },
    (_, i) => `Statement ${i + 1} says that the ministry reported ${(i * 37) % 997} new cases on day ${(i % 28) + 1}, according to a spokesperson.`,
  );
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 10) paragraphs.push(sentences.slice(i, i + 10).join(" "));
  const text = `Bench scale article\n\n${paragraphs.join("\n\n")}`;
  let cursor = 0;
  const spans = sentences.map((s) => {
    const start = text.indexOf(s, cursor);
    cursor = start + s.length;
    return { start, end: start + s.length };
  });
  return { text, spans };
}

/**
 * The template (one article's 100 annotations, their snapshots and quote selectors, computed by the app's own code)
 * goes into a helper table; articles n..m are then cloned from it with generate_series, in one statement per table.
 */
async function createTemplate(url: string) {
  const { text, spans } = templateText();
  const types = (await sql<{ id: string; slug: string; label: string; shortLabel: string; color: string; retired: boolean }>(url, `SELECT id, slug, label, "shortLabel", color, retired FROM "ClaimType" WHERE NOT retired ORDER BY position`)).rows;
  const statuses = (await sql<{ id: string; slug: string; label: string; color: string; rating: number | null; retired: boolean }>(url, `SELECT id, slug, label, color, rating, retired FROM "VerificationStatus" WHERE NOT retired ORDER BY position`)).rows;
  const users = (await sql<{ id: string; email: string }>(url, `SELECT id, email FROM "User" WHERE email IN ('reviewer@example.com', 'reviewer2@example.com') ORDER BY email`)).rows;
  const [author, approver] = users;
  await sql(url, `INSERT INTO "Source" (id, name, kind, url, date) VALUES ('benchsource', 'Bench Wire Service', 'wire_agency', 'https://wire.example/story', '2025-06-27')`);
  const source = { id: "benchsource", name: "Bench Wire Service", kind: "wire_agency", url: "https://wire.example/story", date: "2025-06-27" };
  await sql(url, `CREATE TABLE bench_tpl (i int, start int, "end" int, exact text, prefix text, suffix text, type_id text, status_id text, type_slug text, status_slug text, attribution text, speaker text, rationale text, evidence_url text, snapshot jsonb)`);
  const rows = spans.map((span, i) => {
    const type = types[i % types.length];
    const status = statuses[i % statuses.length];
    const q = buildTextQuoteSelector(text, span.start, span.end);
    const attribution = i % 2 ? "a ministry spokesperson" : null;
    const speaker = i % 2 ? "Ministry of Figures" : null;
    const rationale = `Checked against the published table, row ${i + 1}.`;
    const evidenceUrl = `https://evidence.example/table-${i + 1}`;
    const snapshot = toAnnotationContent({
      attributionText: attribution,
      speakerName: speaker,
      speakerKind: speaker ? "organisation" : null,
      speakerRole: null,
      claimDate: "2025-06-27",
      rationale,
      claimType: type,
      status,
      chain: [{ position: 0, note: null, source }],
      evidence: [{ position: 0, url: evidenceUrl, title: `Table ${i + 1}`, stance: "supports", archivedUrl: null, note: null }],
    });
    return [i, span.start, span.end, q.exact, q.prefix, q.suffix, type.id, status.id, type.slug, status.slug, attribution, speaker, rationale, evidenceUrl, JSON.stringify(snapshot)];
  });
  const columns = rows[0].map((_, c) => rows.map((r) => r[c]));
  await sql(
    url,
    `INSERT INTO bench_tpl SELECT * FROM unnest($1::int[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::text[], $13::text[], $14::text[], $15::jsonb[])`,
    columns,
  );
  return { text, author: author.id, approver: approver.id };
}

/** Articles from..to (inclusive), each published with PER_ARTICLE approved annotations (1 hop, 1 evidence link) and PER_ARTICLE audit events. */
async function addArticles(url: string, tpl: { text: string; author: string; approver: string }, from: number, to: number, total: number) {
  const t0 = performance.now();
  // Time runs forward with n: article n was published n hours after the first; its audit events follow it.
  const at = `(timestamptz '2024-01-01' + n * interval '1 hour')`;
  const statements: string[] = [
    `INSERT INTO "Article" (id, slug, title, outlet, text, "contentHash", state, "publishedAt", "createdById", "createdAt", "updatedAt")
       SELECT 'ba' || n, 'bench-scale-' || lpad(n::text, 5, '0'), 'Bench scale article ' || n, 'Bench Daily', $1, 'bench', 'published', ${at}, $2, ${at}, ${at}
       FROM generate_series(${from}, ${to}) n`,
    `INSERT INTO "Statement" (id, "articleId", start, "end", origin, "createdAt")
       SELECT 'bs' || n || '_' || t.i, 'ba' || n, t.start, t."end", 'manual', ${at} FROM generate_series(${from}, ${to}) n CROSS JOIN bench_tpl t`,
    `INSERT INTO "Annotation" (id, "statementId", "articleId", "claimTypeId", "statusId", "attributionText", "speakerName", "speakerKind", "claimDate", rationale,
         "workflowState", "quoteExact", "quotePrefix", "quoteSuffix", "positionStart", "positionEnd", "authorId", "lastEditorId", "submittedAt", "approverId", "approvedAt",
         "approvedSnapshot", "approvedStatusSlug", "approvedTypeSlug", "approvedStart", "approvedEnd", version, "createdAt", "updatedAt")
       SELECT 'bn' || n || '_' || t.i, 'bs' || n || '_' || t.i, 'ba' || n, t.type_id, t.status_id, t.attribution, t.speaker, CASE WHEN t.speaker IS NULL THEN NULL ELSE 'organisation' END, '2025-06-27', t.rationale,
         'approved', t.exact, t.prefix, t.suffix, t.start, t."end", $1, $1, ${at}, $2, ${at} + t.i * interval '1 second',
         t.snapshot, t.status_slug, t.type_slug, t.start, t."end", 3, ${at}, ${at} + t.i * interval '1 second'
       FROM generate_series(${from}, ${to}) n CROSS JOIN bench_tpl t`,
    `INSERT INTO "ProvenanceHop" (id, "annotationId", position, "sourceId") SELECT 'bh' || n || '_' || t.i, 'bn' || n || '_' || t.i, 0, 'benchsource' FROM generate_series(${from}, ${to}) n CROSS JOIN bench_tpl t`,
    `INSERT INTO "EvidenceLink" (id, "annotationId", position, url, title, stance) SELECT 'be' || n || '_' || t.i, 'bn' || n || '_' || t.i, 0, t.evidence_url, 'Table ' || (t.i + 1), 'supports' FROM generate_series(${from}, ${to}) n CROSS JOIN bench_tpl t`,
    `INSERT INTO "AuditEvent" (id, "createdAt", "actorId", "actorLabel", action, "entityType", "entityId", "articleId", before, after)
       SELECT 'bv' || n || '_' || t.i, ${at} + t.i * interval '1 second', $1, 'reviewer2@example.com', 'annotation.approve', 'annotation', 'bn' || n || '_' || t.i, 'ba' || n,
         '{"workflowState":"in_review"}'::jsonb, '{"workflowState":"approved"}'::jsonb
       FROM generate_series(${from}, ${to}) n CROSS JOIN bench_tpl t`,
  ];
  // In chunks, so that one statement never holds millions of rows in memory.
  const CHUNK = 1000;
  for (let a = from; a <= to; a += CHUNK) {
    const b = Math.min(to, a + CHUNK - 1);
    for (const [k, text] of statements.entries()) {
      const params = [[tpl.text, tpl.author], [], [tpl.author, tpl.approver], [], [], [tpl.approver]][k];
      const q = text.replaceAll(`generate_series(${from}, ${to})`, `generate_series(${a}, ${b})`);
      await sql(url, q, params).catch((error) => {
        throw new Error(`generating articles ${a}–${b} (statement ${k}): ${error.message}`);
      });
    }
    if ((b - from + 1) % 2000 < CHUNK || b === to) log(`  articles ${fmt(b)} / ${fmt(total)} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
  }
  await sql(url, "VACUUM ANALYZE");
  return (performance.now() - t0) / 1000;
}

interface Target {
  name: string;
  path: (size: Size) => string;
  cookie?: "reviewer" | "admin";
}

/** The audit cursor the app uses (lib/server/admin/audit-query.ts encodeAuditCursor), 90 % down the log. */
async function deepAuditCursor(url: string): Promise<string> {
  const total = Number((await sql<{ n: string }>(url, `SELECT count(*) AS n FROM "AuditEvent"`)).rows[0].n);
  const row = (await sql<{ createdAt: Date; id: string }>(url, `SELECT "createdAt", id FROM "AuditEvent" ORDER BY "createdAt" DESC, id DESC OFFSET $1 LIMIT 1`, [Math.floor(total * 0.9)])).rows[0];
  return Buffer.from(`${row.createdAt.getTime()}|${row.id}`, "utf8").toString("base64url");
}

/**
 * The statements one request of `pathname` ran, slowest first: statement logging is switched on for every session
 * (log_min_duration_statement = 0, reloaded) around one request, and the server log is read back.
 */
async function statementsOf(db: Database, instance: Instance, pathname: string, cookie?: string) {
  const logFile = db.logFile!;
  await sql(db.adminUrl, "ALTER SYSTEM SET log_min_duration_statement = 0");
  await sql(db.adminUrl, "SELECT pg_reload_conf()");
  await new Promise((r) => setTimeout(r, 300));
  const from = fs.statSync(logFile).size;
  await (await fetch(`${instance.base}${pathname}`, { headers: cookie ? { cookie } : undefined })).arrayBuffer();
  await new Promise((r) => setTimeout(r, 300));
  await sql(db.adminUrl, "ALTER SYSTEM RESET log_min_duration_statement");
  await sql(db.adminUrl, "SELECT pg_reload_conf()");
  const text = fs.readFileSync(logFile, "utf8").slice(from);
  const entries: { ms: number; sql: string; params: string }[] = [];
  // Each log entry starts with a timestamp line; a statement may span lines; DETAIL follows with the parameters.
  const parts = text.split(/\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/);
  for (const [i, part] of parts.entries()) {
    const m = /duration: ([\d.]+) ms\s+(?:execute [^:]*|statement): ([\s\S]*)$/.exec(part); // parse and bind lines are left out
    if (!m || /^(ALTER SYSTEM|SELECT pg_reload_conf)/i.test(m[2].trim())) continue; // this script's own statements
    const detail = /DETAIL:\s+Parameters: ([\s\S]*)$/.exec(parts[i + 1] ?? "")?.[1] ?? "";
    entries.push({ ms: Number(m[1]), sql: m[2].trim(), params: detail.trim() });
  }
  return entries.sort((a, b) => b.ms - a.ms);
}

/** EXPLAIN ANALYZE of a logged statement, its parameters put back as the literals the log shows. */
async function explain(db: Database, entry: { sql: string; params: string }): Promise<string[]> {
  let q = entry.sql;
  const values = new Map<string, string>();
  for (const m of entry.params.matchAll(/\$(\d+) = ('(?:[^']|'')*'|NULL)/g)) values.set(m[1], m[2]);
  for (const n of [...values.keys()].sort((a, b) => Number(b) - Number(a))) q = q.replaceAll(`$${n}`, values.get(n)!);
  try {
    return (await sql<{ "QUERY PLAN": string }>(db.url, `EXPLAIN (ANALYZE, COSTS OFF) ${q}`)).rows.map((r) => r["QUERY PLAN"]);
  } catch (error) {
    return [`(could not EXPLAIN: ${error instanceof Error ? error.message : String(error)})`];
  }
}

async function exportImport(): Promise<string> {
  const db = await startThrowawayPostgres();
  await migrateAndSeed(db.url);
  const ROWS = 1_000_000;
  log(`export: ${fmt(ROWS)} audit events into a separate database…`);
  await sql(
    db.url,
    `INSERT INTO "AuditEvent" (id, "createdAt", "actorLabel", action, "entityType", "entityId", after)
       SELECT 'ex' || n, timestamptz '2024-01-01' + n * interval '1 minute', 'system', 'annotation.update', 'annotation', 'e' || (n % 20000), jsonb_build_object('label', 'After ' || n, 'version', n % 7)
       FROM generate_series(1, ${ROWS}) n`,
  );
  const totalRows = Number((await sql<{ n: string }>(db.url, `SELECT (SELECT count(*) FROM "AuditEvent") + (SELECT count(*) FROM "Annotation") + (SELECT count(*) FROM "User") AS n`)).rows[0].n);
  const sourceEvents = Number((await sql<{ n: string }>(db.url, `SELECT count(*) AS n FROM "AuditEvent"`)).rows[0].n);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "provenance-bench-export-"));
  onCleanup(() => fs.rmSync(dir, { recursive: true, force: true })); // also when a step fails
  const file = path.join(dir, "export.json");
  const timeBin = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : null;
  const runMeasured = (script: string, args: string[], url: string) => {
    const t0 = performance.now();
    const cmd = timeBin ? [timeBin, ["-v", process.execPath, path.join(ROOT, "scripts", script), ...args]] : [process.execPath, [path.join(ROOT, "scripts", script), ...args]];
    const r = spawnSync(cmd[0] as string, cmd[1] as string[], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`${script} failed: ${r.stdout.slice(-400)} ${r.stderr.split("\tCommand being timed")[0].slice(-800)}`);
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1];
    return { seconds, maxRssMb: rss ? Number(rss) / 1024 : NaN, out: r.stdout.trim() };
  };
  log("npm run export…");
  const exp = runMeasured("export.mjs", [file], db.url);
  const size = fs.statSync(file).size;
  const target = await db.create("imported");
  log("npm run import…");
  const imp = runMeasured("import.mjs", [file], target);
  const imported = Number((await sql<{ n: string }>(target, `SELECT count(*) AS n FROM "AuditEvent"`)).rows[0].n);
  fs.rmSync(dir, { recursive: true, force: true });
  return [
    `Provisional: ${machineLine()}. A throwaway embedded PostgreSQL holding the demo plus ${fmt(ROWS)} generated audit events (${fmt(totalRows)} rows in the main tables). Commands run as \`node scripts/export.mjs <file>\` / \`node scripts/import.mjs <file>\` (what \`npm run export\` / \`npm run import\` run), measured with ${timeBin ? "`/usr/bin/time -v` (peak RSS = maximum resident set size of the node process)" : "wall time only (/usr/bin/time is missing: no RSS)"}.`,
    "",
    "| step | time | peak RSS | notes |",
    "| --- | ---: | ---: | --- |",
    `| export | ${fmt(exp.seconds, 1)} s | ${fmt(exp.maxRssMb, 0)} MB | file ${fmt(size / 2 ** 20, 0)} MB; ${exp.out.split("\n").pop()} |`,
    `| import into an empty database | ${fmt(imp.seconds, 1)} s | ${fmt(imp.maxRssMb, 0)} MB | ${fmt(imported)} audit events after the import (${fmt(sourceEvents)} exported + the restore's own event) |`,
    "",
    `Bounded memory: the export's peak RSS (${fmt(exp.maxRssMb, 0)} MB) is ${fmt((exp.maxRssMb * 2 ** 20) / size, 2)}× the file it wrote (${fmt(size / 2 ** 20, 0)} MB); a process that held the rows would need more than the file.`,
  ].join("\n");
}

type Size = "small" | "big";

/** Both sizes in alternation (small, big, small, big…), so that load from elsewhere weighs on both alike. */
async function timePair(instances: Record<Size, Instance>, paths: Record<Size, string>, cookies: Record<Size, string | undefined>) {
  const samples: Record<Size, number[]> = { small: [], big: [] };
  const bytes: Record<Size, number> = { small: 0, big: 0 };
  for (let i = 0; i < WARMUP + RUNS; i++) {
    for (const size of ["small", "big"] as const) {
      const t0 = performance.now();
      const res = await fetch(`${instances[size].base}${paths[size]}`, { headers: cookies[size] ? { cookie: cookies[size]! } : undefined });
      const body = await res.arrayBuffer();
      const t = performance.now() - t0;
      if (res.status !== 200) throw new Error(`${paths[size]} (${size}) answered ${res.status}`);
      bytes[size] = body.byteLength;
      if (i >= WARMUP) samples[size].push(t);
    }
  }
  return { small: { ...summarize(samples.small), bytes: bytes.small }, big: { ...summarize(samples.big), bytes: bytes.big } };
}

async function main() {
  const server = await startThrowawayPostgres();
  const dbs: Record<Size, Database> = { small: server, big: { ...server, url: await server.create("bench_big") } };
  for (const size of ["small", "big"] as const) await migrateAndSeed(dbs[size].url);
  await ensureBenchBuild(dbs.small.url);
  let generateSeconds = 0;
  for (const size of ["small", "big"] as const) {
    const tpl = await createTemplate(dbs[size].url);
    const n = size === "small" ? SMALL : BIG;
    log(`${size}: generating ${fmt(n)} articles…`);
    const seconds = await addArticles(dbs[size].url, tpl, 1, n, n);
    if (size === "big") generateSeconds = seconds;
  }
  const instances = {} as Record<Size, Instance>;
  const cookies = {} as Record<Size, { reviewer: string; admin: string }>;
  const cursors = {} as Record<Size, string>;
  const counts = {} as Record<Size, string>;
  for (const size of ["small", "big"] as const) {
    instances[size] = await startInstance(dbs[size].url, { env: { CACHE_MAX_MB: "0" } });
    cookies[size] = {
      reviewer: await signIn(instances[size].base, "reviewer@example.com", "provenance-reviewer"),
      admin: await signIn(instances[size].base, "admin@example.com", "provenance-admin"),
    };
    cursors[size] = await deepAuditCursor(dbs[size].url);
    const c = (await sql<{ a: string; n: string; e: string }>(dbs[size].url, `SELECT (SELECT count(*) FROM "Article") a, (SELECT count(*) FROM "Annotation") n, (SELECT count(*) FROM "AuditEvent") e`)).rows[0];
    counts[size] = `${fmt(Number(c.a))} articles, ${fmt(Number(c.n))} annotations, ${fmt(Number(c.e))} audit events`;
  }
  const status = (await sql<{ slug: string }>(dbs.small.url, `SELECT slug FROM "VerificationStatus" WHERE NOT retired ORDER BY position LIMIT 1`)).rows[0].slug;
  const slugOf = (size: Size) => `bench-scale-${String(size === "small" ? SMALL / 2 : BIG / 2).padStart(5, "0")}`;
  const targets: Target[] = [
    { name: "Home `/`", path: () => "/" },
    { name: "Desk `/review` (signed in)", path: () => "/review", cookie: "reviewer" },
    { name: "Reader, filtered view `/articles/<slug>?status=…` (rendered per request)", path: (s) => `/articles/${slugOf(s)}?status=${status}` },
    { name: "Reader, whole page `/articles/<slug>` (cache off: a miss)", path: (s) => `/articles/${slugOf(s)}` },
    { name: "API collection page `/api/v1/articles/<slug>/annotations`", path: (s) => `/api/v1/articles/${slugOf(s)}/annotations` },
    { name: "Audit, first page `/admin/audit`", path: () => "/admin/audit", cookie: "admin" },
    { name: "Audit, deep page (cursor 90 % down the log)", path: (s) => `/admin/audit?cursor=${cursors[s]}`, cookie: "admin" },
  ];
  const cookieOf = (t: Target, size: Size) => (t.cookie ? cookies[size][t.cookie] : undefined);
  const failing: string[] = [];
  const rows: string[] = [];
  const profiles = new Map<string, Record<Size, Awaited<ReturnType<typeof statementsOf>>>>();
  for (const t of targets) {
    const r = await timePair(instances, { small: t.path("small"), big: t.path("big") }, { small: cookieOf(t, "small"), big: cookieOf(t, "big") });
    const profile = { small: await statementsOf(dbs.small, instances.small, t.path("small"), cookieOf(t, "small")), big: await statementsOf(dbs.big, instances.big, t.path("big"), cookieOf(t, "big")) };
    profiles.set(t.name, profile);
    const dbMs = (size: Size) => profile[size].reduce((a, e) => a + e.ms, 0);
    const ratio = r.big.median / r.small.median;
    const waived = r.big.median < 5 && r.small.median < 5;
    const ok = waived || ratio <= 1.5;
    if (!ok) failing.push(t.name);
    log(`${t.name}: ${ms(r.small.median)} → ${ms(r.big.median)} (${fmt(ratio, 2)}×); database ${ms(dbMs("small"))} → ${ms(dbMs("big"))}`);
    rows.push(
      `| ${t.name} | ${ms(r.small.median)} / ${ms(r.small.p95)} | ${ms(r.big.median)} / ${ms(r.big.p95)} | ${fmt(ratio, 2)}× | ${waived ? "waived (< 5 ms)" : ok ? "met" : "**not met**"} | ${profile.small.length}: ${ms(dbMs("small"))} → ${profile.big.length}: ${ms(dbMs("big"))} |`,
    );
  }
  // The slowest statements at 10,000 articles of every page whose database time grew, with their plans.
  const diagnosis: string[] = [];
  for (const t of targets) {
    const profile = profiles.get(t.name)!;
    const small = profile.small.reduce((a, e) => a + e.ms, 0);
    const big = profile.big.reduce((a, e) => a + e.ms, 0);
    if (!failing.includes(t.name) && !(big > 10 && big > 2 * small)) continue;
    diagnosis.push(`**${t.name}** — the slowest statements of one request at ${fmt(BIG)} articles:`);
    for (const entry of profile.big.slice(0, 2)) {
      const plan = await explain(dbs.big, entry);
      diagnosis.push("", `- ${ms(entry.ms)}: \`${entry.sql.replace(/\s+/g, " ").slice(0, 500)}${entry.sql.length > 500 ? "…" : ""}\``, "", "  ```", ...plan.slice(0, 12).map((l) => `  ${l}`), "  ```");
    }
    diagnosis.push("");
  }
  const report = [
    `Provisional: ${machineLine()}. Two databases on one throwaway embedded PostgreSQL, side by side: ${counts.small}, and ${counts.big} (generated in ${fmt(generateSeconds, 0)} s with generate_series, then VACUUM ANALYZE); every generated article is published with ${PER_ARTICLE} approved annotations (one provenance hop and one evidence link each) and ${PER_ARTICLE} audit events, at both sizes. One \`next start\` instance per database, each with \`CACHE_MAX_MB=0\` (Next's page and data caches store nothing, so every request reads the database: the cache-miss cost). ${RUNS} requests per page and size after ${WARMUP} warm-ups, the two sizes in alternation, time to the last byte; median / p95. "Database" is the sum of the durations PostgreSQL logged for one request (log_min_duration_statement = 0), with the number of statements.`,
    "",
    `| page | ${fmt(SMALL)} articles: median / p95 | ${fmt(BIG)} articles: median / p95 | ratio of medians | ≤ 1.5× | database: ${fmt(SMALL)} → ${fmt(BIG)} |`,
    "| --- | ---: | ---: | ---: | --- | ---: |",
    ...rows,
    ...(diagnosis.length ? ["", `Where the database time grows (statement log, then EXPLAIN ANALYZE with the logged parameters):`, "", diagnosis.join("\n")] : []),
  ].join("\n");
  console.log("\n" + report + "\n");
  writeBlock("scale-bench", "Data at scale (d)", report);
  for (const size of ["small", "big"] as const) await instances[size].stop();

  if (!process.env.BENCH_SKIP_EXPORT) {
    const exportReport = await exportImport();
    console.log("\n" + exportReport + "\n");
    writeBlock("export-bench", "Export and import of 1,000,000 rows", exportReport);
  }
}

runMain(main);
