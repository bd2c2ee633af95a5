import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { startEmbeddedPostgres } from "../scripts/db/embedded.mjs";
import { queryAt } from "../lib/server/testing/query";
import { builtActions, callAction, signedInContext } from "./helpers/security";
import { ACCOUNTS } from "./helpers/session";

/*
 * Durability (issue 11), against the real app: a `next start` production server on its own embedded PostgreSQL
 * (migrated and seeded with the demo, like the e2e database), a signed-in reviewer firing a burst of concurrent
 * saveAnnotationAction calls over HTTP exactly as the browser's form does; in the middle of it, kill -9 the server
 * process and the PostgreSQL postmaster. After PostgreSQL restarts on the same data folder (crash recovery), every
 * save the server acknowledged (an { ok: true, version } answer that reached the caller) is there at that version or
 * later, with its revision and its audit event; amcheck finds no corrupt index or heap page; the invariants hold.
 * Three rounds on the same cluster, a fresh server each round.
 */
test.describe.configure({ mode: "serial" });

const ROOT = path.resolve(__dirname, "..");
const PORT = Number(process.env.E2E_PORT ?? 3100) + 31;
const BASE_URL = `http://localhost:${PORT}`;
const ROUNDS = 3;
/** Concurrent save loops, each on a statement of its own. */
const LOOPS = 6;

type Ack = { statementId: string; version: number };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "provenance-durability-"));
fs.chmodSync(dir, 0o755); // run as root, PostgreSQL runs as "postgres" and must enter it
const pgOptions = { dataDir: path.join(dir, "pg"), stateFile: path.join(dir, "state.json"), ownerFile: path.join(dir, "owner"), database: "durability", logFile: path.join(dir, "postgres.log") };
let database: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;
let app: ChildProcess | null = null;

test.afterAll(async () => {
  if (app && app.exitCode === null && app.signalCode === null) app.kill("SIGKILL");
  await database?.stop().catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
});

const sql = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) => queryAt<T>(database!.url, text, params);

function startApp(databaseUrl: string): { child: ChildProcess; output: () => string } {
  let output = "";
  const child = spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(PORT)], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(PORT), NEXTAUTH_URL: BASE_URL, PUBLIC_BASE_URL: BASE_URL, NEXT_DIST_DIR: process.env.E2E_DIST_DIR || ".next-test", NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  return { child, output: () => output };
}

