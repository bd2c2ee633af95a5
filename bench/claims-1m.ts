/**
 * Claim memory at 1,000,000 annotations (issue 13, section 6): search, "checked before?" suggestions and source pages,
 * timed through the app's own data functions (searchStatements, searchWorkingStatements, getClaimSuggestions, getSourcePage) against a
 * dedicated database on the external PostgreSQL.
 *
 *   npm run bench:claims-1m
 *
 * Env: BENCH_1M_ADMIN_URL (postgresql://postgres@127.0.0.1:5432/postgres), BENCH_1M_DB (provenance_bench_1m),
 *      BENCH_1M_ANNOTATIONS (1000000; 50 per article), BENCH_1M_ITERATIONS (200 per category),
 *      BENCH_1M_BUDGET_S (60: a category stops after this many seconds), BENCH_1M_RELOAD=1 (drop and load again), BENCH_1M_LOAD_ONLY=1 (stop after loading), BENCH_1M_WRITE=1 (rewrite the claims-1m block of BENCHMARKS.md),
 *      BENCH_1M_ONLY=<text> (only the categories whose "group / name" contains it, for a quick look; not written),
 *      BENCH_1M_PER_QUERY=1 (each category's five slowest queries by median).
 *
 * The data set comes from bench/claims-1m-generator.ts (seeded). It is kept between runs: a table bench_1m_meta
 * records the generator version and size, and the database is loaded again only when they differ. Pending
 * migrations are applied on every run, so a new index is measured without reloading. Loading: Article, Statement and
 * Annotation rows in batches (arrays through unnest, FK triggers off, secondary indexes dropped and rebuilt after),
 * ProvenanceHop rows derived in SQL from the approved chains.
 *
 * Each category is warmed up (10 calls, or 5 s), then called BENCH_1M_ITERATIONS times, cycling through its queries (stopped
 * early after BENCH_1M_BUDGET_S, the n shows it). Where a category misses its p95 target, its slowest query is shown with
 * EXPLAIN (ANALYZE, BUFFERS).
 */
import fs from "node:fs";
import Module, { createRequire } from "node:module";
import path from "node:path";
import pg from "pg";
import { toAnnotationContent } from "../lib/domain/annotation-content";
import { enterServerScript } from "../lib/server/script-runtime";
import { GENERATOR_SEED, GENERATOR_VERSION, QuoteGenerator, universe, type Universe } from "./claims-1m-generator";
import { fmt, log, machineLine, migrateAndSeed, ROOT, sql, summarize, writeBlock } from "./lib/harness";
import { Random } from "../lib/anchoring/testing/news-text";

const ADMIN_URL = process.env.BENCH_1M_ADMIN_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const DB_NAME = process.env.BENCH_1M_DB ?? "provenance_bench_1m";
const TOTAL = Number(process.env.BENCH_1M_ANNOTATIONS ?? 1_000_000);
const PER_ARTICLE = 50;
const ARTICLES = Math.ceil(TOTAL / PER_ARTICLE);
const ITERATIONS = Number(process.env.BENCH_1M_ITERATIONS ?? 200);
const CATEGORY_BUDGET_MS = Number(process.env.BENCH_1M_BUDGET_S ?? 60) * 1000;
const WARMUP = 10;
const ONLY = process.env.BENCH_1M_ONLY ?? "";
/** BENCH_1M_PER_QUERY=1: each category's five slowest queries by median, for a look at where the time goes. */
const PER_QUERY = process.env.BENCH_1M_PER_QUERY === "1";
const perQuery = new Map<string, number[]>();
/** Whether the category "group / name" is measured in this run (BENCH_1M_ONLY). */
const measured = (group: string, name: string) => `${group} / ${name}`.includes(ONLY);
const DB_URL = ADMIN_URL.replace(/\/[^/?]*(\?|$)/, `/${DB_NAME}$1`);

// ---------------------------------------------------------------------------------------------------------------
// The data set

interface Vocab {
  types: { id: string; slug: string; label: string; shortLabel: string; color: string; retired: boolean }[];
  statuses: { id: string; slug: string; label: string; color: string; rating: number | null; retired: boolean }[];
  author: string;
  approver: string;
}

