/**
 * Reviewer workspace benchmark (issue 3, section 9). Not a timed test: one run on this machine, loopback only.
 *
 *   npx tsx bench/workspace.ts
 *
 *   - writes a fresh database (.data/bench-workspace.db): migrations, vocabularies, two reviewers, and a generated
 *     20,000-word draft article whose statements carry 1,000 annotations (mixed workflow states, two-hop chains,
 *     evidence, audit events);
 *   - starts server.mjs (Next.js, production build from BENCH_DIST_DIR, default .next-bench, shared with the reader benchmark; rebuilt when the sources changed) on
 *     127.0.0.1 against that database, signs in through next-auth's credentials endpoint;
 *   - requests /review/articles/<id> (nothing selected) and ?s=<annotated statement> (form + history) several
 *     times each after a warm-up, and reports median / p95 / max time to the last byte (the full server render);
 *   - sums the gzip size of every JavaScript file the workspace page loads (its client JS), and prints a table.
 *
 * Env: BENCH_PORT (default 3292), BENCH_RUNS (default 15), BENCH_DIST_DIR.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import bcrypt from "bcryptjs";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../lib/server/generated/prisma/client";
import { seedVocabularies } from "../prisma/seed-vocabularies";
import { prepareArticle } from "../lib/import/prepare-article";
import { buildTextQuoteSelector } from "../lib/anchoring/selectors";
import { toAnnotationContent } from "../lib/domain/annotation-content";

const ROOT = path.resolve(__dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3292);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const DIST = process.env.BENCH_DIST_DIR ?? ".next-bench";
const HOST = "127.0.0.1";
const BASE = `http://${HOST}:${PORT}`;
const DB_FILE = path.join(ROOT, ".data", "bench-workspace.db");
const WORDS = 20_000;
const ANNOTATIONS = 1_000;
const PASSWORD = "bench-password-123";

const VOCAB = "minister government said report agency statement border treaty convention analyst official budget figure percent million interview spokesperson according ministry defence policy decision parliament".split(" ");

/** A deterministic 20,000-word article: sentences of 12–22 words, 4–7 sentences a paragraph, a few quotations. */
function generateText(): string {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const paragraphs: string[] = [];
  let words = 0;
  while (words < WORDS) {
    const sentences: string[] = [];
    const n = 4 + Math.floor(rnd() * 4);
    for (let s = 0; s < n && words < WORDS; s++) {
      const len = 12 + Math.floor(rnd() * 11);
      const w = Array.from({ length: len }, () => VOCAB[Math.floor(rnd() * VOCAB.length)]);
      w[0] = w[0][0].toUpperCase() + w[0].slice(1);
      let sentence = `${w.join(" ")}.`;
      if (rnd() < 0.1) sentence = `“${sentence}” the ${VOCAB[Math.floor(rnd() * VOCAB.length)]} said.`;
      sentences.push(sentence);
      words += sentence.split(/\s+/).length;
    }
    paragraphs.push(sentences.join(" "));
  }
  return `Bench workspace article\n\n${paragraphs.join("\n\n")}`;
}

const cuidish = (i: number, p: string) => `${p}${i.toString(36).padStart(6, "0")}${Math.random().toString(36).slice(2, 10)}`;

