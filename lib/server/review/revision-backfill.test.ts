/**
 * The annotation_revisions migration on a database written before it: the data as the app and the demo seed left it
 * (the demo's approve events record no status), then the migration, then the data layer on top of the backfilled rows.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it, vi } from "vitest";
import { inject } from "vitest";
import { actorFor } from "../testing/actors";

vi.mock("next/cache", () => ({ updateTag: () => {}, revalidatePath: () => {}, revalidateTag: () => {}, unstable_cache: (fn: unknown) => fn }));

const migrations = path.resolve(import.meta.dirname, "../../../prisma/migrations");
const INIT = fs.readFileSync(path.join(migrations, "20261201000000_postgresql_init/migration.sql"), "utf8");
const REVISIONS = fs.readFileSync(path.join(migrations, "20261202000000_annotation_revisions/migration.sql"), "utf8");
/** The migrations after it, applied before the data layer (whose client expects the latest schema) reads the rows. */
const LATER = fs
  .readdirSync(migrations)
  .filter((name) => /^\d{14}_/.test(name) && name > "20261202000000_annotation_revisions")
  .sort()
  .map((name) => fs.readFileSync(path.join(migrations, name, "migration.sql"), "utf8"));

const database = `t_backfill_${crypto.randomBytes(4).toString("hex")}`;
const admin = new pg.Client({ connectionString: inject("pgAdminUrl") });
await admin.connect();
await admin.query(`CREATE DATABASE "${database}"`);
const url = new URL(inject("pgAdminUrl"));
url.pathname = `/${database}`;
const client = new pg.Client({ connectionString: url.toString() });
await client.connect();

afterAll(async () => {
  await client.end();
  const { db } = await import("../db");
  await db.$disconnect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
});

const snapshot = (status: { slug: string; label: string }) => ({
  claimType: { slug: "statistic", label: "Statistic", shortLabel: "Stat", color: "#1d4ed8", retired: false },
  status: { ...status, color: "#15803d", rating: 5, retired: false },
  attributionText: null,
  speakerName: null,
  speakerKind: null,
  speakerRole: null,
  claimDate: null,
  rationale: "As approved.",
  chain: [],
  evidence: [],
});

async function seedOldData() {
  await client.query(INIT);
  await client.query(`
    INSERT INTO "User" (id, email, name, role, "updatedAt") VALUES
      ('rita', 'rita@example.com', 'Rita', 'reviewer', now()), ('sam', 'sam@example.com', 'Sam', 'reviewer', now()), ('tom', 'tom@example.com', 'Tom', 'reviewer', now());
    INSERT INTO "ClaimType" (id, slug, label, "shortLabel", color) VALUES ('ct', 'statistic', 'Statistic', 'Stat', '#1d4ed8');
    INSERT INTO "VerificationStatus" (id, slug, label, color, rating) VALUES ('vs-ok', 'verified', 'Verified', '#15803d', 5), ('vs-no', 'false', 'False', '#b91c1c', 1);
    INSERT INTO "Article" (id, slug, title, text, "contentHash", state, revision, "updatedAt") VALUES ('art', 'old', 'Old', 'One claim. Two claim. Three claim.', 'h', 'published', 1, now());
    INSERT INTO "Statement" (id, "articleId", start, "end") VALUES ('s1', 'art', 0, 10), ('s2', 'art', 11, 21), ('s3', 'art', 22, 34);
  `);
  // a1: approved by Sam, as the demo seed wrote it (approve event without status or version).
  // a2: in review; Rita created it, Tom edited it, Rita submitted it.
  // a3: approved "verified" at version 3, then Tom edited it to "false" (a pending draft at version 4).
  await client.query(
    `INSERT INTO "Annotation" (id, "statementId", "articleId", "claimTypeId", "statusId", "workflowState", "quoteExact", "positionStart", "positionEnd", "authorId", "lastEditorId", "approverId", "approvedAt", "approvedSnapshot", "approvedStatusSlug", "approvedTypeSlug", version, "updatedAt") VALUES
      ('a1', 's1', 'art', 'ct', 'vs-ok', 'approved', 'One claim.', 0, 10, 'rita', 'rita', 'sam', now(), $1, 'verified', 'statistic', 3, now()),
      ('a2', 's2', 'art', 'ct', 'vs-no', 'in_review', 'Two claim.', 11, 21, 'rita', 'rita', NULL, NULL, NULL, NULL, NULL, 3, now()),
      ('a3', 's3', 'art', 'ct', 'vs-no', 'draft', 'Three claim.', 22, 34, 'rita', 'tom', 'sam', now() - interval '1 hour', $2, 'verified', 'statistic', 4, now())`,
    [JSON.stringify(snapshot({ slug: "verified", label: "Verified" })), JSON.stringify(snapshot({ slug: "verified", label: "Verified" }))],
  );
  await client.query(`
    INSERT INTO "AuditEvent" (id, "createdAt", "actorId", "actorLabel", action, "entityType", "entityId", "articleId", after) VALUES
      ('e1', now() - interval '3 hours', 'rita', 'rita@example.com', 'annotation.create', 'annotation', 'a1', 'art', '{}'),
      ('e2', now() - interval '2 hours', 'sam', 'sam@example.com', 'annotation.approve', 'annotation', 'a1', 'art', '{"workflowState":"approved"}'),
      ('e3', now() - interval '3 hours', 'rita', 'rita@example.com', 'annotation.create', 'annotation', 'a2', 'art', '{}'),
      ('e4', now() - interval '2 hours', 'tom', 'tom@example.com', 'annotation.update', 'annotation', 'a2', 'art', '{}'),
      ('e5', now() - interval '1 hour', 'rita', 'rita@example.com', 'annotation.submit', 'annotation', 'a2', 'art', '{}'),
      ('e6', now() - interval '3 hours', 'rita', 'rita@example.com', 'annotation.create', 'annotation', 'a3', 'art', '{}'),
      ('e7', now() - interval '2 hours', 'sam', 'sam@example.com', 'annotation.approve', 'annotation', 'a3', 'art', '{"workflowState":"approved","version":3,"approvedStatusSlug":"verified"}'),
      ('e8', now() - interval '30 minutes', 'tom', 'tom@example.com', 'annotation.update', 'annotation', 'a3', 'art', '{}');
  `);
}

