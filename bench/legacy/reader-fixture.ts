/**
 * The reader benchmark's database: migrations, the default vocabularies, the demo, and a generated published
 * article with 1,000 approved annotations. Written for bench/reader.ts; never touches any other database.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../lib/server/generated/prisma/client";
import { seedVocabularies } from "../prisma/seed-vocabularies";
import { seedDemo } from "../prisma/demo/seed-demo";
import { buildTextQuoteSelector } from "../lib/anchoring/selectors";

export const LARGE_SLUG = "bench-one-thousand-annotations";
export const LARGE_COUNT = 1000;

const ROOT = path.resolve(__dirname, "..");

export async function prepareBenchDatabase(file: string): Promise<{ demoSlug: string }> {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const url = `file:${file}`;
  execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: "ignore" });
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url }) });
  try {
    await seedVocabularies(db);
    const { slug } = await seedDemo(db, { passwordCost: 4 });
    await seedLargeArticle(db);
    return { demoSlug: slug };
  } finally {
    await db.$disconnect();
  }
}

async function seedLargeArticle(db: PrismaClient) {
  const author = await db.user.findUniqueOrThrow({ where: { email: "reviewer@example.com" } });
  const approver = await db.user.findUniqueOrThrow({ where: { email: "reviewer2@example.com" } });
  const types = await db.claimType.findMany({ orderBy: { position: "asc" } });
  const statuses = await db.verificationStatus.findMany({ orderBy: { position: "asc" } });
  const source = await db.source.create({ data: { name: "Bench Wire Service", kind: "wire_agency", url: "https://wire.example/story", date: "2025-06-27" } });

  const sentences: string[] = [];
  for (let i = 0; i < LARGE_COUNT; i++) {
    sentences.push(`Statement number ${i + 1} says that the ministry reported ${(i * 37) % 997} new figures on day ${(i % 28) + 1}.`);
  }
  const paragraphs: string[] = [];
  for (let i = 0; i < sentences.length; i += 10) paragraphs.push(sentences.slice(i, i + 10).join(" "));
  const text = paragraphs.join("\n\n");
  const now = new Date();
  const article = await db.article.create({
    data: {
      slug: LARGE_SLUG,
      title: "Benchmark article with one thousand annotations",
      outlet: "Bench Daily",
      text,
      contentHash: "bench",
      state: "published",
      publishedAt: now,
      createdById: author.id,
    },
  });
  let cursor = 0;
  const ranges = sentences.map((s) => {
    const start = text.indexOf(s, cursor);
    cursor = start + s.length;
    return { start, end: start + s.length };
  });
  await db.statement.createMany({ data: ranges.map((r) => ({ articleId: article.id, start: r.start, end: r.end, origin: "manual" })) });
  const statements = await db.statement.findMany({ where: { articleId: article.id }, orderBy: { start: "asc" } });
  await db.$transaction(async (tx) => {
    for (const [i, st] of statements.entries()) {
      const type = types[i % types.length];
      const status = statuses[i % statuses.length];
      const quote = buildTextQuoteSelector(text, st.start, st.end);
      const content = {
        claimType: { slug: type.slug, label: type.label, shortLabel: type.shortLabel, color: type.color, retired: type.retired },
        status: { slug: status.slug, label: status.label, color: status.color, rating: status.rating, retired: status.retired },
        attributionText: i % 2 ? "the ministry" : null,
        speakerName: i % 2 ? "Ministry of Figures" : null,
        speakerKind: i % 2 ? "organisation" : null,
        speakerRole: null,
        claimDate: "2025-06-27",
        rationale: `Checked against the published table, row ${i + 1}.`,
        chain: [{ position: 0, note: null, source: { id: source.id, name: source.name, kind: source.kind, url: source.url, date: source.date } }],
        evidence: [{ position: 0, url: `https://evidence.example/${i}`, title: `Table ${i + 1}`, stance: "supports", archivedUrl: null, note: null }],
      };
      const a = await tx.annotation.create({
        data: {
          statementId: st.id,
          articleId: article.id,
          claimTypeId: type.id,
          statusId: status.id,
          attributionText: content.attributionText,
          speakerName: content.speakerName,
          speakerKind: content.speakerKind,
          claimDate: content.claimDate,
          rationale: content.rationale,
          workflowState: "approved",
          quoteExact: quote.exact,
          quotePrefix: quote.prefix,
          quoteSuffix: quote.suffix,
          positionStart: st.start,
          positionEnd: st.end,
          authorId: author.id,
          approverId: approver.id,
          approvedAt: now,
          approvedSnapshot: JSON.stringify(content),
          approvedStatusSlug: status.slug,
          approvedTypeSlug: type.slug,
        },
      });
      await tx.auditEvent.create({
        data: { actorId: approver.id, actorLabel: approver.email, action: "annotation.approve", entityType: "annotation", entityId: a.id, articleId: article.id, after: JSON.stringify({ workflowState: "approved" }) },
      });
    }
  }, { timeout: 120_000 });
}