async function vocabulary(url: string): Promise<Vocab> {
  const types = (await sql<Vocab["types"][number]>(url, `SELECT id, slug, label, "shortLabel", color, retired FROM "ClaimType" WHERE NOT retired ORDER BY position`)).rows;
  const statuses = (await sql<Vocab["statuses"][number]>(url, `SELECT id, slug, label, color, rating, retired FROM "VerificationStatus" WHERE NOT retired ORDER BY position`)).rows;
  const users = (await sql<{ id: string }>(url, `SELECT id FROM "User" WHERE email IN ('reviewer@example.com', 'reviewer2@example.com') ORDER BY email`)).rows;
  return { types, statuses, author: users[0].id, approver: users[1].id };
}

/** Article a's text: its PER_ARTICLE quotes, five to a paragraph, and where each quote sits. */
function articleText(gen: QuoteGenerator, a: number) {
  const quotes = Array.from({ length: PER_ARTICLE }, (_, j) => ({ n: a * PER_ARTICLE + j, ...gen.quote(a * PER_ARTICLE + j) }));
  let text = `Bench article ${a + 1}\n\n`;
  const spans: { start: number; end: number }[] = [];
  quotes.forEach((q, j) => {
    if (j > 0) text += j % 5 === 0 ? "\n\n" : " ";
    spans.push({ start: text.length, end: text.length + q.quote.length });
    text += q.quote;
  });
  return { text, quotes, spans };
}

/** When article a was published: spread over 2020-01-01 … 2026-11-30, in article order. */
const publishedAt = (a: number) => new Date(Date.UTC(2020, 0, 1) + Math.floor((a / ARTICLES) * (Date.UTC(2026, 10, 30) - Date.UTC(2020, 0, 1))));

