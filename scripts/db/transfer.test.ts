/**
 * Backup and restore, proven: the demo database is exported, imported into a fresh database, and then
 *  - exporting the restored database gives the same rows, byte for byte (plus the one restore audit event);
 *  - every public API response (articles, each article, W3C collection, each annotation, ClaimReview, CSV) is
 *    byte-identical between the original and the restored database;
 *  - every demo account still signs in with its password.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { afterAll, describe, expect, it, vi } from "vitest";
import { prepareReaderTestEnv, seedDemoDatabase } from "@/lib/server/testing/reader";
import { createTestDatabase, removeTestDatabase } from "@/lib/server/testing/test-database";
import { exportDatabase, importDatabase } from "./transfer.mjs";

vi.mock("next/cache", async () => (await import("@/lib/server/testing/reader")).createFakeNextCache().module);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "provenance-export-"));
const BASE = "https://provenance.test";

async function exportToFile(url: string, file: string) {
  const out = fs.createWriteStream(file);
  const counts = await exportDatabase(url, out);
  await new Promise((resolve) => out.end(resolve));
  return counts;
}

/** Every public API response for the database DATABASE_URL names, as text, keyed by path. */
async function publicResponses(): Promise<Map<string, string>> {
  vi.resetModules();
  delete (globalThis as { provenancePrisma?: unknown }).provenancePrisma;
  const { db } = await import("@/lib/server/db");
  const get = (p: string) => new Request(`${BASE}${p}`);
  const slugCtx = (slug: string) => ({ params: Promise.resolve({ slug }) });
  const out = new Map<string, string>();
  const articles = await import("@/app/api/v1/articles/route");
  const list = await articles.GET(get("/api/v1/articles"), undefined);
  out.set("/api/v1/articles", await list.text());
  const slugs = (JSON.parse(out.get("/api/v1/articles")!) as { items: { slug: string }[] }).items.map((a) => a.slug);
  for (const slug of slugs) {
    for (const [route, suffix] of [
      ["@/app/api/v1/articles/[slug]/route", ""],
      ["@/app/api/v1/articles/[slug]/annotations/route", "/annotations"],
      ["@/app/api/v1/articles/[slug]/claimreview/route", "/claimreview"],
      ["@/app/api/v1/articles/[slug]/annotations.csv/route", "/annotations.csv"],
    ] as const) {
      const mod = await import(route);
      const res: Response = await mod.GET(get(`/api/v1/articles/${slug}${suffix}`), slugCtx(slug));
      out.set(`/api/v1/articles/${slug}${suffix}`, `${res.status} ${res.headers.get("etag")} ${await res.text()}`);
    }
  }
  const annotation = await import("@/app/api/v1/annotations/[id]/route");
  for (const { id } of await db.annotation.findMany({ select: { id: true }, orderBy: { id: "asc" } })) {
    const res = await annotation.GET(get(`/api/v1/annotations/${id}`), { params: Promise.resolve({ id }) });
    out.set(`/api/v1/annotations/${id}`, `${res.status} ${await res.text()}`);
  }
  await db.$disconnect();
  return out;
}

const source = await prepareReaderTestEnv("export-source");
const sourceUrl = process.env.DATABASE_URL!;
await seedDemoDatabase();
const target = await createTestDatabase("export-target");
const targetUrl = target.url;

afterAll(async () => {
  await removeTestDatabase(source.database);
  await removeTestDatabase(target.database);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("export → import round trip", () => {
  it("restores every row, every public response byte for byte, and every account's sign-in", async () => {
    const file = path.join(dir, "export.json");
    const counts = await exportToFile(sourceUrl, file);
    // The demo: its two published articles (18 + 6 annotations) and the two claim links between them.
    expect(counts).toMatchObject({ User: 3, Article: 2, Annotation: 24, ClaimLink: 2 });
    JSON.parse(fs.readFileSync(file, "utf8")); // one valid JSON document

    const restored = await importDatabase(targetUrl, file);
    expect(restored.counts).toEqual(counts);

    // The same rows, byte for byte, plus one audit event for the restore.
    const again = path.join(dir, "again.json");
    const countsAgain = await exportToFile(targetUrl, again);
    expect(countsAgain).toEqual({ ...counts, AuditEvent: counts.AuditEvent + 1 });
    const rowsOf = (f: string) => fs.readFileSync(f, "utf8").split("\n").slice(1);
    const restoreLines = rowsOf(again).filter((line) => line.includes('"database.restore"'));
    expect(restoreLines).toHaveLength(1);
    const normalise = (lines: string[]) => lines.filter((l) => !l.includes('"database.restore"')).map((l) => l.replace(/,$/, ""));
    expect(normalise(rowsOf(again))).toEqual(normalise(rowsOf(file)));

    // Public API: identical bytes from both databases.
    process.env.DATABASE_URL = sourceUrl;
    const before = await publicResponses();
    process.env.DATABASE_URL = targetUrl;
    const after = await publicResponses();
    expect(before.size).toBeGreaterThan(20);
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [key, body] of before) expect(after.get(key), key).toBe(body);

    // Sign-in: every demo account, with its password, against the restored database.
    vi.resetModules();
    delete (globalThis as { provenancePrisma?: unknown }).provenancePrisma;
    const { authenticateWithPassword } = await import("@/lib/server/sign-in");
    for (const [email, password] of [
      ["admin@example.com", "provenance-admin"],
      ["reviewer@example.com", "provenance-reviewer"],
      ["reviewer2@example.com", "provenance-reviewer"],
    ]) {
      expect((await authenticateWithPassword(email, password)).ok, email).toBe(true);
    }
    const { db } = await import("@/lib/server/db");
    await db.$disconnect();
  });

  it("refuses to restore into a database that is not empty, and refuses a file that is not an export", async () => {
    const file = path.join(dir, "export2.json");
    await exportToFile(sourceUrl, file);
    await expect(importDatabase(sourceUrl, file)).rejects.toThrow(/not empty/);
    const bogus = path.join(dir, "bogus.json");
    fs.writeFileSync(bogus, '{"hello": "world"}\n');
    const empty = await createTestDatabase("export-empty");
    await expect(importDatabase(empty.url, bogus)).rejects.toThrow(/not a Provenance export/);
    await removeTestDatabase(empty.database);
  });
});

describe("export streams", () => {
  it("writes through a stream with back-pressure (a slow reader does not make it buffer everything)", async () => {
    const slow = new PassThrough({ highWaterMark: 1024 });
    let bytes = 0;
    slow.on("data", (chunk: Buffer) => {
      bytes += chunk.length;
      slow.pause();
      setTimeout(() => slow.resume(), 1);
    });
    await exportDatabase(sourceUrl, slow);
    slow.end();
    expect(bytes).toBeGreaterThan(10_000);
  });
});