async function prepareDatabase(): Promise<{ articleId: string; selectedStatementId: string; statements: number; words: number }> {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(DB_FILE + suffix, { force: true });
  fs.mkdirSync(path.dirname(DB_FILE), { recursive: true });
  const url = `file:${DB_FILE}`;
  execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  try {
    await seedVocabularies(db);
    const hash = await bcrypt.hash(PASSWORD, 4);
    const rita = await db.user.create({ data: { email: "bench-rita@example.com", name: "Bench Rita", role: "reviewer", passwordHash: hash } });
    const sam = await db.user.create({ data: { email: "bench-sam@example.com", name: "Bench Sam", role: "reviewer", passwordHash: hash } });
    const prepared = prepareArticle(generateText(), { language: "en" });
    const article = await db.article.create({
      data: { slug: "bench-workspace", title: prepared.title, text: prepared.text, emphasis: "[]", contentHash: prepared.contentHash, language: "en", createdById: rita.id },
    });
    const statements = prepared.statements.map((s, i) => ({ id: cuidish(i, "st"), articleId: article.id, start: s.start, end: s.end, origin: "proposed" }));
    await db.statement.createMany({ data: statements });
    const types = await db.claimType.findMany();
    const statuses = await db.verificationStatus.findMany();
    const sources = await Promise.all(
      ["Bench Ministry", "Bench Wire"].map((name, i) => db.source.create({ data: { name, kind: i === 0 ? "government" : "wire_agency", url: `https://example.org/${i}`, date: "2025-06-27" } })),
    );
    const step = statements.length / ANNOTATIONS;
    if (step < 1) throw new Error(`Only ${statements.length} statements for ${ANNOTATIONS} annotations`);
    const annotations = [];
    const hops = [];
    const evidence = [];
    const audits = [];
    for (let i = 0; i < ANNOTATIONS; i++) {
      const st = statements[Math.floor(i * step)];
      const q = buildTextQuoteSelector(prepared.text, st.start, st.end);
      const state = ["draft", "in_review", "approved"][i % 3];
      const id = cuidish(i, "an");
      const type = types[i % types.length];
      const status = statuses[i % statuses.length];
      annotations.push({
        id,
        statementId: st.id,
        articleId: article.id,
        claimTypeId: type.id,
        statusId: status.id,
        attributionText: "a spokesperson",
        speakerName: "Bench Ministry",
        speakerKind: "organisation",
        speakerRole: "Spokesperson",
        claimDate: "2025-06-27",
        rationale: "Checked against the **ministry** statement.",
        workflowState: state,
        quoteExact: q.exact,
        quotePrefix: q.prefix,
        quoteSuffix: q.suffix,
        positionStart: st.start,
        positionEnd: st.end,
        authorId: rita.id,
        lastEditorId: rita.id,
        approverId: state === "approved" ? sam.id : null,
        approvedAt: state === "approved" ? new Date() : null,
        approvedSnapshot:
          state === "approved"
            ? JSON.stringify(
                toAnnotationContent({
                  attributionText: "a spokesperson",
                  speakerName: "Bench Ministry",
                  speakerKind: "organisation",
                  speakerRole: "Spokesperson",
                  claimDate: "2025-06-27",
                  rationale: "Checked against the **ministry** statement.",
                  claimType: type,
                  status,
                  chain: sources.map((source, position) => ({ position, note: null, source })),
                  evidence: [{ position: 0, url: "https://example.org/evidence", title: "Evidence", stance: "supports", archivedUrl: null, note: null }],
                }),
              )
            : null,
        approvedStatusSlug: state === "approved" ? status.slug : null,
        approvedTypeSlug: state === "approved" ? type.slug : null,
      });
      hops.push({ annotationId: id, position: 0, sourceId: sources[0].id }, { annotationId: id, position: 1, sourceId: sources[1].id });
      evidence.push({ annotationId: id, position: 0, url: "https://example.org/evidence", title: "Evidence", stance: "supports" });
      audits.push({ actorId: rita.id, actorLabel: rita.email, action: "annotation.create", entityType: "annotation", entityId: id, articleId: article.id, after: JSON.stringify({ claimType: type.label, status: status.label, version: 1 }) });
    }
    await db.annotation.createMany({ data: annotations });
    await db.provenanceHop.createMany({ data: hops });
    await db.evidenceLink.createMany({ data: evidence });
    await db.auditEvent.createMany({ data: audits });
    return { articleId: article.id, selectedStatementId: annotations[ANNOTATIONS / 2].statementId, statements: statements.length, words: prepared.text.split(/\s+/).length };
  } finally {
    await db.$disconnect();
  }
}