async function load(url: string, world: Universe) {
  const t0 = performance.now();
  const gen = new QuoteGenerator(world);
  const vocab = await vocabulary(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SET session_replication_role = replica"); // no FK triggers while loading
    await client.query(`INSERT INTO "Source" (id, name, kind, url, date) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])`, [
      world.sources.map((s) => s.id),
      world.sources.map((s) => s.name),
      world.sources.map((s) => s.kind),
      world.sources.map((s) => s.url),
      world.sources.map((s) => s.date),
    ]);
    // Secondary indexes of the bulk tables go now and come back after (one sort each instead of a million inserts).
    const indexes = (
      await client.query<{ name: string; def: string }>(
        `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i JOIN pg_class c ON c.relname = i.indexname JOIN pg_index x ON x.indexrelid = c.oid
         WHERE i.schemaname = 'public' AND i.tablename IN ('Article', 'Statement', 'Annotation', 'ProvenanceHop') AND NOT x.indisprimary AND NOT x.indisunique`,
      )
    ).rows;
    for (const i of indexes) await client.query(`DROP INDEX "${i.name}"`);
    const BATCH = 400; // articles
    for (let from = 0; from < ARTICLES; from += BATCH) {
      const art: unknown[][] = [[], [], [], [], []];
      const st: unknown[][] = [[], [], [], []];
      const an: unknown[][] = Array.from({ length: 14 }, () => []);
      for (let a = from; a < Math.min(ARTICLES, from + BATCH); a++) {
        const { text, quotes, spans } = articleText(gen, a);
        const at = publishedAt(a);
        const articleId = `b1a${a}`;
        [articleId, `bench-1m-${a + 1}`, `Bench article ${a + 1}`, world.sources[a % 40].name, text].forEach((v, k) => art[k].push(v));
        quotes.forEach((q, j) => {
          if (q.n >= TOTAL) return;
          const id = `b1n${q.n}`;
          const r = new Random(GENERATOR_SEED + q.n);
          const type = vocab.types[r.int(vocab.types.length)];
          const status = vocab.statuses[r.int(vocab.statuses.length)];
          const chain = q.chain.map((s, position) => ({ position, note: null, source: world.sources[s] }));
          const snapshot = toAnnotationContent({
            attributionText: q.speaker ? `${q.speaker.split(" ")[1]} ${q.quote.includes(" said") ? "said" : "told"}` : null,
            speakerName: q.speaker,
            speakerKind: q.speakerKind,
            speakerRole: null,
            claimDate: at.toISOString().slice(0, 10),
            rationale: `Checked against the published figures (${q.n}).`,
            claimType: type,
            status,
            chain,
            evidence: [],
          });
          [`b1s${q.n}`, articleId, spans[j].start, spans[j].end].forEach((v, k) => st[k].push(v));
          const values = [id, `b1s${q.n}`, articleId, type.id, status.id, q.speaker, q.quote, spans[j].start, spans[j].end, new Date(at.getTime() + j * 1000), JSON.stringify(snapshot), status.slug, type.slug, snapshot.attributionText];
          values.forEach((v, k) => an[k].push(v));
        });
      }
      await client.query(`INSERT INTO "Article" (id, slug, title, outlet, text, "contentHash", state, "publishedAt", "createdAt", "updatedAt")
        SELECT id, slug, title, outlet, text, md5(text), 'published', p, p, p FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS u(id, slug, title, outlet, text, k)
        CROSS JOIN LATERAL (SELECT timestamptz '2020-01-01' + (($6::int + k - 1)::float8 / $7) * (timestamptz '2026-11-30' - timestamptz '2020-01-01') AS p) t`, [...art, from, ARTICLES]);
      await client.query(`INSERT INTO "Statement" (id, "articleId", start, "end", origin) SELECT id, a, s, e, 'manual' FROM unnest($1::text[], $2::text[], $3::int[], $4::int[]) AS u(id, a, s, e)`, st);
      await client.query(
        `INSERT INTO "Annotation" (id, "statementId", "articleId", "claimTypeId", "statusId", "speakerName", "speakerKind", "attributionText", rationale, "workflowState",
           "quoteExact", "positionStart", "positionEnd", "authorId", "lastEditorId", "submittedAt", "approverId", "approvedAt", "approvedSnapshot",
           "approvedStatusSlug", "approvedTypeSlug", "approvedStart", "approvedEnd", "approvedQuote", version, "createdAt", "updatedAt")
         SELECT id, sid, aid, tid, stid, sp, CASE WHEN sp IS NULL THEN NULL ELSE 'person' END, attr, snap->>'rationale', 'approved',
           q, s, e, $15, $15, t, $16, t, snap, ss, ts, s, e, q, 2, t, t
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::int[], $10::timestamptz[], $11::jsonb[], $12::text[], $13::text[], $14::text[])
           AS u(id, sid, aid, tid, stid, sp, q, s, e, t, snap, ss, ts, attr)`,
        [...an, vocab.author, vocab.approver],
      );
      const done = Math.min(ARTICLES, from + BATCH);
      if (done % 2000 === 0 || done === ARTICLES) log(`  ${fmt(Math.min(TOTAL, done * PER_ARTICLE))} annotations (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
    await client.query(`INSERT INTO "ProvenanceHop" (id, "annotationId", position, "sourceId")
      SELECT a.id || '_' || (h->>'position'), a.id, (h->>'position')::int, h->'source'->>'id'
      FROM "Annotation" a CROSS JOIN LATERAL jsonb_array_elements(a."approvedSnapshot"->'chain') h WHERE a.id LIKE 'b1n%'`);
    log(`  rows in ${((performance.now() - t0) / 1000).toFixed(0)} s; rebuilding ${indexes.length} indexes…`);
    await client.query("SET maintenance_work_mem = '512MB'");
    for (const i of indexes) await client.query(i.def);
    await client.query("RESET session_replication_role");
    // Triggers were off while loading: the words of the quotes (misspelt search terms) as the migration fills them.
    await client.query("SELECT provenance_backfill_search_words()");
    // …and who each statement is about (source pages, the source filter), when the migration that keeps it has run.
    if ((await client.query("SELECT 1 FROM pg_proc WHERE proname = 'provenance_backfill_source_keys'")).rowCount) await client.query("SELECT provenance_backfill_source_keys()");
    if ((await client.query("SELECT 1 FROM pg_proc WHERE proname = 'provenance_backfill_search_speakers'")).rowCount) await client.query("SELECT provenance_backfill_search_speakers()");
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
  }
  return (performance.now() - t0) / 1000;
}

async function ensureDataset(world: Universe): Promise<string> {
  const exists = (await sql(ADMIN_URL, `SELECT 1 FROM pg_database WHERE datname = $1`, [DB_NAME])).rowCount! > 0;
  const wanted = `${GENERATOR_VERSION}:${TOTAL}`;
  let current: string | null = null;
  if (exists) current = (await sql<{ v: string }>(DB_URL, `SELECT version AS v FROM bench_1m_meta`).catch(() => ({ rows: [] as { v: string }[] }))).rows[0]?.v ?? null;
  if (exists && current === wanted && process.env.BENCH_1M_RELOAD !== "1") {
    log(`reusing ${DB_NAME} (generator ${GENERATOR_VERSION}, ${fmt(TOTAL)} annotations)`);
    const { migrateDatabase } = (await import(path.join(ROOT, "scripts", "db", "migrate.mjs"))) as typeof import("../scripts/db/migrate.mjs");
    const applied = await migrateDatabase(DB_URL);
    if (applied.length) {
      log(`applied ${applied.join(", ")}`);
      await sql(DB_URL, "ANALYZE");
    }
    return "reused";
  }
  if (exists) await sql(ADMIN_URL, `DROP DATABASE "${DB_NAME}" WITH (FORCE)`);
  await sql(ADMIN_URL, `CREATE DATABASE "${DB_NAME}"`);
  log(`loading ${fmt(TOTAL)} annotations into ${DB_NAME}…`);
  await migrateAndSeed(DB_URL);
  const seconds = await load(DB_URL, world);
  await sql(DB_URL, `CREATE TABLE bench_1m_meta (version text NOT NULL, loaded_seconds int NOT NULL)`);
  await sql(DB_URL, `INSERT INTO bench_1m_meta VALUES ($1, $2)`, [wanted, Math.round(seconds)]);
  log(`loaded in ${seconds.toFixed(0)} s`);
  return `loaded in ${seconds.toFixed(0)} s`;
}

// ---------------------------------------------------------------------------------------------------------------
// The query mix (seeded: the same every run)

type Search = { q?: string; speaker?: string; source?: string; order?: "relevance" };
interface Mix {
  search: Record<string, Search[]>;
  suggestions: Record<string, number[]>;
  sources: Record<string, string[]>;
}

const PROBES = 100;

function queryMix(world: Universe, stats: { sourceIds: { large: string[]; small: string[] } }): Mix {
  const random = new Random(GENERATOR_SEED + 1);
  const tail = (list: string[], from: number) => list.slice(from);
  // Rank ~1000+ of 1,500 Zipf-drawn places: a few dozen statements each.
  const rare = Array.from({ length: 20 }, () => random.pick(tail(world.places, 1000)));
  const common = ["figures", "unemployment", "inflation", "per cent", "level since", "record", "minister", "pandemic", "million euros", "officials"];
  const multi = Array.from({ length: 20 }, () => `${random.pick(["unemployment", "energy prices", "crime", "tax revenue", "migration", "rents"])} ${random.pick(world.places.slice(0, 300))}`);
  const misspelt = ["unemploymnet", "inflaton", "vacination rates", "pensoin spending", "electricty bills", "goverment figures", "hopsital waiting", "briefnig"];
  const speakers = Array.from({ length: 20 }, (_, i) => world.speakers[i < 10 ? i : random.between(500, 2999)]);
  const search: Record<string, Search[]> = {
    "rare term": rare.map((q) => ({ q })),
    "common term": common.map((q) => ({ q })),
    "multi-word": multi.map((q) => ({ q })),
    misspelt: misspelt.map((q) => ({ q })),
    "speaker filter + term": speakers.map((speaker, i) => ({ speaker, q: common[i % common.length] })),
    "speaker filter only": speakers.map((speaker) => ({ speaker })),
    "source in chain + term": [...stats.sourceIds.large, ...stats.sourceIds.small].map((source, i) => ({ source, q: common[i % common.length] })),
    "source in chain only": [...stats.sourceIds.large, ...stats.sourceIds.small].map((source) => ({ source })),
  };
  const relevance = Object.fromEntries(
    Object.entries(search)
      .filter(([, qs]) => qs.every((s) => s.q))
      .map(([k, qs]) => [k, qs.map((s) => ({ ...s, order: "relevance" as const }))]),
  );
  const seen = Array.from({ length: PROBES }, () => random.int(TOTAL));
  return {
    search: { ...Object.fromEntries(Object.entries(search).map(([k, v]) => [`recent: ${k}`, v])), ...Object.fromEntries(Object.entries(relevance).map(([k, v]) => [`relevance: ${k}`, v])) },
    suggestions: { "paraphrase of a checked quote": seen, "never checked (no match)": Array.from({ length: PROBES }, (_, i) => TOTAL + 1000 + i) },
    sources: { "large source (top 3)": stats.sourceIds.large, "small source": stats.sourceIds.small },
  };
}

/** A draft article whose statements are the look-ups: paraphrases of checked quotes, and quotes never checked. */
async function createProbeArticle(url: string, gen: QuoteGenerator, mix: Mix): Promise<Map<number, string>> {
  await sql(url, `DELETE FROM "Article" WHERE id = 'b1probe'`);
  const probes = [...mix.suggestions["paraphrase of a checked quote"].map((n) => ({ n, text: gen.quote(n).paraphrase })), ...mix.suggestions["never checked (no match)"].map((n) => ({ n, text: gen.quote(n).quote }))];
  let text = "Look-ups\n\n";
  const spans = probes.map((p) => {
    const start = text.length;
    text += p.text + " ";
    return { n: p.n, start, end: start + p.text.length };
  });
  await sql(url, `INSERT INTO "Article" (id, slug, title, text, "contentHash", state, "updatedAt") VALUES ('b1probe', 'bench-1m-probes', 'Look-ups', $1, md5($1), 'draft', now())`, [text]);
  await sql(url, `INSERT INTO "Statement" (id, "articleId", start, "end", origin) SELECT 'b1p' || n, 'b1probe', s, e, 'manual' FROM unnest($1::int[], $2::int[], $3::int[]) AS u(n, s, e)`, [
    spans.map((s) => s.n),
    spans.map((s) => s.start),
    spans.map((s) => s.end),
  ]);
  return new Map(spans.map((s) => [s.n, `b1p${s.n}`]));
}

// ---------------------------------------------------------------------------------------------------------------
// Timing

interface Result {
  group: "search (default order)" | "search (relevance)" | "search (drafts tab)" | "suggestions" | "source page";
  name: string;
  target: number;
  samples: number[];
  slowest: { ms: number; label: string; explain: () => Promise<string[]> };
  results: number[];
}

async function timeCategory<T>(group: Result["group"], name: string, target: number, inputs: T[], call: (input: T) => Promise<number>, label: (input: T) => string): Promise<Result> {
  const warming = performance.now();
  for (let i = 0; i < WARMUP && performance.now() - warming < 5000; i++) await call(inputs[i % inputs.length]);
  const samples: number[] = [];
  const results: number[] = [];
  let slowest = { ms: -1, input: inputs[0] };
  const started = performance.now();
  for (let i = 0; i < ITERATIONS && performance.now() - started < CATEGORY_BUDGET_MS; i++) {
    const input = inputs[i % inputs.length];
    const t = performance.now();
    results.push(await call(input));
    const took = performance.now() - t;
    samples.push(took);
    if (took > slowest.ms) slowest = { ms: took, input };
    if (PER_QUERY) perQuery.set(label(input), [...(perQuery.get(label(input)) ?? []), took]);
  }
  const s = summarize(samples);
  log(`  ${group} / ${name}: p50 ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, max ${s.max.toFixed(1)} ms (n ${s.n}) ${s.p95 <= target ? "ok" : `MISSES ${target} ms`}`);
  if (PER_QUERY) {
    const medians = [...perQuery].map(([query, times]) => ({ query, median: summarize(times).median })).sort((x, y) => y.median - x.median);
    for (const m of medians.slice(0, 5)) log(`    median ${m.median.toFixed(1)} ms: ${m.query}`);
    perQuery.clear();
  }
  return { group, name, target, samples, results, slowest: { ms: slowest.ms, label: label(slowest.input), explain: () => explainCall(() => call(slowest.input)) } };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the slowest statement one call runs: the pg driver under Prisma is watched while the
 * call runs again, then each SELECT it sent is explained with its parameters, after the set_config calls that
 * preceded it (they set the trigram thresholds for their transaction).
 */
async function explainCall(run: () => Promise<unknown>): Promise<string[]> {
  const seen: { text: string; values: unknown[] }[] = [];
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    const text = typeof config === "string" ? config : config?.text;
    if (typeof text === "string") seen.push({ text, values: (typeof config === "string" ? values : config.values) ?? [] });
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = original;
  }
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  const out: { ms: number; lines: string[] }[] = [];
  try {
    for (const [i, q] of seen.entries()) {
      if (!/^\s*SELECT/i.test(q.text) || /set_config/.test(q.text)) continue;
      await client.query("BEGIN");
      for (const prior of seen.slice(0, i)) if (/set_config/.test(prior.text)) await client.query(prior.text, prior.values);
      const plan = (await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.text}`, q.values)).rows.map((r) => r["QUERY PLAN"]);
      await client.query("ROLLBACK");
      const ms = Number(/Execution Time: ([\d.]+)/.exec(plan.at(-1) ?? "")?.[1] ?? 0);
      out.push({ ms, lines: [q.text.replace(/\s+/g, " ").slice(0, 1500), `-- parameters: ${JSON.stringify(q.values).slice(0, 300)}`, ...plan] });
    }
  } finally {
    await client.end();
  }
  return out.sort((a, b) => b.ms - a.ms)[0]?.lines ?? ["(no SELECT seen)"];
}

