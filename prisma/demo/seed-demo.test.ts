import { afterAll, describe, expect, it } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/server/generated/prisma/client";
import { createTestDatabase, removeTestDatabase } from "../../lib/server/testing/test-database";
import { seedVocabularies } from "../seed-vocabularies";
import { seedDemo } from "./seed-demo";
import { KEY_ENTRIES } from "./baltic-key";
import { EXIT_ARTICLE_META, EXIT_KEY_ENTRIES } from "./baltic-exit-key";

const { url, database } = await createTestDatabase("seed-demo");
const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });

afterAll(async () => {
  await db.$disconnect();
  await removeTestDatabase(database);
});

let seeded: Awaited<ReturnType<typeof seedDemo>>;

describe("demo seed", () => {
  it("imports the example article through the pipeline, with the 18 key statements annotated, approved and published", async () => {
    await seedVocabularies(db);
    const result = await seedDemo(db, { passwordCost: 4 });
    seeded = result;
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

  it("publishes a second, annotated article whose repeated claims are linked to the first article's as the same claim", async () => {
    expect(seeded.articles).toHaveLength(2);
    const [first, second] = seeded.articles;
    const article = await db.article.findUniqueOrThrow({ where: { slug: second.slug } });
    expect(article).toMatchObject({ state: "published", outlet: EXIT_ARTICLE_META.outlet, publishedDate: EXIT_ARTICLE_META.publishedDate });
    expect(article.title).toBe("Baltic States’ Exit from the Landmine Ban Takes Effect");
    const annotations = await db.annotation.findMany({ where: { articleId: article.id }, include: { status: true, chain: { include: { source: true } }, author: true, approver: true } });
    expect(annotations).toHaveLength(EXIT_KEY_ENTRIES.length);
    expect(annotations.every((a) => a.workflowState === "approved" && a.approvedSnapshot && a.author.email === "reviewer@example.com" && a.approver?.email === "reviewer2@example.com")).toBe(true);
    // Every proposed statement of this short article is one of the key's: nothing is left unannotated.
    expect(await db.statement.count({ where: { articleId: article.id, annotation: null } })).toBe(0);

    // Its chains reuse the first article's source records where the same speaker is meant.
    const firstArticle = await db.article.findUniqueOrThrow({ where: { slug: first.slug }, select: { id: true } });
    const latvia = annotations.find((a) => a.speakerName === "Government of Latvia")!;
    const firstLatvia = await db.provenanceHop.findFirstOrThrow({ where: { annotation: { articleId: firstArticle.id }, source: { name: "Government of Latvia" } } });
    expect(latvia.chain.map((h) => h.sourceId)).toEqual([firstLatvia.sourceId]);

    // The repeated claims are linked as the same claim, to the first article's statements, and audited.
    const links = await db.claimLink.findMany({ include: { annotationA: { select: { articleId: true, quoteExact: true } }, annotationB: { select: { articleId: true, quoteExact: true } } } });
    expect(links).toHaveLength(2);
    for (const link of links) {
      expect(link.relation).toBe("same");
      expect(new Set([link.annotationA.articleId, link.annotationB.articleId])).toEqual(new Set([firstArticle.id, article.id]));
    }
    const quotes = links.flatMap((l) => [l.annotationA.quoteExact, l.annotationB.quoteExact]);
    expect(quotes.some((q) => q.startsWith("Under the terms of the convention, the withdrawal process will take effect six months"))).toBe(true);
    expect(quotes.some((q) => q.startsWith("A withdrawal becomes effective six months after the depositary receives it"))).toBe(true);
    expect(await db.auditEvent.count({ where: { action: "claim_link.create" } })).toBe(2);
  }, 60_000);
});
