/**
 * Audit log at scale: inserts 1,000,000 AuditEvents into a throwaway SQLite file (all migrations applied), then
 * times the queries /admin/audit runs — built by the same code (lib/server/admin/audit-query.ts) — first page and
 * deep pages (keyset cursor), with and without filters, plus an OFFSET deep page for comparison. Prints a table and
 * rewrites the "Audit log" section of BENCHMARKS.md. The temp database is deleted afterwards.
 *
 *   npx tsx bench/audit.ts          (AUDIT_BENCH_EVENTS=1000000 by default)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../lib/server/generated/prisma/client";
import { AUDIT_ORDER, auditLabelsSql, auditWhere, DISTINCT_ACTIONS_SQL, DISTINCT_ENTITY_TYPES_SQL, encodeAuditCursor } from "../lib/server/admin/audit-query";
import type { AuditFilter } from "../lib/contracts/admin";

const ROOT = path.resolve(__dirname, "..");
const EVENTS = Number(process.env.AUDIT_BENCH_EVENTS ?? 1_000_000);
const PAGE = 50;
const RUNS = 7;
const ACTORS = 25;
const ACTIONS = [
  ["annotation.update", "annotation"],
  ["annotation.create", "annotation"],
  ["annotation.submit", "annotation"],
  ["annotation.approve", "annotation"],
  ["statement.create", "statement"],
  ["article.import", "article"],
  ["article.publish", "article"],
  ["user.sign_in", "user"],
  ["user.invite", "user"],
  ["claim_type.update", "claim_type"],
] as const;

const cuidish = () => "c" + randomBytes(16).toString("base64url").replace(/[-_]/g, "x").slice(0, 24).toLowerCase();
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

function createDatabase(file: string) {
  const sqlite = new Database(file);
  const migrations = path.join(ROOT, "prisma", "migrations");
  for (const folder of fs.readdirSync(migrations).sort()) {
    const sql = path.join(migrations, folder, "migration.sql");
    if (fs.existsSync(sql)) sqlite.exec(fs.readFileSync(sql, "utf8"));
  }
  return sqlite;
}

function populate(sqlite: Database.Database): { actorIds: string[]; ms: number } {
  const t0 = performance.now();
  const actorIds: string[] = [];
  const insertUser = sqlite.prepare(`INSERT INTO "User" (id, email, name, role, updatedAt) VALUES (?, ?, ?, 'reviewer', ?)`);
  for (let i = 0; i < ACTORS; i++) {
    const id = cuidish();
    actorIds.push(id);
    insertUser.run(id, `bench${i}@example.com`, `Bench ${i}`, iso(Date.now()));
  }
  const insert = sqlite.prepare(
    `INSERT INTO "AuditEvent" (id, createdAt, actorId, actorLabel, action, entityType, entityId, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Two years of history ending now, ~one event every 63 s, with same-millisecond ties now and then.
  const end = Date.now();
  const span = 2 * 365 * 24 * 3600 * 1000;
  const step = span / EVENTS;
  const batch = sqlite.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const a = ACTIONS[i % ACTIONS.length];
      const system = i % 17 === 0;
      const actor = system ? null : actorIds[(i * 7) % ACTORS];
      const at = Math.floor(end - span + i * step) - (i % 50 === 0 ? 1 : 0);
      insert.run(cuidish(), iso(at), actor, actor ? `bench${(i * 7) % ACTORS}@example.com` : "system", a[0], a[1], `e${i % 20000}`, '{"label":"Before"}', '{"label":"After"}');
    }
  });
  for (let i = 0; i < EVENTS; i += 50_000) batch(i, Math.min(EVENTS, i + 50_000));
  return { actorIds, ms: performance.now() - t0 };
}

async function time(fn: () => Promise<unknown>): Promise<{ median: number; p95: number }> {
  await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)], p95: samples[samples.length - 1] };
}

async function main() {
  const file = path.join(ROOT, ".data", `bench-audit-${process.pid}.db`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = createDatabase(file);
  console.log(`[bench] inserting ${EVENTS.toLocaleString("en")} audit events into ${path.relative(ROOT, file)}…`);
  const { actorIds, ms: insertMs } = populate(sqlite);
  console.log(`[bench] inserted in ${(insertMs / 1000).toFixed(1)} s`);
  const size = fs.statSync(file).size;

  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: `file:${file}` }) });
  const page = (filter: AuditFilter) => db.auditEvent.findMany({ where: auditWhere(filter), orderBy: AUDIT_ORDER, take: PAGE + 1 });
  const cursorAt = (offset: number, where = "1=1", ...params: unknown[]) => {
    const row = sqlite.prepare(`SELECT id, createdAt FROM "AuditEvent" WHERE ${where} ORDER BY createdAt DESC, id DESC LIMIT 1 OFFSET ?`).get(...params, offset) as { id: string; createdAt: string };
    return encodeAuditCursor(new Date(row.createdAt), row.id);
  };
  const actor = actorIds[3];
  const deep = cursorAt(Math.floor(EVENTS * 0.9));
  const deepActor = cursorAt(Math.floor(EVENTS / ACTORS / 2), "actorId = ?", actor);
  const firstPage = await page({});
  const labelsSql = auditLabelsSql(firstPage)!;
  const month = new Date(Date.now() - 200 * 24 * 3600 * 1000).toISOString().slice(0, 7);
  const cases: [string, () => Promise<unknown>][] = [
    ["First page (no filter)", () => page({})],
    [`Deep page, keyset cursor at event ${Math.floor(EVENTS * 0.9).toLocaleString("en")}`, () => page({ cursor: deep })],
    ["First page, filtered by actor", () => page({ actor })],
    ["Deep page, filtered by actor (middle of their events)", () => page({ actor, cursor: deepActor })],
    ["First page, filtered by action", () => page({ action: "article.publish" })],
    ["First page, filtered by action group (\"user.\")", () => page({ action: "user." })],
    ["First page, filtered by entity type + 1-month date range", () => page({ entityType: "article", from: `${month}-01`, to: `${month}-28` })],
    ["Entity labels for a page (one batched UNION ALL lookup)", () => db.$queryRaw(labelsSql)],
    ["Filter form options (distinct actions and entity types, loose index scan)", () => Promise.all([
      db.$queryRawUnsafe(DISTINCT_ACTIONS_SQL),
      db.$queryRawUnsafe(DISTINCT_ENTITY_TYPES_SQL),
    ])],
    ["For comparison — plain SELECT DISTINCT action, entityType (not used)", () => Promise.all([
      db.$queryRaw`SELECT DISTINCT "action" FROM "AuditEvent"`,
      db.$queryRaw`SELECT DISTINCT "entityType" FROM "AuditEvent"`,
    ])],
    [`For comparison — OFFSET ${Math.floor(EVENTS * 0.9).toLocaleString("en")} (not used)`, () => db.auditEvent.findMany({ orderBy: AUDIT_ORDER, skip: Math.floor(EVENTS * 0.9), take: PAGE + 1 })],
  ];
  const results: { name: string; median: number; p95: number }[] = [];
  for (const [name, fn] of cases) {
    const r = await time(fn);
    results.push({ name, ...r });
    console.log(`[bench] ${name}: median ${r.median.toFixed(2)} ms, max ${r.p95.toFixed(2)} ms`);
  }
  const plan = sqlite
    .prepare(`EXPLAIN QUERY PLAN SELECT * FROM "AuditEvent" WHERE createdAt <= ? AND (createdAt < ? OR id < ?) ORDER BY createdAt DESC, id DESC LIMIT 51`)
    .all("2026-01-01", "2026-01-01", "c") as { detail: string }[];
  await db.$disconnect();
  sqlite.close();
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });

  const report = [
    `Run ${new Date().toISOString().slice(0, 10)} on ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? "CPU"}, Node ${process.version}, SQLite via Prisma 6 + better-sqlite3 adapter.`,
    `${EVENTS.toLocaleString("en")} events (${ACTORS} actors, ${ACTIONS.length} actions, two years), database ${(size / 1024 / 1024).toFixed(0)} MB, inserted in ${(insertMs / 1000).toFixed(1)} s.`,
    `Page size ${PAGE} (+1 to know whether there is a next page); median and max of ${RUNS} runs after a warm-up; \`npx tsx bench/audit.ts\`.`,
    "",
    "| query (what /admin/audit runs) | median | max |",
    "| --- | ---: | ---: |",
    ...results.map((r) => `| ${r.name} | ${r.median.toFixed(2)} ms | ${r.p95.toFixed(2)} ms |`),
    "",
    `Query plan of a cursor page: ${plan.map((p) => `\`${p.detail}\``).join("; ")}. The keyset cursor on (createdAt, id) costs the same at any depth; OFFSET grows with the depth, which is why the log never uses it.`,
  ].join("\n");
  console.log(`\n${report}\n`);

  const START = "<!-- audit-bench:start -->";
  const END = "<!-- audit-bench:end -->";
  const out = path.join(ROOT, "BENCHMARKS.md");
  let doc = fs.existsSync(out) ? fs.readFileSync(out, "utf8") : "# Benchmarks\n";
  const block = `${START}\n${report}\n${END}`;
  if (doc.includes(START) && doc.includes(END)) doc = doc.slice(0, doc.indexOf(START)) + block + doc.slice(doc.indexOf(END) + END.length);
  else doc = `${doc.trimEnd()}\n\n## Audit log\n\n${block}\n`;
  fs.writeFileSync(out, doc);
  console.log(`[bench] wrote the Audit log section of ${path.relative(ROOT, out)}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
