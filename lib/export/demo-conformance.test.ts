/**
 * Conformance of what the public API actually exports for the DEMO article (seeded into a temp SQLite file, read
 * through the real data layer and route handlers): every annotation passes every W3C "must" assertion, its selectors
 * select the statement in the model's text (code points, with an emoji case), and every ClaimReview has the fields
 * schema.org / the issue require.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareReaderTestEnv, seedDemoDatabase, DEMO_SEED_TIMEOUT_MS } from "@/lib/server/testing/reader";
import { removeTestDatabase } from "@/lib/server/testing/test-database";
import { loadWptSuite, type AssertionResult } from "./wpt-runner";

vi.mock("next/cache", async () => (await import("@/lib/server/testing/reader")).createFakeNextCache().module);

const { database } = await prepareReaderTestEnv("demo-conformance");
const { db } = await import("@/lib/server/db");
const annotationsRoute = await import("@/app/api/v1/articles/[slug]/annotations/route");
const annotationRoute = await import("@/app/api/v1/annotations/[id]/route");
const claimReviewRoute = await import("@/app/api/v1/articles/[slug]/claimreview/route");
const articleRoute = await import("@/app/api/v1/articles/[slug]/route");

const suite = loadWptSuite();
const UNRESOLVABLE = { "bodiesTargets/modifiedUsedWithBody.json": "unresolvable $ref (see conformance.test.ts)" };
const BASE = "https://provenance.test";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON-LD of open shape, read field by field

let slug = "";
let article: Json;
let collection: Json;
let single: Json[] = [];
let reviews: Json[] = [];

const get = (path: string) => new Request(`${BASE}${path}`);
const ctx = <T>(params: T) => ({ params: Promise.resolve(params) });

function mustFailures(annotation: unknown): string[] {
  const results: AssertionResult[] = [
    ...suite.run("annotations/annotationMusts.test", annotation),
    ...suite.run("bodiesTargets/3.2-model.test", annotation, UNRESOLVABLE).filter((r) => r.assertionType === "must"),
  ];
  expect(results.length).toBe(16);
  return results.filter((r) => !r.passed).map((r) => `${r.file}: ${r.errorMessage}`);
}

// The demo is seeded through the data layer (about 40 transactions): more than the default 10 s hook budget on a busy machine.
beforeAll(async () => {
  ({ slug } = await seedDemoDatabase());
  article = await (await articleRoute.GET(get(`/api/v1/articles/${slug}`), ctx({ slug }))).json();
  collection = await (await annotationsRoute.GET(get(`/api/v1/articles/${slug}/annotations`), ctx({ slug }))).json();
  for (const item of collection.first.items) {
    const id = new URL(item.id).searchParams.get("annotation")!;
    single.push(await (await annotationRoute.GET(get(`/api/v1/annotations/${id}`), ctx({ id }))).json());
  }
  reviews = await (await claimReviewRoute.GET(get(`/api/v1/articles/${slug}/claimreview`), ctx({ slug }))).json();
}, DEMO_SEED_TIMEOUT_MS);
afterAll(async () => {
  await db.$disconnect();
  await removeTestDatabase(database);
});

describe("the demo article's exported annotations", () => {
  it("exports all 18", () => {
    expect(collection.total).toBe(18);
    expect(single).toHaveLength(18);
  });

  it("every annotation of /annotations/<id> passes every W3C must assertion", () => {
    for (const a of single) expect({ id: a.id, failures: mustFailures(a) }).toEqual({ id: a.id, failures: [] });
  });

  it("every annotation embedded in the collection passes them too (with the collection's @context)", () => {
    for (const item of collection.first.items) {
      expect({ id: item.id, failures: mustFailures({ "@context": collection["@context"], ...item }) }).toEqual({ id: item.id, failures: [] });
    }
  });

  it("the embedded and the single annotations are the same", () => {
    collection.first.items.forEach((item: Json, i: number) => {
      const { "@context": _context, ...rest } = single[i];
      expect(item).toEqual(rest);
    });
  });

  it("selectors select the statement: exact/prefix/suffix against the text, positions in code points", () => {
    const text: string = article.text;
    const codePoints = Array.from(text);
    for (const a of single) {
      const [quote, position] = a.target.selector;
      expect(quote.type).toBe("TextQuoteSelector");
      expect(position.type).toBe("TextPositionSelector");
      expect(codePoints.slice(position.start, position.end).join("")).toBe(quote.exact);
      const utf16Start = codePoints.slice(0, position.start).join("").length;
      const utf16End = utf16Start + quote.exact.length;
      expect(text.slice(0, utf16Start).endsWith(quote.prefix)).toBe(true);
      expect(text.slice(utf16End).startsWith(quote.suffix)).toBe(true);
      // The quote is unique with its context, so a client can find it again.
      const withContext = quote.prefix + quote.exact + quote.suffix;
      expect(text.indexOf(withContext)).toBe(text.lastIndexOf(withContext));
    }
  });

  it("the describing body reads as a sentence and carries structured terms in the prov: namespace", () => {
    for (const a of single) {
      const describing = a.body.find((b: Json) => b.purpose === "describing");
      expect(describing.type).toBe("TextualBody");
      expect(describing.value).toMatch(/^[A-Z].*\.$/s);
      expect(a["@context"][1].prov).toMatch(/^https?:\/\//);
      const assessing = a.body.find((b: Json) => b.purpose === "assessing");
      expect(assessing["prov:status"]).toBeTruthy();
      const rationale = a.body.find((b: Json) => b.format === "text/markdown");
      if (rationale) expect(rationale.type).toBe("TextualBody");
      expect(a.body.find((b: Json) => b.purpose === "tagging")["prov:claimType"]).toBeTruthy();
    }
  });
});

describe("code points with emoji (a published article whose text starts with emoji)", () => {
  it("counts each emoji (and each flag's regional indicators) as code points, not UTF-16 units", async () => {
    const text = "📌🇪🇪 Tallinn said the mines would be laid by 2026. Riga agreed.";
    const start = text.indexOf("Tallinn");
    const end = text.indexOf(" Riga");
    const { db: client } = await import("@/lib/server/db");
    const user = await client.user.findFirstOrThrow();
    const type = await client.claimType.findFirstOrThrow({ where: { slug: "official-statement" } });
    const status = await client.verificationStatus.findFirstOrThrow({ where: { slug: "verified" } });
    const emojiSlug = `emoji-${Date.now()}`;
    const art = await client.article.create({ data: { slug: emojiSlug, title: "Emoji", text, contentHash: "e", state: "published", publishedAt: new Date() } });
    const st = await client.statement.create({ data: { articleId: art.id, start, end } });
    const content = {
      claimType: { slug: type.slug, label: type.label, shortLabel: type.shortLabel, color: type.color, retired: false },
      status: { slug: status.slug, label: status.label, color: status.color, rating: status.rating, retired: false },
      attributionText: null, speakerName: "Tallinn", speakerKind: "organisation", speakerRole: null, claimDate: null, rationale: "", chain: [], evidence: [],
    };
    const ann = await client.annotation.create({
      data: {
        statementId: st.id, articleId: art.id, claimTypeId: type.id, statusId: status.id, workflowState: "approved",
        quoteExact: text.slice(start, end), positionStart: start, positionEnd: end, authorId: user.id, approverId: user.id, approvedAt: new Date(),
        approvedSnapshot: content, approvedStatusSlug: status.slug, approvedTypeSlug: type.slug,
      },
    });
    const a = await (await annotationRoute.GET(get(`/api/v1/annotations/${ann.id}`), ctx({ id: ann.id }))).json();
    const [quote, position] = a.target.selector;
    expect(quote).toMatchObject({ exact: "Tallinn said the mines would be laid by 2026.", prefix: "📌🇪🇪 " });
    // "📌🇪🇪 " is 4 code points but 7 UTF-16 units.
    expect(start).toBe(7);
    expect(position).toEqual({ type: "TextPositionSelector", start: 4, end: 4 + (end - start) });
    expect(mustFailures(a)).toEqual([]);
  });
});

describe("ClaimReview for the demo article", () => {
  const RATED = new Set(["verified", "partly-true", "misattributed", "false"]);

  it("one per annotation with a rated status, none for unrated ones", () => {
    const expected = single.filter((a) => RATED.has(a.body.find((b: Json) => b.purpose === "assessing")["prov:status"]));
    expect(reviews.length).toBe(expected.length);
    expect(reviews.length).toBeGreaterThan(0);
    expect(new Set(reviews.map((r) => r.url))).toEqual(new Set(expected.map((a) => a.id)));
  });

  it("every ClaimReview has the required fields", () => {
    for (const r of reviews) {
      expect(r["@context"]).toBe("https://schema.org");
      expect(r["@type"]).toBe("ClaimReview");
      expect(r.url).toMatch(new RegExp(`^${BASE}/articles/${slug}\\?annotation=`));
      expect(typeof r.claimReviewed).toBe("string");
      expect(article.text).toContain(r.claimReviewed);
      expect(r.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      expect(Date.parse(r.dateModified)).toBeGreaterThanOrEqual(Date.parse(r.datePublished));
      expect(r.author).toEqual({ "@type": "Organization", name: "Test Fact-check Desk", url: "https://desk.provenance.test" });
      expect(r.reviewRating).toMatchObject({ "@type": "Rating", bestRating: 5, worstRating: 1 });
      expect(r.reviewRating.ratingValue).toBeGreaterThanOrEqual(1);
      expect(r.reviewRating.ratingValue).toBeLessThanOrEqual(5);
      expect(["Verified", "Partly true", "Misattributed", "False"]).toContain(r.reviewRating.alternateName);
      expect(r.itemReviewed["@type"]).toBe("Claim");
      expect(["Person", "Organization"]).toContain(r.itemReviewed.author["@type"]);
      expect(r.itemReviewed.author.name.length).toBeGreaterThan(0);
      // A claim the desk linked across articles lists every published appearance (this article among them); otherwise
      // the article's original URL is the appearance (the demo records none).
      const appearance = r.itemReviewed.appearance;
      if (Array.isArray(appearance)) {
        expect(appearance.length).toBeGreaterThan(1);
        for (const work of appearance) expect(work).toMatchObject({ "@type": "CreativeWork", url: expect.stringMatching(/^https?:\/\//) });
        expect(appearance.map((w: Json) => w.headline)).toContain(article.title);
      } else if (article.originalUrl) expect(appearance).toMatchObject({ "@type": "CreativeWork", url: article.originalUrl });
      else expect(appearance).toBeUndefined();
      if (r.itemReviewed.datePublished) expect(r.itemReviewed.datePublished).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      if (r.itemReviewed.firstAppearance) expect(r.itemReviewed.firstAppearance.url).toMatch(/^https?:\/\//);
    }
  });

  it("an author's own assertion is credited to the outlet (\"Unknown\" when, as in the demo, none is recorded)", () => {
    const own = single.filter((a) => a.body.find((b: Json) => b.purpose === "tagging")["prov:claimType"] === "author-assertion").map((a) => a.id);
    const ownReviews = reviews.filter((r) => own.includes(r.url));
    expect(ownReviews.length).toBeGreaterThan(0);
    for (const r of ownReviews) expect(r.itemReviewed.author).toEqual({ "@type": "Organization", name: article.outlet ?? "Unknown" });
  });
});
