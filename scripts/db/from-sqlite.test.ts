/**
 * Moving a SQLite-era database into PostgreSQL: a file built from the old SQLite schema, with rows as the old app
 * wrote them (0/1 booleans, ISO-8601 / CURRENT_TIMESTAMP / epoch-millisecond dates, JSON as text), comes out with
 * real booleans, timestamps and jsonb, one audit event, and an account that still signs in; bad input is refused
 * without writing anything.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import bcrypt from "bcryptjs";
import initSqlJs from "sql.js";
import { afterAll, describe, expect, it, vi } from "vitest";
import { createTestDatabase, removeTestDatabase } from "@/lib/server/testing/test-database";
import { queryAt } from "@/lib/server/testing/query";
import { convertSqliteValue, migrateFromSqlite, parseSqliteDateTime } from "./from-sqlite.mjs";

vi.mock("next/cache", async () => (await import("@/lib/server/testing/reader")).createFakeNextCache().module);

const ROOT = path.resolve(__dirname, "../..");
const SCHEMA = fs.readFileSync(path.join(__dirname, "fixtures/sqlite-schema.sql"), "utf8");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "provenance-sqlite-"));
const databases: string[] = [];
const PASSWORD = "correct horse battery staple";
const PASSWORD_HASH = bcrypt.hashSync(PASSWORD, 4);

afterAll(async () => {
  for (const database of databases) await removeTestDatabase(database);
  fs.rmSync(dir, { recursive: true, force: true });
});

async function emptyDatabase(name: string) {
  const target = await createTestDatabase(name);
  databases.push(target.database);
  return target.url;
}

const query = queryAt;

const TEXT = "The minister said unemployment fell to 4.1 percent. Critics disputed the figure.";
const SNAPSHOT = {
  claimType: "statistic",
  status: "mostly-true",
  rationale: "ONS series, seasonally adjusted",
  speaker: { name: "Jane Roe", kind: "person", role: "Minister" },
  hops: [{ source: "Office for National Statistics", kind: "government" }],
};

/** A SQLite database at the last SQLite schema, filled the way the SQLite-era app wrote rows. */
async function buildSqliteFile(name: string, adjust?: (db: import("sql.js").Database) => void): Promise<string> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.exec(SCHEMA);
  const iso = "2026-11-28T10:00:00.000+00:00";
  db.run(`INSERT INTO "User" VALUES (?,?,?,?,?,?,?,?,?,?,?)`, ["u_admin", "admin@example.org", "Ada Admin", PASSWORD_HASH, "admin", 1, 2, "2026-11-29T08:15:30.250+00:00", 3, iso, iso]);
  db.run(`INSERT INTO "User" VALUES (?,?,?,?,?,?,?,?,?,?,?)`, ["u_rev", "rev@example.org", "Rey Reviewer", null, "reviewer", 0, 0, null, 1, iso, iso]);
  db.run(`INSERT INTO "LoginAttempt" VALUES (?,?,?,?)`, ["la1", "admin@example.org", 1, Date.UTC(2026, 10, 29, 8, 15, 30, 250)]);
  db.run(`INSERT INTO "LoginAttempt" VALUES (?,?,?,?)`, ["la2", "admin@example.org", 0, "2026-11-29 08:14:00"]);
  db.run(`INSERT INTO "UserInvitation" VALUES (?,?,?,?,?,?,?,?)`, ["inv1", "u_rev", "invite", "hash-of-token", "2026-12-05T10:00:00.000+00:00", null, "u_admin", iso]);
  db.run(`INSERT INTO "Article" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, [
    "a1", "unemployment-figures", "Unemployment figures", "Daily Bugle", "J. Jameson", "https://example.org/a", "2026-11-27", "en", TEXT,
    JSON.stringify([{ start: 4, end: 12 }]), "sha256-abc", 2, "published", "2026-11-28T12:00:00.000+00:00", "u_admin", 4, iso, "2026-11-28T12:00:00.000+00:00",
  ]);
  db.run(`INSERT INTO "Statement" VALUES (?,?,?,?,?,?)`, ["s1", "a1", 0, 52, "proposed", iso]);
  db.run(`INSERT INTO "Statement" VALUES (?,?,?,?,?,?)`, ["s2", "a1", 53, 81, "manual", iso]);
  db.run(`INSERT INTO "ClaimType" VALUES (?,?,?,?,?,?,?,?,?)`, ["ct1", "statistic", "Statistic", "Stat", "A number", "#336699", 0, 0, 1]);
  db.run(`INSERT INTO "ClaimType" VALUES (?,?,?,?,?,?,?,?,?)`, ["ct2", "prediction", "Prediction", "Pred", "", "#996633", 1, 1, 2]);
  db.run(`INSERT INTO "VerificationStatus" VALUES (?,?,?,?,?,?,?,?,?)`, ["vs1", "mostly-true", "Mostly true", "", "#00aa00", 4, 0, 0, 1]);
  db.run(`INSERT INTO "VerificationStatus" VALUES (?,?,?,?,?,?,?,?,?)`, ["vs2", "unverified", "Unverified", "", "#999999", null, 1, 0, 1]);
  db.run(`INSERT INTO "Source" ("id","name","kind","url","date") VALUES (?,?,?,?,?)`, ["src1", "Office for National Statistics", "government", "https://ons.gov.uk", "2026-11-20"]);
  db.run(`INSERT INTO "Source" VALUES (?,?,?,?,?,?)`, ["src2", "Reuters", "wire_agency", null, null, iso]);
  const annotationColumns = `"id","statementId","articleId","claimTypeId","statusId","attributionText","speakerName","speakerKind","speakerRole","claimDate","rationale","workflowState","returnComment","quoteExact","quotePrefix","quoteSuffix","positionStart","positionEnd","anchorState","authorId","lastEditorId","submittedAt","approverId","approvedAt","approvedSnapshot","approvedStatusSlug","approvedTypeSlug","version","createdAt","updatedAt","approvedStart","approvedEnd"`;
  db.run(`INSERT INTO "Annotation" (${annotationColumns}) VALUES (${Array(32).fill("?").join(",")})`, [
    "an1", "s1", "a1", "ct1", "vs1", "The minister said", "Jane Roe", "person", "Minister", "2026-11-27", "ONS series, seasonally adjusted", "approved", null,
    TEXT.slice(0, 52), "", " Critics", 0, 52, "anchored", "u_admin", "u_admin", "2026-11-28T11:00:00.000+00:00", "u_admin", "2026-11-28T11:30:00.000+00:00",
    JSON.stringify(SNAPSHOT), "mostly-true", "statistic", 5, iso, "2026-11-28T11:30:00.000+00:00", 0, 52,
  ]);
  db.run(`INSERT INTO "Annotation" (${annotationColumns}) VALUES (${Array(32).fill("?").join(",")})`, [
    "an2", "s2", "a1", "ct2", "vs2", null, null, null, null, null, "", "draft", null,
    TEXT.slice(53), "", "", 53, 81, "anchored", "u_rev", null, null, null, null, null, null, null, 1, iso, iso, null, null,
  ]);
  db.run(`INSERT INTO "ProvenanceHop" VALUES (?,?,?,?,?)`, ["h1", "an1", 0, "src1", "Labour market bulletin"]);
  db.run(`INSERT INTO "ProvenanceHop" VALUES (?,?,?,?,?)`, ["h2", "an1", 1, "src2", null]);
  db.run(`INSERT INTO "EvidenceLink" VALUES (?,?,?,?,?,?,?,?)`, ["e1", "an1", 0, "https://ons.gov.uk/lms", "Labour market statistics", "supports", "https://web.archive.org/x", null]);
  db.run(`INSERT INTO "AuditEvent" VALUES (?,?,?,?,?,?,?,?,?,?,?)`, [
    "ev1", "2026-11-28T11:30:00.000+00:00", "u_admin", "Ada Admin", "annotation.approve", "annotation", "an1", "a1",
    JSON.stringify({ workflowState: "in_review" }), JSON.stringify({ workflowState: "approved", version: 5 }), "Looks right",
  ]);
  db.run(`INSERT INTO "AuditEvent" VALUES (?,?,?,?,?,?,?,?,?,?,?)`, ["ev2", iso, null, "system", "user.invite", "user", "u_rev", null, null, null, null]);
  adjust?.(db);
  const file = path.join(dir, name);
  fs.writeFileSync(file, db.export());
  db.close();
  return file;
}

describe("reading SQLite-era values", () => {
  it("reads the date formats the SQLite era wrote: Prisma's ISO text, CURRENT_TIMESTAMP text (UTC) and epoch milliseconds", () => {
    const expected = "2026-11-28T10:00:00.000Z";
    expect(parseSqliteDateTime("2026-11-28T10:00:00.000+00:00").toISOString()).toBe(expected);
    expect(parseSqliteDateTime("2026-11-28T11:00:00.000+01:00").toISOString()).toBe(expected);
    expect(parseSqliteDateTime("2026-11-28T10:00:00Z").toISOString()).toBe(expected);
    expect(parseSqliteDateTime("2026-11-28 10:00:00").toISOString()).toBe(expected);
    expect(parseSqliteDateTime(Date.parse(expected)).toISOString()).toBe(expected);
    expect(parseSqliteDateTime(String(Date.parse(expected))).toISOString()).toBe(expected);
    expect(() => parseSqliteDateTime("next tuesday")).toThrow(/not a date/);
    expect(() => parseSqliteDateTime("2026-13-45 10:00:00")).toThrow(/not a date/);
  });

  it("converts by the PostgreSQL column type and refuses values that do not fit", () => {
    expect(convertSqliteValue("boolean", 1)).toBe(true);
    expect(convertSqliteValue("boolean", 0)).toBe(false);
    expect(convertSqliteValue("boolean", null)).toBeNull();
    expect(() => convertSqliteValue("boolean", 2)).toThrow(/not a boolean/);
    expect(convertSqliteValue("jsonb", '[{"start":1,"end":2}]')).toEqual([{ start: 1, end: 2 }]);
    expect(() => convertSqliteValue("jsonb", "{broken")).toThrow(/not valid JSON/);
    expect(convertSqliteValue("integer", "42")).toBe(42);
    expect(() => convertSqliteValue("integer", 1.5)).toThrow(/not an integer/);
    expect(convertSqliteValue("text", 2026)).toBe("2026");
  });
});

describe("migrateFromSqlite", () => {
  it("moves every row with real booleans, dates and JSON, and records one audit event", async () => {
    const file = await buildSqliteFile("provenance.db");
    const url = await emptyDatabase("sqlite-move");
    const { counts } = await migrateFromSqlite(url, file);
    expect(counts).toEqual({
      User: 2, LoginAttempt: 2, UserInvitation: 1, Article: 1, Statement: 2, ClaimType: 2, VerificationStatus: 2,
      Source: 2, Annotation: 2, ProvenanceHop: 2, EvidenceLink: 1, AuditEvent: 2,
      // Not in the SQLite era: filled by the same backfill its migration ran (one row per annotation here).
      AnnotationRevision: 2,
      ArticleVersion: 1,
      // The distinct words of the quotes, approved (8) and working (3 more; derived, for misspelt search terms).
      SearchWord: 11,
    });
    const revisions = await query(url, `SELECT "annotationId", event, "workflowState" FROM "AnnotationRevision" ORDER BY "annotationId", version`);
    expect(revisions.length).toBe(2);
    expect(revisions.every((r) => typeof r.annotationId === "string" && ["approved", "saved", "submitted", "returned"].includes(r.event as string))).toBe(true);

    const [admin, reviewer] = await query(url, `SELECT * FROM "User" ORDER BY id`);
    expect(admin).toMatchObject({ id: "u_admin", passwordHash: PASSWORD_HASH, role: "admin", active: true, sessionVersion: 2, version: 3 });
    expect(admin.lastSignInAt).toBeInstanceOf(Date);
    expect((admin.lastSignInAt as Date).toISOString()).toBe("2026-11-29T08:15:30.250Z");
    expect((admin.createdAt as Date).toISOString()).toBe("2026-11-28T10:00:00.000Z");
    expect(reviewer).toMatchObject({ id: "u_rev", active: false, passwordHash: null, lastSignInAt: null });

    const attempts = await query(url, `SELECT id, succeeded, "createdAt" FROM "LoginAttempt" ORDER BY id`);
    expect(attempts.map((a) => [a.succeeded, (a.createdAt as Date).toISOString()])).toEqual([
      [true, "2026-11-29T08:15:30.250Z"], // epoch milliseconds
      [false, "2026-11-29T08:14:00.000Z"], // CURRENT_TIMESTAMP text, UTC
    ]);

    const [article] = await query(url, `SELECT * FROM "Article"`);
    expect(article.emphasis).toEqual([{ start: 4, end: 12 }]);
    expect(article).toMatchObject({ text: TEXT, state: "published", revision: 2, version: 4, publishedDate: "2026-11-27" });
    expect((article.publishedAt as Date).toISOString()).toBe("2026-11-28T12:00:00.000Z");
    // Added later, filled by its backfill: first published then (or earlier, by an audited publication).
    expect((article.firstPublishedAt as Date).toISOString()).toBe("2026-11-28T12:00:00.000Z");

    const annotations = await query(url, `SELECT * FROM "Annotation" ORDER BY id`);
    expect(annotations[0].approvedSnapshot).toEqual(SNAPSHOT);
    expect(annotations[0]).toMatchObject({ approvedStart: 0, approvedEnd: 52, workflowState: "approved", version: 5, approvedStatusSlug: "mostly-true" });
    expect(annotations[0].approvedAt).toBeInstanceOf(Date);
    expect(annotations[1]).toMatchObject({ approvedSnapshot: null, approvedStart: null, approvedAt: null, anchorState: "anchored" });
    const types = await query(url, `SELECT jsonb_typeof("approvedSnapshot") AS snapshot FROM "Annotation" WHERE id = 'an1'`);
    expect(types[0].snapshot).toBe("object"); // a JSON object, not a JSON string holding the old text

    const [source] = await query(url, `SELECT "createdAt" FROM "Source" WHERE id = 'src1'`);
    expect(source.createdAt).toBeInstanceOf(Date); // filled by SQLite's CURRENT_TIMESTAMP default
    expect(await query(url, `SELECT id, retired FROM "ClaimType" ORDER BY id`)).toEqual([{ id: "ct1", retired: false }, { id: "ct2", retired: true }]);
    expect(await query(url, `SELECT id, rating FROM "VerificationStatus" ORDER BY id`)).toEqual([{ id: "vs1", rating: 4 }, { id: "vs2", rating: null }]);
    expect((await query(url, `SELECT "sourceId" FROM "ProvenanceHop" ORDER BY position`)).map((h) => h.sourceId)).toEqual(["src1", "src2"]);
    expect(await query(url, `SELECT stance, "archivedUrl" FROM "EvidenceLink"`)).toEqual([{ stance: "supports", archivedUrl: "https://web.archive.org/x" }]);

    const events = await query(url, `SELECT * FROM "AuditEvent" ORDER BY "createdAt", id`);
    const old = events.find((e) => e.id === "ev1")!;
    expect(old.before).toEqual({ workflowState: "in_review" });
    expect(old.after).toEqual({ workflowState: "approved", version: 5 });
    expect(events.find((e) => e.id === "ev2")).toMatchObject({ before: null, after: null });
    const moves = events.filter((e) => e.action === "database.migrate_from_sqlite");
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({ actorLabel: "system", actorId: null, entityType: "database", after: { file: "provenance.db", rows: counts } });

    // The app itself reads the moved rows: the account signs in with its SQLite-era password.
    process.env.DATABASE_URL = url;
    vi.resetModules();
    delete (globalThis as { provenancePrisma?: unknown }).provenancePrisma;
    const { authenticateWithPassword } = await import("@/lib/server/sign-in");
    expect((await authenticateWithPassword("admin@example.org", PASSWORD)).ok).toBe(true);
    expect((await authenticateWithPassword("admin@example.org", "wrong password")).ok).toBe(false);
    const { db } = await import("@/lib/server/db");
    const viaPrisma = await db.article.findUniqueOrThrow({ where: { slug: "unemployment-figures" } });
    expect(viaPrisma.emphasis).toEqual([{ start: 4, end: 12 }]);
    await db.$disconnect();
  });

  it("refuses a target database that already has rows, and leaves it as it was", async () => {
    const file = await buildSqliteFile("twice.db");
    const url = await emptyDatabase("sqlite-twice");
    await migrateFromSqlite(url, file);
    const before = await query(url, `SELECT count(*)::int AS n FROM "AuditEvent"`);
    await expect(migrateFromSqlite(url, file)).rejects.toThrow(/target database is not empty \(table \w+ has rows\)/);
    expect(await query(url, `SELECT count(*)::int AS n FROM "AuditEvent"`)).toEqual(before);
  });

  it("refuses a SQLite file that is not a Provenance database, naming the missing tables", async () => {
    const SQL = await initSqlJs();
    const other = new SQL.Database();
    other.exec(`CREATE TABLE "User" (id TEXT PRIMARY KEY, email TEXT); CREATE TABLE notes (id INTEGER, body TEXT)`);
    const file = path.join(dir, "other-app.db");
    fs.writeFileSync(file, other.export());
    const url = await emptyDatabase("sqlite-other");
    await expect(migrateFromSqlite(url, file)).rejects.toThrow(/other-app\.db is not a Provenance SQLite database \(missing tables: .*Annotation/);
  });

  it("refuses a file from before the last SQLite schema (missing approvedStart/approvedEnd)", async () => {
    const file = await buildSqliteFile("older.db", (db) => db.exec(`ALTER TABLE "Annotation" DROP COLUMN "approvedStart"; ALTER TABLE "Annotation" DROP COLUMN "approvedEnd"`));
    const url = await emptyDatabase("sqlite-older");
    await expect(migrateFromSqlite(url, file)).rejects.toThrow(/not at the last SQLite schema of Provenance \(missing Annotation\.approvedStart, Annotation\.approvedEnd\)/);
  });

  it("refuses garbage, a missing file, and un-checkpointed write-ahead-log changes", async () => {
    const url = await emptyDatabase("sqlite-garbage");
    const garbage = path.join(dir, "garbage.db");
    fs.writeFileSync(garbage, "this is not a database at all, just some text that someone renamed to .db\n".repeat(20));
    await expect(migrateFromSqlite(url, garbage)).rejects.toThrow("garbage.db is not a SQLite database file");
    const truncated = path.join(dir, "truncated.db");
    const good = fs.readFileSync(await buildSqliteFile("good.db"));
    fs.writeFileSync(truncated, Buffer.concat([good.subarray(0, 100), Buffer.alloc(4096, 0xff)]));
    await expect(migrateFromSqlite(url, truncated)).rejects.toThrow(/truncated\.db (cannot be read as a SQLite database|is not a Provenance SQLite database)/);
    await expect(migrateFromSqlite(url, path.join(dir, "nope.db"))).rejects.toThrow(/there is no file .*nope\.db/);
    const withWal = await buildSqliteFile("wal.db");
    fs.writeFileSync(`${withWal}-wal`, Buffer.alloc(1024, 1));
    await expect(migrateFromSqlite(url, withWal)).rejects.toThrow(/wal\.db-wal holds changes not yet written into wal\.db/);
    expect(await query(url, `SELECT count(*)::int AS n FROM "User"`)).toEqual([{ n: 0 }]);
  });

  it("refuses a row that does not convert, naming it, and copies nothing", async () => {
    const file = await buildSqliteFile("bad-row.db", (db) => db.run(`UPDATE "Article" SET "emphasis" = '[{"start": 4,' WHERE id = 'a1'`));
    const url = await emptyDatabase("sqlite-bad-row");
    await expect(migrateFromSqlite(url, file)).rejects.toThrow(/Article\.emphasis \(row a1\) is not valid JSON/);
    expect(await query(url, `SELECT count(*)::int AS n FROM "User"`)).toEqual([{ n: 0 }]); // users came first; rolled back
  });

  it("the command prints a one-line summary, and a one-line error with exit code 1 for bad input", async () => {
    const url = await emptyDatabase("sqlite-cli");
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [path.join(ROOT, "scripts/migrate-from-sqlite.mjs"), ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
    const usage = run();
    expect(usage.status).toBe(1);
    expect(usage.stderr.trim().split("\n")).toHaveLength(1);
    expect(usage.stderr).toMatch(/Usage: npm run migrate-from-sqlite -- <file\.db>/);

    const garbage = path.join(dir, "cli-garbage.db");
    fs.writeFileSync(garbage, "nope");
    const bad = run(garbage);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe("[provenance] Migration from SQLite failed: cli-garbage.db is not a SQLite database file");

    const ok = run(await buildSqliteFile("cli.db"));
    expect(ok.stderr).toBe("");
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim()).toMatch(/^\[provenance\] Moved 35 rows in 15 tables from .*cli\.db into PostgreSQL in \d+\.\d s\.$/);
  }, 30000);
});