describe("the annotation_revisions migration", () => {
  it("backfills one approved row per approved annotation and one row per working copy, with editors from before", async () => {
    await seedOldData();
    await client.query(REVISIONS);
    const { rows } = await client.query(
      `SELECT "annotationId", version, event, "workflowState", "statusSlug", "typeSlug", start, "end", "editorIds", "approverId", content -> 'status' ->> 'slug' AS "contentStatus"
       FROM "AnnotationRevision" ORDER BY "annotationId", version`,
    );
    expect(rows.map((r) => [r.annotationId, r.version, r.event, r.workflowState, r.statusSlug, r.contentStatus, [...r.editorIds].sort(), r.approverId])).toEqual([
      ["a1", 3, "approved", "approved", "verified", "verified", ["rita"], "sam"],
      ["a2", 3, "submitted", "in_review", "false", "false", ["rita", "tom"], null],
      ["a3", 3, "approved", "approved", "verified", "verified", ["rita"], "sam"],
      ["a3", 4, "saved", "draft", "false", "false", ["tom"], null],
    ]);
    expect(rows.every((r) => r.typeSlug === "statistic")).toBe(true);
    expect(rows.find((r) => r.annotationId === "a2")).toMatchObject({ start: 11, end: 21 });
  });

  it("the data layer reads the backfilled rows: Tom edited a2, so he may not approve it; Sam may", async () => {
    for (const sql of LATER) await client.query(sql);
    process.env.DATABASE_URL = url.toString();
    const { db } = await import("../db");
    const { reviewAnnotation } = await import("./annotations");
    const tom = await db.user.findUniqueOrThrow({ where: { id: "tom" } });
    const sam = await db.user.findUniqueOrThrow({ where: { id: "sam" } });
    await expect(reviewAnnotation(actorFor(tom), { decision: "approve", annotationId: "a2", version: 3 })).rejects.toThrow(/You edited this revision/);
    await reviewAnnotation(actorFor(sam), { decision: "approve", annotationId: "a2", version: 3 });
    const latest = await db.annotationRevision.findFirstOrThrow({ where: { annotationId: "a2" }, orderBy: { version: "desc" } });
    expect(latest).toMatchObject({ version: 4, event: "approved", approverId: "sam", statusSlug: "false" });
    expect([...latest.editorIds].sort()).toEqual(["rita", "tom"]);
  });
});
