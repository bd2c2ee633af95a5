/**
 * The public read API v1, through its real route handlers, against a real SQLite file seeded with the demo:
 * shapes, content types, pagination, ETag/304, CORS, and RFC 9457 problem details — never a 500 on bad input.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prepareReaderTestEnv, seedDemoDatabase, DEMO_SEED_TIMEOUT_MS } from "./testing/reader";
import { removeTestDatabase } from "./testing/test-database";

vi.mock("next/cache", async () => (await import("./testing/reader")).createFakeNextCache().module);

const { database } = await prepareReaderTestEnv("public-api");
const { db } = await import("./db");
const articlesRoute = await import("@/app/api/v1/articles/route");
const articleRoute = await import("@/app/api/v1/articles/[slug]/route");
const annotationsRoute = await import("@/app/api/v1/articles/[slug]/annotations/route");
const csvRoute = await import("@/app/api/v1/articles/[slug]/annotations.csv/route");
const claimReviewRoute = await import("@/app/api/v1/articles/[slug]/claimreview/route");
const annotationRoute = await import("@/app/api/v1/annotations/[id]/route");
const unknownRoute = await import("@/app/api/v1/[...path]/route");

const BASE = "https://provenance.test";
let slug = "";
let secondSlug = "";
let draftSlug = "";

const get = (path: string, headers: Record<string, string> = {}) => new Request(`${BASE}${path}`, { headers });
const slugCtx = (s: string) => ({ params: Promise.resolve({ slug: s }) });
const idCtx = (id: string) => ({ params: Promise.resolve({ id }) });

async function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get("content-type")).toBe("application/problem+json");
  expect(res.headers.get("access-control-allow-origin")).toBe("*");
  const body = await res.json();
  expect(body).toMatchObject({ type: "about:blank", status, title: expect.any(String), detail: expect.any(String) });
  return body;
}

// The demo is seeded through the data layer (about 40 transactions): more than the default 10 s hook budget on a busy machine.
beforeAll(async () => {
  ({ slug, secondSlug } = await seedDemoDatabase());
  draftSlug = `draft-${Date.now()}`;
  await db.article.create({ data: { slug: draftSlug, title: "A draft", text: "Not public.", contentHash: "x" } });
}, DEMO_SEED_TIMEOUT_MS);
afterAll(async () => {
  await db.$disconnect();
  await removeTestDatabase(database);
});

describe("GET /api/v1/articles", () => {
  it("lists published articles only, paginated, with links", async () => {
    const res = await articlesRoute.GET(get("/api/v1/articles"), undefined);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const body = await res.json();
    // The demo's two published articles, newest publication first (the follow-up was published second).
    expect(body).toMatchObject({ total: 2, page: 0, pageSize: 20 });
    expect(body.items.map((a: { slug: string }) => a.slug)).toEqual([secondSlug, slug]);
    expect(body.items[1]).toMatchObject({ annotations: 18, url: `${BASE}/articles/${slug}`, api: `${BASE}/api/v1/articles/${slug}` });
    expect(body.items[0]).toMatchObject({ annotations: 6, url: `${BASE}/articles/${secondSlug}` });
    expect(body.links.self).toBe(`${BASE}/api/v1/articles?page=0`);
  });

  it.each([
    ["?page=abc", "page"],
    ["?page=-1", "page"],
    ["?page=1.5", "page"],
    ["?pageSize=101", "pageSize"],
    ["?pageSize=0", "pageSize"],
    ["?pageSize=ten", "pageSize"],
  ])("%s is a 400 naming %s", async (query, parameter) => {
    const body = await expectProblem(await articlesRoute.GET(get(`/api/v1/articles${query}`), undefined), 400);
    expect(body.errors.map((e: { parameter: string }) => e.parameter)).toContain(parameter);
    expect(body.instance).toBe("/api/v1/articles");
  });

  it("a page past the end is a 404; pageSize 100 is fine", async () => {
    await expectProblem(await articlesRoute.GET(get("/api/v1/articles?page=5"), undefined), 404);
    expect((await articlesRoute.GET(get("/api/v1/articles?pageSize=100"), undefined)).status).toBe(200);
  });
});

describe("GET /api/v1/articles/<slug>", () => {
  it("answers the article with its text, summary and export links", async () => {
    const res = await articleRoute.GET(get(`/api/v1/articles/${slug}`), slugCtx(slug));
    const body = await res.json();
    expect(body).toMatchObject({ slug, summary: { annotations: 18 }, links: { html: `${BASE}/articles/${slug}`, csv: `${BASE}/api/v1/articles/${slug}/annotations.csv` } });
    expect(body.text.length).toBeGreaterThan(1000);
  });

  it.each([["no-such-article"], ["%3Cscript%3E"], ["ünïcödé"], ["a".repeat(1000)]])("unknown slug %s is a 404", async (s) => {
    await expectProblem(await articleRoute.GET(get(`/api/v1/articles/x`), slugCtx(s)), 404);
  });

  it("a draft is a 404 on every endpoint", async () => {
    for (const route of [articleRoute, annotationsRoute, csvRoute, claimReviewRoute]) {
      await expectProblem(await route.GET(get(`/api/v1/articles/${draftSlug}`), slugCtx(draftSlug)), 404);
    }
  });
});

describe("ETag, 304 and CORS", () => {
  it("a matching If-None-Match gets a 304 with the same ETag and no body", async () => {
    const first = await annotationsRoute.GET(get(`/api/v1/articles/${slug}/annotations`), slugCtx(slug));
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    const again = await annotationsRoute.GET(get(`/api/v1/articles/${slug}/annotations`, { "If-None-Match": etag }), slugCtx(slug));
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    const weak = await annotationsRoute.GET(get(`/api/v1/articles/${slug}/annotations`, { "If-None-Match": `"other", W/${etag}` }), slugCtx(slug));
    expect(weak.status).toBe(304);
    const other = await annotationsRoute.GET(get(`/api/v1/articles/${slug}/annotations`, { "If-None-Match": '"stale"' }), slugCtx(slug));
    expect(other.status).toBe(200);
  });

  it("every response allows any origin, and OPTIONS answers the preflight", async () => {
    const res = await articleRoute.GET(get(`/api/v1/articles/${slug}`), slugCtx(slug));
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-expose-headers")).toMatch(/ETag/);
    const pre = articleRoute.OPTIONS();
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-methods")).toMatch(/GET/);
    expect(pre.headers.get("access-control-allow-headers")).toMatch(/If-None-Match/);
  });
});

describe("W3C annotations", () => {
  it("the collection embeds its first page, with the Web Annotation content type", async () => {
    const res = await annotationsRoute.GET(get(`/api/v1/articles/${slug}/annotations`), slugCtx(slug));
    expect(res.headers.get("content-type")).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
    const body = await res.json();
    expect(body).toMatchObject({ type: "AnnotationCollection", total: 18, first: { type: "AnnotationPage", startIndex: 0 } });
    expect(body.first.items).toHaveLength(18);
  });

  it("pages: ?pageSize=5&page=1 is the second page; past the end 404; bad values 400", async () => {
    const res = await annotationsRoute.GET(get(`/api/v1/articles/${slug}/annotations?pageSize=5&page=1`), slugCtx(slug));
    const body = await res.json();
    expect(body).toMatchObject({ type: "AnnotationPage", startIndex: 5, partOf: { total: 18 } });
    expect(body.items).toHaveLength(5);
    expect(body.next).toBe(`${BASE}/api/v1/articles/${slug}/annotations?pageSize=5&page=2`);
    await expectProblem(await annotationsRoute.GET(get(`/api/v1/articles/${slug}/annotations?page=99`), slugCtx(slug)), 404);
    await expectProblem(await annotationsRoute.GET(get(`/api/v1/articles/${slug}/annotations?page=abc`), slugCtx(slug)), 400);
    await expectProblem(await annotationsRoute.GET(get(`/api/v1/articles/${slug}/annotations?pageSize=1000`), slugCtx(slug)), 400);
  });

  it("one annotation: permalink id, assessing, the four bodies, creator, dates, both selectors", async () => {
    const collection = await (await annotationsRoute.GET(get(`/api/v1/articles/${slug}/annotations`), slugCtx(slug))).json();
    const id = new URL(collection.first.items[0].id).searchParams.get("annotation")!;
    const res = await annotationRoute.GET(get(`/api/v1/annotations/${id}`), idCtx(id));
    expect(res.headers.get("content-type")).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
    const a = await res.json();
    expect(a.id).toBe(`${BASE}/articles/${slug}?annotation=${id}#annotation-${id}`);
    expect(a.motivation).toBe("assessing");
    expect(a["@context"][0]).toBe("http://www.w3.org/ns/anno.jsonld");
    const purposes = a.body.map((b: { purpose: string }) => b.purpose);
    expect(purposes).toEqual(expect.arrayContaining(["assessing", "tagging", "describing"]));
    const describing = a.body.find((b: { purpose: string }) => b.purpose === "describing");
    expect(describing.value).toMatch(/\.$/);
    expect(a.creator).toMatchObject({ type: "Person", name: "Rita Reviewer" });
    expect(a.created).toMatch(/Z$/);
    expect(a.modified).toMatch(/Z$/);
    expect(a.target.source).toBe(`${BASE}/articles/${slug}`);
    expect(a.target.selector.map((s: { type: string }) => s.type)).toEqual(["TextQuoteSelector", "TextPositionSelector"]);
  });

  it("unknown, malformed or unpublished annotation ids are 404s", async () => {
    for (const id of ["nope", "../x", "' OR 1=1 --", "x".repeat(300)]) {
      await expectProblem(await annotationRoute.GET(get(`/api/v1/annotations/x`), idCtx(id)), 404);
    }
  });
});

describe("ClaimReview and CSV", () => {
  it("claimreview answers one ClaimReview per rated annotation as JSON-LD", async () => {
    const res = await claimReviewRoute.GET(get(`/api/v1/articles/${slug}/claimreview`), slugCtx(slug));
    expect(res.headers.get("content-type")).toMatch(/^application\/ld\+json/);
    const reviews = await res.json();
    const rated = (await (await articleRoute.GET(get(`/api/v1/articles/${slug}`), slugCtx(slug))).json()).summary.byStatus;
    const expected = ["verified", "partly-true", "misattributed", "false"].reduce((n, s) => n + (rated[s] ?? 0), 0);
    expect(reviews).toHaveLength(expected);
    for (const r of reviews) expect(r.author).toEqual({ "@type": "Organization", name: "Test Fact-check Desk", url: "https://desk.provenance.test" });
  });

  it("the CSV has a header row and one RFC 4180 row per annotation", async () => {
    const res = await csvRoute.GET(get(`/api/v1/articles/${slug}/annotations.csv`), slugCtx(slug));
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename=".*-annotations\.csv"/);
    const text = await res.text();
    expect(text.startsWith("annotation_id,permalink,statement,")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    // Count records with a minimal RFC 4180 reader (quoted fields may contain CR/LF).
    let records = 0;
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '"') quoted = !quoted;
      else if (!quoted && c === "\r" && text[i + 1] === "\n") records++;
    }
    expect(records).toBe(19);
  });
});

describe("unknown endpoints", () => {
  it("answer problem details, not the HTML 404 page", async () => {
    await expectProblem(await unknownRoute.GET(get("/api/v1/nothing/here"), undefined), 404);
  });
});