async function main() {
  const world = universe();
  const gen = new QuoteGenerator(world);
  const dataset = await ensureDataset(world);
  if (process.env.BENCH_1M_LOAD_ONLY === "1") return;

  const large = (await sql<{ id: string }>(DB_URL, `SELECT "sourceId" AS id FROM "ProvenanceHop" GROUP BY 1 ORDER BY count(*) DESC LIMIT 3`)).rows.map((r) => r.id);
  const small = (await sql<{ id: string }>(DB_URL, `SELECT "sourceId" AS id FROM "ProvenanceHop" GROUP BY 1 HAVING count(*) BETWEEN 5 AND 200 ORDER BY 1 LIMIT 10`)).rows.map((r) => r.id);
  const counts = (await sql<{ id: string; n: string }>(DB_URL, `SELECT "sourceId" AS id, count(*) AS n FROM "ProvenanceHop" WHERE "sourceId" = ANY($1) GROUP BY 1`, [[...large, ...small]])).rows;
  const shape = (await sql<{ articles: string; annotations: string; hops: string; sources: string; avg: string; size: string }>(
    DB_URL,
    `SELECT (SELECT count(*) FROM "Article" WHERE state = 'published') AS articles, (SELECT count(*) FROM "Annotation") AS annotations,
       (SELECT count(*) FROM "ProvenanceHop") AS hops, (SELECT count(*) FROM "Source") AS sources,
       (SELECT round(avg(length("approvedQuote"))) FROM "Annotation") AS avg, pg_size_pretty(pg_database_size(current_database())) AS size`,
  )).rows[0];
  const version = (await sql<{ v: string }>(DB_URL, `SELECT current_setting('server_version') AS v`)).rows[0].v;
  const mix = queryMix(world, { sourceIds: { large, small } });
  const probeIds = await createProbeArticle(DB_URL, gen, mix);
  fs.writeFileSync(path.join(ROOT, "bench", "claims-1m-queries.json"), `${JSON.stringify({ generator: GENERATOR_VERSION, seed: GENERATOR_SEED, ...mix, suggestionText: Object.fromEntries([...probeIds.keys()].map((n) => [n, n < TOTAL ? gen.quote(n).paraphrase : gen.quote(n).quote])) }, null, 1)}\n`);

  process.env.DATABASE_URL = DB_URL;
  process.env.DATABASE_POOL_SIZE = "2";
  enterServerScript();
  // The reader's vocabulary goes through next/cache, as in the app (cached there): an in-memory stand-in outside Next.
  const requireHere = createRequire(path.join(ROOT, "package.json"));
  const nextCache = requireHere.resolve("next/cache");
  const stand = new Module(nextCache);
  stand.filename = nextCache;
  stand.loaded = true;
  const cached = new Map<string, Promise<unknown>>();
  stand.exports = {
    unstable_cache: (fn: (...args: unknown[]) => Promise<unknown>, keyParts: string[] = []) => (...args: unknown[]) => {
      const key = JSON.stringify([keyParts, args]);
      if (!cached.has(key)) cached.set(key, fn(...args));
      return cached.get(key);
    },
  };
  requireHere.cache[nextCache] = stand;
  const { searchStatements } = await import("../lib/server/claims/search");
  const { searchWorkingStatements } = await import("../lib/server/claims/search-drafts");
  const { getClaimSuggestions } = await import("../lib/server/claims/suggestions");
  const { getSourcePage } = await import("../lib/server/claims/sources");
  const { anonymousReader } = await import("../lib/server/actors");
  const { testActor } = await import("../lib/server/testing/actors");
  const { db } = await import("../lib/server/db");
  const reviewerRow = await db.user.findFirstOrThrow({ where: { email: "reviewer@example.com" } });
  const reviewer = testActor(reviewerRow);
  const reader = anonymousReader();

  const results: Result[] = [];
  for (const [name, inputs] of Object.entries(mix.search)) {
    const relevance = name.startsWith("relevance");
    if (!measured(relevance ? "search (relevance)" : "search (default order)", name.replace(/^\w+: /, ""))) continue;
    results.push(
      await timeCategory(relevance ? "search (relevance)" : "search (default order)", name.replace(/^\w+: /, ""), relevance ? 500 : 150, inputs, async (input) => (await searchStatements(reader, input)).hits.length, (input) => JSON.stringify(input)),
    );
  }
  // The reviewers' "Including drafts" tab (working content, newest change first): the same words.
  for (const [name, inputs] of Object.entries(mix.search)) {
    const words = name.replace(/^\w+: /, "");
    if (!name.startsWith("recent: ") || !["rare term", "common term", "multi-word", "misspelt", "speaker filter + term", "speaker filter only", "source in chain + term", "source in chain only"].includes(words) || !measured("search (drafts tab)", words)) continue;
    results.push(await timeCategory("search (drafts tab)", words, 150, inputs, async (input) => (await searchWorkingStatements(reviewer, input)).hits.length, (input) => JSON.stringify(input)));
  }
  // Every call counts, warm-up included (timeCategory calls the same function for both).
  let paraphraseCalls = 0;
  let paraphraseFound = 0;
  const paraphrasesFound = new Set<number>();
  for (const [name, ns] of Object.entries(mix.suggestions)) {
    if (!measured("suggestions", name)) continue;
    const r = await timeCategory("suggestions", name, 300, ns, async (n) => {
      const found = await getClaimSuggestions(reviewer, probeIds.get(n)!);
      if (n < TOTAL) paraphraseCalls++;
      if (n < TOTAL && found.some((f) => f.annotationId === `b1n${n}`)) {
        paraphraseFound++;
        paraphrasesFound.add(n);
      }
      return found.length;
    }, (n) => JSON.stringify(n < TOTAL ? gen.quote(n).paraphrase : gen.quote(n).quote));
    results.push(r);
  }
  for (const [name, ids] of Object.entries(mix.sources)) {
    if (!measured("source page", name)) continue;
    results.push(await timeCategory("source page", name, 150, ids, async (id) => (await getSourcePage(reader, id))?.statements.length ?? -1, (id) => id));
  }
  const explained: string[] = [];
  for (const r of results) {
    if (summarize(r.samples).p95 <= r.target) continue;
    explained.push(`### ${r.group} / ${r.name}: p95 missed; slowest call ${r.slowest.ms.toFixed(0)} ms for ${r.slowest.label}`, "```", ...(await r.slowest.explain()), "```");
  }
  await db.$disconnect();

  const rows = results.map((r) => {
    const s = summarize(r.samples);
    const hits = summarize(r.results);
    return `| ${r.group} | ${r.name} | ${s.n} | ${s.median.toFixed(1)} | **${s.p95.toFixed(1)}** | ${s.max.toFixed(1)} | ≤ ${r.target} | ${s.p95 <= r.target ? "ok" : "**missed**"} | ${hits.median} |`;
  });
  const paraphrases = mix.suggestions["paraphrase of a checked quote"];
  const body = [
    `${machineLine()}. PostgreSQL ${version} (external, shared_buffers 128 MB). Data set: ${fmt(Number(shape.annotations))} annotations in ${fmt(Number(shape.articles))} published articles, ${fmt(Number(shape.hops))} provenance hops over ${fmt(Number(shape.sources))} sources (largest: ${counts.filter((c) => large.includes(c.id)).map((c) => fmt(Number(c.n))).join(", ")} statements; small: ${counts.filter((c) => small.includes(c.id)).map((c) => c.n).join(", ")}), quotes ${shape.avg} characters on average, database ${shape.size}; ${dataset}.`,
    "",
    "| Group | Queries | n | p50 ms | p95 ms | max ms | Target p95 | | Results (median) |",
    "|---|---|---:|---:|---:|---:|---:|---|---:|",
    ...rows,
    "",
    `"Checked before?" found the paraphrased quote's original for ${paraphraseFound} of ${paraphraseCalls} look-ups, warm-up included (${paraphrasesFound.size} of ${paraphrases.length} distinct paraphrases).`,
  ].join("\n");
  console.log(`\n${body}\n`);
  if (explained.length) console.log(explained.join("\n"));
  if (process.env.BENCH_1M_WRITE === "1" && !ONLY) writeBlock("claims-1m", "Claim memory at 1,000,000 annotations (issue 13)", body);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