async function waitReady(child: ChildProcess, output: () => string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`next start exited (${child.exitCode}): ${output()}`);
    try {
      if ((await fetch(`${BASE_URL}/api/ready`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`next start did not become ready: ${output()}`);
}

/** The processes the postmaster started (its backends and auxiliary processes), from /proc. */
function childrenOf(pid: number): number[] {
  return fs.readdirSync("/proc").flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid ? [Number(entry)] : [];
    } catch {
      return []; // exited meanwhile
    }
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The form the annotation editor posts for a draft (see e2e/authorization-matrix.spec.ts and lib/actions/review/annotations.ts). */
function draftForm(articleId: string, statementId: string, baseVersion: number | null, note: string): Record<string, string> {
  const fields = {
    claimTypeSlug: "official-statement",
    statusSlug: "unverified",
    attributionText: "the ministry",
    speakerName: "Ministry of Foreign Affairs",
    speakerKind: "organisation",
    speakerRole: "",
    claimDate: "",
    rationale: note,
    chain: [{ sourceId: null, name: "Ministry of Foreign Affairs", kind: "government", url: "https://example.org/ministry", date: "", note: null }],
    evidence: [],
  };
  return { payload: JSON.stringify({ statementId, baseVersion, fields }), intent: "draft", articleId };
}

/**
 * LOOPS loops, each saving a draft of its own statement with the version its last save returned, until `stopped()`.
 * Every answer { ok: true, version } is pushed to `acks` as it arrives. A refusal before the kill is a problem; after
 * it, a dropped connection or a cut answer ends the loop (that save was never acknowledged).
 */
async function burst(ctx: APIRequestContext, actionId: string, articleId: string, start: Map<string, number | null>, acks: Ack[], stopped: () => boolean): Promise<string[]> {
  const problems: string[] = [];
  await Promise.all(
    [...start].map(async ([statementId, first], loop) => {
      let version = first;
      for (let n = 1; !stopped(); n++) {
        try {
          const answer = await callAction(ctx, BASE_URL, actionId, draftForm(articleId, statementId, version, `Save ${n} of loop ${loop}.`), `/review/articles/${articleId}`);
          const state = answer.state as { ok: boolean; version?: number; message?: string } | null;
          if (state?.ok && typeof state.version === "number") {
            acks.push({ statementId, version: state.version });
            version = state.version;
            continue;
          }
          if (!stopped()) problems.push(`loop ${loop}: ${answer.status} ${state?.message ?? answer.body.slice(0, 200)}`);
        } catch (error) {
          if (!stopped()) problems.push(`loop ${loop}: ${error instanceof Error ? error.message : String(error)}`);
        }
        return;
      }
    }),
  );
  return problems;
}

/** Everything the issue asks of the database after recovery; returns what is wrong (empty when all holds). */
async function checkAfterRecovery(acks: Ack[]): Promise<{ problems: string[]; indexes: number }> {
  const problems: string[] = [];
  const rows = await sql<{ statementId: string; id: string; version: number; revisions: number[]; audited: number[] }>(
    `SELECT a."statementId", a.id, a.version,
            ARRAY(SELECT r.version FROM "AnnotationRevision" r WHERE r."annotationId" = a.id ORDER BY r.version) AS revisions,
            ARRAY(SELECT (e.after->>'version')::int FROM "AuditEvent" e WHERE e."entityType" = 'annotation' AND e."entityId" = a.id AND e.action IN ('annotation.create', 'annotation.update') ORDER BY 1) AS audited
     FROM "Annotation" a WHERE a."statementId" = ANY($1)`,
    [[...new Set(acks.map((a) => a.statementId))]],
  );
  const byStatement = new Map(rows.map((r) => [r.statementId, r]));
  for (const ack of acks) {
    const row = byStatement.get(ack.statementId);
    if (!row) problems.push(`the annotation of ${ack.statementId} (acknowledged at v${ack.version}) is missing`);
    else {
      if (row.version < ack.version) problems.push(`${row.id} is at v${row.version}, v${ack.version} was acknowledged`);
      if (!row.revisions.includes(ack.version)) problems.push(`${row.id} has no revision v${ack.version}`);
      if (!row.audited.includes(ack.version)) problems.push(`${row.id} has no audit event for v${ack.version}`);
    }
  }
  // Every version of these annotations came from one save: exactly one create/update event per version.
  for (const row of rows) if (row.audited.join() !== Array.from({ length: row.version }, (_, i) => i + 1).join()) problems.push(`${row.id} v${row.version} has audit events for versions ${row.audited.join(",")}`);

  // amcheck: every B-tree index (with its heap: every row indexed) and every table's pages.
  await sql(`CREATE EXTENSION IF NOT EXISTS amcheck`);
  const indexes = await sql<{ name: string }>(
    `SELECT c.relname AS name, bt_index_check(c.oid, true) IS NULL AS checked FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace WHERE am.amname = 'btree' AND n.nspname = 'public' AND c.relpersistence = 'p'`,
  );
  const corrupt = await sql<{ relname: string; msg: string }>(`SELECT c.relname, v.msg FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, LATERAL verify_heapam(c.oid) v WHERE n.nspname = 'public' AND c.relkind = 'r'`);
  for (const c of corrupt) problems.push(`verify_heapam ${c.relname}: ${c.msg}`);

  // Invariants: one annotation per statement, revisions numbered 1..version without gaps, no orphaned rows.
  const invariants = await sql<{ check: string; n: number }>(
    `SELECT 'two annotations on one statement' AS check, COUNT(*)::int AS n FROM (SELECT "statementId" FROM "Annotation" WHERE "statementId" IS NOT NULL GROUP BY 1 HAVING COUNT(*) > 1) d
     UNION ALL SELECT 'revisions not 1..version', COUNT(*)::int FROM "Annotation" a WHERE (SELECT COUNT(DISTINCT r.version) FILTER (WHERE r.version BETWEEN 1 AND a.version) FROM "AnnotationRevision" r WHERE r."annotationId" = a.id) <> a.version OR EXISTS (SELECT 1 FROM "AnnotationRevision" r WHERE r."annotationId" = a.id AND r.version > a.version)
     UNION ALL SELECT 'annotation of a missing statement', COUNT(*)::int FROM "Annotation" a WHERE a."statementId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Statement" s WHERE s.id = a."statementId")
     UNION ALL SELECT 'annotation of a missing article', COUNT(*)::int FROM "Annotation" a WHERE NOT EXISTS (SELECT 1 FROM "Article" x WHERE x.id = a."articleId")
     UNION ALL SELECT 'statement of a missing article', COUNT(*)::int FROM "Statement" s WHERE NOT EXISTS (SELECT 1 FROM "Article" x WHERE x.id = s."articleId")
     UNION ALL SELECT 'revision of a missing annotation', COUNT(*)::int FROM "AnnotationRevision" r WHERE NOT EXISTS (SELECT 1 FROM "Annotation" a WHERE a.id = r."annotationId")
     UNION ALL SELECT 'hop of a missing annotation or source', COUNT(*)::int FROM "ProvenanceHop" h WHERE NOT EXISTS (SELECT 1 FROM "Annotation" a WHERE a.id = h."annotationId") OR NOT EXISTS (SELECT 1 FROM "Source" x WHERE x.id = h."sourceId")
     UNION ALL SELECT 'evidence of a missing annotation', COUNT(*)::int FROM "EvidenceLink" l WHERE NOT EXISTS (SELECT 1 FROM "Annotation" a WHERE a.id = l."annotationId")
     UNION ALL SELECT 'audited annotation event without its annotation', COUNT(*)::int FROM "AuditEvent" e WHERE e."entityType" = 'annotation' AND e.action IN ('annotation.create', 'annotation.update') AND NOT EXISTS (SELECT 1 FROM "Annotation" a WHERE a.id = e."entityId")`,
  );
  for (const i of invariants) if (i.n > 0) problems.push(`${i.check}: ${i.n}`);
  return { problems, indexes: indexes.length };
}

test(`kill -9 of next start and PostgreSQL mid-burst keeps every acknowledged save, passes amcheck and keeps the invariants (${ROUNDS} rounds)`, async () => {
  test.setTimeout(240_000);
  database = await startEmbeddedPostgres(pgOptions);
  // Migrated and seeded as `npm test` prepares the e2e database (by running the scripts: Playwright loads specs as
  // CommonJS, and migrate.mjs uses import.meta).
  const scriptEnv = { ...process.env, DATABASE_URL: database.url, DEMO_SEED: "true" };
  execFileSync(process.execPath, [path.join(ROOT, "scripts", "db", "migrate.mjs")], { cwd: ROOT, env: scriptEnv, stdio: "pipe" });
  execFileSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["prisma/seed.ts"], { cwd: ROOT, env: scriptEnv, stdio: "pipe" });

  const save = builtActions().find((a) => a.key === "lib/actions/review/annotations.ts#saveAnnotationAction");
  expect(save, "saveAnnotationAction in the build's server-reference manifest").toBeDefined();
  // The demo's first article, and statements of it nobody annotated: each loop's own.
  const [article] = await sql<{ id: string }>(`SELECT id FROM "Article" ORDER BY "createdAt" LIMIT 1`);
  const statements = await sql<{ id: string }>(`SELECT s.id FROM "Statement" s WHERE s."articleId" = $1 AND NOT EXISTS (SELECT 1 FROM "Annotation" a WHERE a."statementId" = s.id) ORDER BY s.start LIMIT $2`, [article.id, LOOPS]);
  expect(statements).toHaveLength(LOOPS);

  const allAcks: Ack[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    const started = startApp(database.url);
    app = started.child;
    await waitReady(started.child, started.output);
    const reviewer = await signedInContext(BASE_URL, ACCOUNTS.reviewer.email, ACCOUNTS.reviewer.password);
    // Each loop starts from the version the database holds (a save that committed but whose answer was cut by the
    // last kill is there, unacknowledged).
    const current = new Map((await sql<{ statementId: string; version: number }>(`SELECT "statementId", version FROM "Annotation" WHERE "statementId" = ANY($1)`, [statements.map((s) => s.id)])).map((r) => [r.statementId, r.version]));
    const start = new Map(statements.map((s) => [s.id, current.get(s.id) ?? null]));

    const acks: Ack[] = [];
    let killed = false;
    const running = burst(reviewer, save!.id, article.id, start, acks, () => killed);
    // Mid-burst: after a number of acknowledged saves that differs per round, without warning, both at once.
    const wanted = 6 + 5 * round;
    const until = Date.now() + 60_000;
    while (acks.length < wanted && Date.now() < until && started.child.exitCode === null) await new Promise((r) => setTimeout(r, 10));
    const postmaster = Number(fs.readFileSync(path.join(pgOptions.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    const backends = childrenOf(postmaster);
    killed = true;
    started.child.kill("SIGKILL");
    process.kill(postmaster, "SIGKILL");
    database = null; // its stop() would wait for an exit that already happened
    const problems = await running;
    await reviewer.dispose().catch(() => {});
    expect(problems, started.output()).toEqual([]);
    expect(acks.length, `acknowledged saves before the kill in round ${round}`).toBeGreaterThanOrEqual(wanted);
    expect(started.child.signalCode).toBe("SIGKILL");
    allAcks.push(...acks);

    // The postmaster's orphaned backends notice its death and exit; then PostgreSQL restarts on the same folder
    // and replays its write-ahead log.
    const gone = Date.now() + 10_000;
    while (backends.some(alive) && Date.now() < gone) await new Promise((r) => setTimeout(r, 50));
    expect(backends.filter(alive)).toEqual([]);
    database = await startEmbeddedPostgres(pgOptions);
    app = null;

    const { problems: broken, indexes } = await checkAfterRecovery(allAcks);
    expect(broken).toEqual([]);
    expect(indexes).toBeGreaterThan(10);
    // Saves that committed but whose answer the kill cut off (present, never acknowledged): the kill was mid-burst.
    const after = await sql<{ statementId: string; version: number }>(`SELECT "statementId", version FROM "Annotation" WHERE "statementId" = ANY($1)`, [statements.map((s) => s.id)]);
    const acked = new Map(statements.map((s) => [s.id, Math.max(start.get(s.id) ?? 0, ...acks.filter((a) => a.statementId === s.id).map((a) => a.version))]));
    const unacknowledged = after.reduce((n, r) => n + r.version - (acked.get(r.statementId) ?? 0), 0);
    console.info(`[durability] round ${round}: ${acks.length} saves acknowledged by next start before kill -9, ${unacknowledged} more committed unacknowledged; all acknowledged present after recovery; ${indexes} indexes checked`);
  }
});
