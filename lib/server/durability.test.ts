/**
 * Durability (issue 11): in the middle of a burst of saves, kill -9 both the process saving and the PostgreSQL
 * postmaster; after PostgreSQL restarts on the same data folder (crash recovery), every save that reported success is
 * there with its audit event and revision, amcheck finds no corrupt index or heap page, and the application's
 * invariants hold. Three rounds on the same cluster.
 *
 * The saving process is the data layer as the app runs it (lib/server/testing/save-burst.ts: saveAnnotation, the
 * same transaction the server action runs), not `next start`: a save is acknowledged to the caller exactly when
 * saveAnnotation resolves, which a child can log before anything else happens, while the HTTP action's answer would
 * need a browser-captured request to replay. What is killed is the process holding open transactions and the
 * database server, which is what the test is about.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { startEmbeddedPostgres } from "../../scripts/db/embedded.mjs";
import { migrateDatabase } from "../../scripts/db/migrate.mjs";

const ROOT = path.resolve(__dirname, "..", "..");
const BURST = path.join(ROOT, "lib", "server", "testing", "save-burst.ts");
const ROUNDS = 3;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "provenance-durability-"));
fs.chmodSync(dir, 0o755); // run as root, PostgreSQL runs as "postgres" and must enter it
const options = { dataDir: path.join(dir, "pg"), stateFile: path.join(dir, "state.json"), ownerFile: path.join(dir, "owner"), database: "durability", logFile: path.join(dir, "postgres.log") };
let server: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;

afterAll(async () => {
  await server?.stop().catch(() => {});
  fs.rmSync(dir, { recursive: true, force: true });
});

function child(mode: "seed" | "burst", env: Record<string, string>): ChildProcess {
  return spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), [BURST, mode], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
}

async function query<R extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text, values)).rows;
  } finally {
    await client.end();
  }
}

type Ack = { statementId: string; annotationId: string; version: number };

/** The acknowledged saves in the log; a line cut short by the kill was never acknowledged. */
function readAcks(file: string): Ack[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .flatMap((line) => {
      try {
        const parsed = JSON.parse(line);
        return "version" in parsed ? [parsed as Ack] : [];
      } catch {
        return [];
      }
    });
}

async function waitFor(what: string, check: () => boolean, ms: number) {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("durability: kill -9 the saving process and PostgreSQL mid-burst", () => {
  it(`keeps every acknowledged save, passes amcheck and keeps the invariants (${ROUNDS} rounds)`, async () => {
    server = await startEmbeddedPostgres(options);
    await migrateDatabase(server.url);
    const seeded = child("seed", { DATABASE_URL: server.url });
    let seedOut = "";
    seeded.stdout!.on("data", (d) => (seedOut += d));
    seeded.stderr!.on("data", (d) => (seedOut += d));
    expect(await new Promise((resolve) => seeded.on("exit", resolve)), seedOut).toBe(0);

    const allAcks: Ack[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const ackFile = path.join(dir, `acks-${round}.jsonl`);
      const burst = child("burst", { DATABASE_URL: server.url, ACK_FILE: ackFile, WORKERS: "8" });
      let burstErr = "";
      burst.stderr!.on("data", (d) => (burstErr += d));
      const exited = new Promise<NodeJS.Signals | number | null>((resolve) => burst.on("exit", (code, signal) => resolve(signal ?? code)));
      await waitFor("the first acknowledged saves", () => readAcks(ackFile).length >= 20 + 10 * round || burst.exitCode !== null, 60_000);
      expect(burst.exitCode, burstErr).toBeNull();
      // Both at once, without warning: the saving process, then the postmaster (its backends die with it).
      const postmaster = Number(fs.readFileSync(path.join(options.dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      burst.kill("SIGKILL");
      process.kill(postmaster, "SIGKILL");
      expect(await exited).toBe("SIGKILL");
      const acks = readAcks(ackFile);
      allAcks.push(...acks);

      // Restart on the same folder: PostgreSQL replays its write-ahead log.
      server = await startEmbeddedPostgres(options);
      const url = server.url;

      // Every acknowledged save is there: the annotation at that version or later, its revision, its audit event.
      const latest = new Map<string, Ack>();
      for (const a of allAcks) if ((latest.get(a.annotationId)?.version ?? 0) < a.version) latest.set(a.annotationId, a);
      const rows = await query<{ id: string; statementId: string | null; version: number; revisions: number[]; audited: number }>(
        url,
        `SELECT a.id, a."statementId", a.version,
                ARRAY(SELECT r.version FROM "AnnotationRevision" r WHERE r."annotationId" = a.id ORDER BY r.version) AS revisions,
                (SELECT COUNT(*)::int FROM "AuditEvent" e WHERE e."entityType" = 'annotation' AND e."entityId" = a.id AND e.action IN ('annotation.create', 'annotation.update')) AS audited
         FROM "Annotation" a WHERE a.id = ANY($1)`,
        [[...latest.keys()]],
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const a of latest.values()) {
        const row = byId.get(a.annotationId);
        expect(row, `acknowledged save of ${a.annotationId} v${a.version} is missing`).toBeDefined();
        expect(row!.statementId).toBe(a.statementId);
        expect(row!.version).toBeGreaterThanOrEqual(a.version);
        expect(row!.revisions).toContain(a.version);
        // One create or update event per save: as many as the annotation has versions.
        expect(row!.audited).toBe(row!.version);
      }
      const versionEvents = await query<{ n: number }>(
        url,
        `SELECT COUNT(*)::int AS n FROM "AuditEvent" e WHERE e."entityType" = 'annotation' AND (e."entityId", (e.after->>'version')::int) IN (SELECT * FROM unnest($1::text[], $2::int[]))`,
        [acks.map((a) => a.annotationId), acks.map((a) => a.version)],
      );
      expect(versionEvents[0].n).toBe(new Set(acks.map((a) => `${a.annotationId}@${a.version}`)).size);

      // amcheck: every B-tree index (with its heap: every row indexed) and every table's pages.
      await query(url, `CREATE EXTENSION IF NOT EXISTS amcheck`);
      const indexes = await query<{ name: string }>(
        url,
        `SELECT c.relname AS name, bt_index_check(c.oid, true) IS NULL AS checked FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_am am ON am.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace WHERE am.amname = 'btree' AND n.nspname = 'public' AND c.relpersistence = 'p'`,
      );
      expect(indexes.length).toBeGreaterThan(10);
      const corrupt = await query(url, `SELECT c.relname, v.* FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, LATERAL verify_heapam(c.oid) v WHERE n.nspname = 'public' AND c.relkind = 'r'`);
      expect(corrupt).toEqual([]);

      // Invariants: one annotation per statement, revisions numbered 1..version without gaps, no orphaned rows.
      const invariants = await query<{ check: string; n: number }>(
        url,
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
      expect(invariants.filter((r) => r.n > 0)).toEqual([]);
      expect(acks.length).toBeGreaterThanOrEqual(20);
      console.info(`[durability] round ${round}: ${acks.length} acknowledged saves before kill -9; all present after recovery; ${indexes.length} indexes checked`);
    }
  }, 180_000);
});