async function ensureBuild() {
  // The same fingerprinted build step as npm start / npm test: rebuilds only when the sources changed.
  const lib = (await import(path.join(ROOT, "scripts", "lib.mjs"))) as { ensureBuild: (dist: string) => void };
  lib.ensureBuild(DIST);
}

async function waitFor(url: string, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`Server did not come up at ${url}`);
}

/** Signs in through next-auth's credentials endpoint; returns the Cookie header. */
async function signIn(): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
  };
  keep(csrf);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email: "bench-sam@example.com", password: PASSWORD, json: "true", callbackUrl: `${BASE}/review` }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`Sign-in failed (${res.status})`);
  return cookie();
}

async function timeRoute(url: string, cookie: string) {
  const times: number[] = [];
  let html = "";
  for (let i = 0; i < RUNS + 3; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    html = await res.text();
    const t = performance.now() - t0;
    if (res.status !== 200) throw new Error(`${url} → ${res.status}`);
    if (i >= 3) times.push(t); // 3 warm-up requests
  }
  times.sort((a, b) => a - b);
  const pick = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  return { median: pick(0.5), p95: pick(0.95), max: times[times.length - 1], html };
}

async function clientJs(html: string) {
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+\.js[^"]*)"/g)].map((m) => m[1]))];
  let raw = 0;
  let gzip = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src.replace(/&amp;/g, "&"), BASE))).arrayBuffer());
    raw += body.length;
    gzip += zlib.gzipSync(body, { level: 9 }).length;
  }
  return { files: srcs.length, raw, gzip };
}

async function main() {
  await ensureBuild();
  console.log("Preparing the benchmark database…");
  const data = await prepareDatabase();
  const env = {
    ...process.env,
    NODE_ENV: "production" as const,
    DATABASE_URL: `file:${DB_FILE}`,
    NEXTAUTH_SECRET: "bench-only-secret-bench-only-secret-bench-only",
    NEXTAUTH_URL: BASE,
    PUBLIC_BASE_URL: BASE,
    NEXT_DIST_DIR: DIST,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const server = spawn(process.execPath, [path.join(ROOT, "server.mjs")], { cwd: ROOT, env: { ...env, HOST, PORT: String(PORT) }, stdio: ["ignore", "ignore", "inherit"] });
  try {
    await waitFor(`${BASE}/api/health`);
    const cookie = await signIn();
    const plain = await timeRoute(`${BASE}/review/articles/${data.articleId}`, cookie);
    const selected = await timeRoute(`${BASE}/review/articles/${data.articleId}?s=${data.selectedStatementId}`, cookie);
    const rendered = (plain.html.match(/data-statement-id=/g) ?? []).length;
    const js = await clientJs(selected.html);
    const ms = (n: number) => `${n.toFixed(0)} ms`;
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    const rows = [
      ["Article", `${data.words.toLocaleString("en")} words, ${data.statements.toLocaleString("en")} statements (${rendered} rendered), ${ANNOTATIONS.toLocaleString("en")} annotations`],
      ["Workspace, nothing selected: median / p95 / max", `${ms(plain.median)} / ${ms(plain.p95)} / ${ms(plain.max)} (HTML ${kb(Buffer.byteLength(plain.html))})`],
      ["Workspace, annotated statement selected (form + history): median / p95 / max", `${ms(selected.median)} / ${ms(selected.p95)} / ${ms(selected.max)} (HTML ${kb(Buffer.byteLength(selected.html))})`],
      ["Client JavaScript loaded by the route (gzip)", `${kb(js.gzip)} in ${js.files} files (${kb(js.raw)} uncompressed)`],
    ];
    console.log(`\nReviewer workspace benchmark (${RUNS} requests each after 3 warm-ups, time to last byte, ${HOST}, production build ${DIST})\n`);
    for (const [k, v] of rows) console.log(`  ${k}: ${v}`);
    if (rendered !== data.statements) throw new Error(`Expected ${data.statements} statements in the page, found ${rendered}`);
  } finally {
    server.kill("SIGTERM");
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
