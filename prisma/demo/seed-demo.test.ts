import { afterAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/server/generated/prisma/client";
import { createTestDatabase, removeTestDatabase } from "../../lib/server/testing/test-database";
import { seedVocabularies } from "../seed-vocabularies";
import { seedDemo } from "./seed-demo";
import { KEY_ENTRIES } from "./baltic-key";

const { url, database } = await createTestDatabase("seed-demo");
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });

afterAll(async () => {
  await db.$disconnect();
  await removeTestDatabase(database);
});

describe("demo seed", () => {
  it("imports the example article through the pipeline, with the 18 key statements annotated, approved and published", async () => {
    await seedVocabularies(db);
    const result = await seedDemo(db, { passwordCost: 4 });
    expect(result.annotations).toBe(18);

    const article = await db.article.findUniqueOrThrow({ where: { slug: result.slug } });
    expect(article.state).toBe("published");
    expect(article.title).toBe("Baltic States Withdraw from Ottawa Convention in Major Defense Policy Shift – June 27 Update");
    expect(article.text.startsWith("The Baltic states—Estonia")).toBe(true);
    expect(article.text).not.toContain("*");
    expect(article.emphasis).toEqual([{ start: article.text.indexOf("The Telegraph"), end: article.text.indexOf("The Telegraph") + 13 }]);

    const annotations = await db.annotation.findMany({
      where: { articleId: article.id },
      include: { statement: true, claimType: true, status: true, chain: { include: { source: true } }, evidence: true, author: true, approver: true },
      orderBy: { statement: { start: "asc" } },
    });
    expect(annotations).toHaveLength(18);
    expect(annotations.every((a) => a.workflowState === "approved" && a.approvedSnapshot)).toBe(true);
    expect(new Set(annotations.map((a) => a.author.email))).toEqual(new Set(["reviewer@example.com"]));
    expect(new Set(annotations.map((a) => a.approver?.email))).toEqual(new Set(["reviewer2@example.com"]));
    annotations.forEach((a, i) => {
      expect(a.claimType.slug).toBe(KEY_ENTRIES[i].claimType);
      expect(a.status.slug).toBe(KEY_ENTRIES[i].status);
      expect(article.text.slice(a.statement!.start, a.statement!.end)).toBe(a.quoteExact);
    });

    const misattributed = annotations.find((a) => a.status.slug === "misattributed")!;
    expect(misattributed.quoteExact).toContain("one Russian military analyst reportedly warned");
    expect(misattributed.evidence.every((e) => e.stance === "refutes")).toBe(true);
    const interfax = annotations.find((a) => a.quoteExact.startsWith("According to reports by Interfax"))!;
    expect(interfax.chain.map((h) => h.source.name)).toEqual(["Foreign ministries of Estonia, Latvia and Lithuania", "Interfax"]);
    const podlesny = annotations.find((a) => a.quoteExact.startsWith("‘Landmines are a relic"))!;
    expect(podlesny.quoteExact).toContain("Moscow.\n\nThe Baltic states are playing");
    expect(podlesny.claimDate).toBe("2021");

    // Statements never overlap; the pipeline's proposals fill the rest of the text.
    const statements = await db.statement.findMany({ where: { articleId: article.id }, orderBy: { start: "asc" } });
    for (let i = 1; i < statements.length; i++) expect(statements[i].start).toBeGreaterThanOrEqual(statements[i - 1].end);
    expect(statements.filter((s) => s.origin === "proposed").length).toBeGreaterThan(5);

    // Every change is on record.
    expect(await db.auditEvent.count({ where: { action: "annotation.approve", articleId: article.id } })).toBe(18);

    // Through the data layer: each annotation has its submitted and approved revisions, authored by Rita and approved
    // by Sam, and the demo accounts were created by the seed as a script.
    const approvals = await db.annotationRevision.findMany({ where: { event: "approved", annotation: { articleId: article.id } }, include: { approver: true } });
    expect(approvals).toHaveLength(18);
    const rita = annotations[0].author.id;
    expect(approvals.every((r) => r.approver?.email === "reviewer2@example.com" && r.editorIds.length === 1 && r.editorIds[0] === rita)).toBe(true);
    expect(await db.annotationRevision.count({ where: { event: "submitted", annotation: { articleId: article.id } } })).toBe(18);
    const created = await db.auditEvent.findMany({ where: { action: "user.create" } });
    expect(created.map((e) => [e.actorId, e.actorLabel])).toEqual([
      [null, "system"],
      [null, "system"],
      [null, "system"],
    ]);
  }, 60_000);
});
