import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PATH, DEMO_SLUG, RATED_STATUSES, demoAnnotations, details, expectOnlyDetailsOpen, highlights, publicBaseUrl } from "./helpers/reader";

const SCREENSHOTS = "test-results/reader";

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
}

test.describe("reader: filters in the URL, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the summary links filter by status, then by claim type; other statements read as plain text", async ({ page }) => {
    const all = await demoAnnotations();
    expect(all).toHaveLength(18);
    await page.goto(DEMO_PATH);
    await expect(highlights(page)).toHaveCount(18);
    const summary = page.getByTestId("reader-summary");
    await expect(summary.getByRole("heading", { name: "By verdict" })).toBeVisible();
    await expect(summary.getByRole("heading", { name: "By claim type" })).toBeVisible();

    const falseCount = all.filter((a) => a.status === "false").length;
    await summary.locator('a[data-filter-value="false"]').click();
    await expect(page).toHaveURL(new RegExp(`${DEMO_PATH}\\?status=false$`));
    await expect(highlights(page)).toHaveCount(falseCount);
    for (const h of await highlights(page).all()) await expect(h).toHaveAttribute("data-status", "false");
    await expect(page.getByTestId("filter-status")).toContainText(`Showing ${falseCount} of 18`);
    // A statement outside the filter is in the text, but not as a highlight.
    const verified = all.find((a) => a.status === "verified")!;
    await expect(page.locator(`[data-annotation-id="${verified.id}"]`)).toHaveCount(0);
    await expect(page.locator(".article-text")).toContainText("According to reports by Interfax");
    await expect(summary.locator('a[data-filter-value="false"]')).toHaveAttribute("aria-current", "true");

    // Add a claim-type filter: both are kept in the URL.
    const falseTypes = [...new Set(all.filter((a) => a.status === "false").map((a) => a.type))];
    const type = falseTypes[0];
    await summary.locator(`a[data-filter-value="${type}"]`).click();
    await expect(page).toHaveURL(new RegExp(`\\?status=false&type=${type}$`));
    await expect(highlights(page)).toHaveCount(all.filter((a) => a.status === "false" && a.type === type).length);

    await page.getByRole("link", { name: "Show all statements" }).click();
    await expect(page).toHaveURL(new RegExp(`${DEMO_PATH}$`));
    await expect(highlights(page)).toHaveCount(18);
  });

  test("a linked filter works directly, and an empty combination says so", async ({ page }) => {
    const all = await demoAnnotations();
    await page.goto(`${DEMO_PATH}?status=false&type=interview`);
    const expected = all.filter((a) => a.status === "false" && a.type === "interview").length;
    await expect(highlights(page)).toHaveCount(expected);
    await expect(page.getByTestId("filter-status")).toContainText(`Showing ${expected} of 18`);
    await page.goto(`${DEMO_PATH}?type=interview`);
    await expect(highlights(page)).toHaveCount(all.filter((a) => a.type === "interview").length);
    await page.goto(`${DEMO_PATH}?status=bogus`);
    await expect(highlights(page)).toHaveCount(0);
    await expect(page.getByText("Unknown filter value: “bogus”")).toBeVisible();
  });

  test("a permalink opens the article with that statement's details shown and in view", async ({ page }) => {
    const all = await demoAnnotations();
    const target = all[14];
    await page.goto(`${DEMO_PATH}#annotation-${all[0].id}`);
    const href = await details(page, all[0].id).locator('[data-field="permalink"]').getAttribute("href");
    expect(href).toBe(`${publicBaseUrl()}${DEMO_PATH}?annotation=${all[0].id}#annotation-${all[0].id}`);

    await page.goto(`${DEMO_PATH}?annotation=${target.id}#annotation-${target.id}`);
    await expectOnlyDetailsOpen(page, target.id);
    await expect(details(page, target.id)).toBeInViewport();
    await expect(details(page, target.id)).toHaveAttribute("data-open", "true");
    await expect(details(page, target.id).locator('[data-field="status"]')).not.toBeEmpty();
    // The query alone (no fragment) also opens it, server-side.
    await page.goto(`${DEMO_PATH}?annotation=${target.id}`);
    await expectOnlyDetailsOpen(page, target.id);
    await expect(page.getByTestId("stale-permalink")).toHaveCount(0);
    // Another highlight clicked afterwards replaces it (CSS :target wins).
    const other = all[2];
    await page.locator(`[data-annotation-id="${other.id}"]`).click();
    await expectOnlyDetailsOpen(page, other.id);

    // A permalink to an annotation that is no longer published says so, and shows the article.
    const stale = await page.goto(`${DEMO_PATH}?annotation=withdrawn0annotation0id#annotation-withdrawn0annotation0id`);
    expect(stale?.status()).toBe(200);
    await expect(page.getByTestId("stale-permalink")).toContainText("no longer annotated");
    await expect(page.locator('[data-open="true"]')).toHaveCount(0);
    await expect(highlights(page)).toHaveCount(all.length);
  });

  test("details show the readable chain, evidence with stance, reviewer, approver and verdict history", async ({ page }) => {
    const all = await demoAnnotations();
    await page.goto(DEMO_PATH);
    const withChain = page.locator(".annotation-details", { has: page.locator(".provenance-path li:nth-child(2) a") }).first();
    const id = (await withChain.getAttribute("id"))!.replace(/^annotation-/, "");
    await page.locator(`[data-annotation-id="${id}"]`).click();
    const d = details(page, id);
    await expect(d).toBeVisible();
    await expect(d.locator(".provenance-path li").last()).toHaveText("this article");
    const hopLinks = d.locator(".provenance-path a");
    for (const link of await hopLinks.all()) expect(await link.getAttribute("href")).toMatch(/^https?:\/\//);
    await expect(d.locator('[data-field="review"]')).toContainText("Reviewed by Rita Reviewer");
    await expect(d.locator('[data-field="review"]')).toContainText("approved by Sam Second on");
    // The history is shown only once a verdict changed after publication (the demo's never did); a lone first
    // publication would repeat the reviewed/approved line (lib/reader/history.test.ts covers the changes).
    await expect(d.locator('[data-field="history"]')).toHaveCount(0);
    // The details recall the statement briefly (the full text is beside it), without a second full copy.
    expect((await d.locator("blockquote").textContent())!.length).toBeLessThanOrEqual(111);
    expect(all.some((a) => a.id === id)).toBe(true);
    const evidence = page.locator('.annotation-details [data-field="evidence"] .stance').first();
    await expect(evidence).toHaveText(/supports|refutes|context/i);
  });
});

test.describe("reader", () => {
  test("keyboard: Tab to a statement, Enter opens, j/k move, Escape returns to the text; focus is visible", async ({ page }) => {
    const all = await demoAnnotations();
    await page.goto(DEMO_PATH);
    const first = highlights(page).first();
    await first.focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Shift+Tab");
    await expect(first).toBeFocused();
    const outline = await first.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe("none");
    await page.keyboard.press("Enter");
    await expectOnlyDetailsOpen(page, all[0].id);
    await first.focus();
    await page.keyboard.press("j");
    await expect(highlights(page).nth(1)).toBeFocused();
    await page.keyboard.press("j");
    await page.keyboard.press("k");
    await expect(highlights(page).nth(1)).toBeFocused();
    await page.keyboard.press("Enter");
    await expectOnlyDetailsOpen(page, all[1].id);
    await page.keyboard.press("Escape");
    await expect(details(page, all[1].id)).toBeHidden();
    await expect(highlights(page).nth(1)).toBeFocused();
  });

  test("on a 360 px phone the details open as a bottom sheet, with no sideways scrolling", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const all = await demoAnnotations();
    await page.goto(DEMO_PATH);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.screenshot({ path: `${SCREENSHOTS}/phone.png` });
    await page.locator(`[data-annotation-id="${all[5].id}"]`).tap();
    const sheet = details(page, all[5].id);
    await expect(sheet).toBeVisible();
    expect(await sheet.evaluate((el) => getComputedStyle(el).position)).toBe("fixed");
    // Pinned to the bottom of the viewport, full width, at most 70% of its height.
    const geometry = await sheet.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { bottom: Math.round(r.bottom), left: Math.round(r.left), width: Math.round(r.width), height: r.height, vh: window.innerHeight, vw: window.innerWidth };
    });
    expect(geometry.bottom).toBe(geometry.vh);
    expect(geometry.left).toBe(0);
    expect(geometry.width).toBe(geometry.vw);
    expect(geometry.height).toBeLessThanOrEqual(geometry.vh * 0.7 + 1);
    await page.screenshot({ path: `${SCREENSHOTS}/phone-sheet.png` });
    await context.close();
  });

  test("print: the article with its annotations as numbered footnotes", async ({ page }) => {
    await page.emulateMedia({ media: "print" });
    await page.goto(DEMO_PATH);
    await expect(page.locator("header[role=banner]")).toBeHidden();
    await expect(page.getByTestId("reader-summary")).toBeHidden();
    // Every statement's details print, in order, numbered like its marker in the text.
    const notes = page.locator(".annotation-details");
    await expect(notes).toHaveCount(18);
    for (const note of await notes.all()) await expect(note).toBeVisible();
    const marker = await highlights(page).first().evaluate((el) => getComputedStyle(el, "::after").content);
    expect(marker).toBe('"[1]"');
    const noteNumber = await notes.nth(4).locator("h2").evaluate((el) => getComputedStyle(el, "::before").content);
    expect(noteNumber).toMatch(/\[/);
    await expect(notes.nth(4).locator("h2")).toHaveAttribute("data-note", "5");
    expect(await notes.first().evaluate((el) => getComputedStyle(el).position)).toBe("static");
    await expect(page.locator(".annotation-placeholder")).toBeHidden();
    await page.screenshot({ path: `${SCREENSHOTS}/print.png`, fullPage: true });
    await page.pdf({ path: `${SCREENSHOTS}/print.pdf`, format: "A4" });
  });

  test("no serious or critical axe violations on /, the reader page (plain, filtered, details open) and /methodology", async ({ page }) => {
    const all = await demoAnnotations();
    for (const path of ["/", DEMO_PATH, `${DEMO_PATH}?status=false`, `${DEMO_PATH}?annotation=${all[3].id}#annotation-${all[3].id}`, "/methodology"]) {
      await page.goto(path);
      await expect(page.locator("main")).toBeVisible();
      expect({ path, violations: await axe(page) }).toEqual({ path, violations: [] });
    }
    await page.goto(DEMO_PATH);
    await page.screenshot({ path: `${SCREENSHOTS}/desktop.png` });
  });

  test("the page embeds one ClaimReview per rated annotation, with the required fields", async ({ page }) => {
    const all = await demoAnnotations();
    await page.goto(DEMO_PATH);
    const json = await page.locator('script[type="application/ld+json"]#claim-reviews').textContent();
    const reviews = JSON.parse(json!) as Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON-LD of open shape, read field by field
    const rated = all.filter((a) => RATED_STATUSES.includes(a.status));
    expect(reviews).toHaveLength(rated.length);
    const base = publicBaseUrl();
    expect(new Set(reviews.map((r) => r.url))).toEqual(new Set(rated.map((a) => `${base}${DEMO_PATH}?annotation=${a.id}#annotation-${a.id}`)));
    for (const r of reviews) {
      expect(r).toMatchObject({ "@context": "https://schema.org", "@type": "ClaimReview", author: { "@type": "Organization" } });
      expect(r.author.name).toBeTruthy();
      expect(r.claimReviewed.length).toBeGreaterThan(10);
      expect(r.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
      expect(Date.parse(r.dateModified)).toBeGreaterThanOrEqual(Date.parse(r.datePublished));
      expect(r.reviewRating).toMatchObject({ "@type": "Rating", bestRating: 5, worstRating: 1, ratingValue: expect.any(Number), alternateName: expect.any(String) });
      expect(r.itemReviewed["@type"]).toBe("Claim");
      expect(r.itemReviewed.author.name).toBeTruthy();
    }
    // The API answers the same objects.
    const api = await page.request.get(`/api/v1/articles/${DEMO_SLUG}/claimreview`);
    expect(await api.json()).toEqual(reviews);
  });

  test("the export links work: Web Annotation collection, ClaimReview and CSV", async ({ page, request }) => {
    await page.goto(DEMO_PATH);
    await expect(page.getByRole("link", { name: "How we check claims" })).toHaveAttribute("href", "/methodology");
    const links = page.getByTestId("export-links").locator("a");
    await expect(links).toHaveCount(3);
    const byKind = Object.fromEntries(await Promise.all((await links.all()).map(async (l) => [await l.getAttribute("data-export"), await l.getAttribute("href")])));
    const anno = await request.get(byKind["web-annotation"]);
    expect(anno.status()).toBe(200);
    expect(anno.headers()["content-type"]).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
    expect((await anno.json()).total).toBe(18);
    const cr = await request.get(byKind.claimreview);
    expect(cr.headers()["content-type"]).toMatch(/^application\/ld\+json/);
    const csv = await request.get(byKind.csv);
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toMatch(/^annotation_id,permalink,statement/);
  });

  test("/methodology lists every status with colour and rating, and every claim type, from the vocabulary", async ({ page }) => {
    await page.goto("/methodology");
    await expect(page.getByRole("heading", { name: "How we check claims" })).toBeVisible();
    const statuses = page.getByTestId("methodology-statuses");
    await expect(statuses.getByRole("row", { name: /Verified.*5 of 5/ })).toBeVisible();
    await expect(statuses.getByRole("row", { name: /Unverified.*Not rated/ })).toBeVisible();
    await expect(page.getByTestId("methodology-claim-types")).toContainText("Interview");
  });

  test("the published page and a permalink are cached by the app and tell shared caches a bounded staleness and their tags", async ({ request }) => {
    const policy = "public, s-maxage=60, stale-while-revalidate=30";
    const tags = [`article:${DEMO_SLUG}`, "vocabulary"];
    const first = await request.get(DEMO_PATH);
    const second = await request.get(DEMO_PATH);
    for (const res of [first, second]) {
      expect(res.status()).toBe(200);
      expect(res.headers()["cache-control"]).toBe(policy);
      expect(res.headers()["cache-tag"].split(",").sort()).toEqual([...tags].sort());
      expect(res.headers()["surrogate-key"].split(" ").sort()).toEqual([...tags].sort());
      expect(res.headers()["x-frame-options"]).toBe("SAMEORIGIN");
    }
    // The repeat is the cached page: the same bytes, with every approved annotation.
    expect(second.headers()["x-nextjs-cache"]).toBe("HIT");
    expect((await second.body()).equals(await first.body())).toBe(true);
    const all = await demoAnnotations();
    for (const { id } of all) expect(await second.text()).toContain(`id="annotation-${id}"`);
    expect(await second.text()).not.toContain('data-open="true"');

    // An annotation's permalink is cached the same way, with its details open, and carries the same policy and tags.
    const { id } = all[3];
    await request.get(`${DEMO_PATH}?annotation=${id}`);
    const permalink = await request.get(`${DEMO_PATH}?annotation=${id}`);
    expect(permalink.status()).toBe(200);
    expect(permalink.headers()["x-nextjs-cache"]).toBe("HIT");
    expect(permalink.headers()["cache-control"]).toBe(policy);
    expect(permalink.headers()["cache-tag"].split(",").sort()).toEqual([...tags].sort());
    expect(await permalink.text()).toMatch(new RegExp(`id="annotation-${id}"[^>]*data-open="true"`));

    // The front page, /methodology (it counts corrections), the corrections log and search carry the policy too; a
    // signed-in area does not.
    for (const [path, expected] of [["/", ["public-articles", "vocabulary"]], ["/methodology", ["public-articles", "vocabulary"]], ["/corrections", ["public-articles", "vocabulary"]], ["/search", ["public-articles", "vocabulary"]]] as const) {
      const res = await request.get(path);
      expect(res.headers()["cache-control"], path).toBe(policy);
      expect(res.headers()["cache-tag"].split(",").sort(), path).toEqual([...expected].sort());
    }
    const review = await request.get("/review", { maxRedirects: 0 });
    expect(review.headers()["cache-control"] ?? "").not.toContain("public");
    expect(review.headers()["cache-tag"]).toBeUndefined();
  });
});

test.describe("public read API v1 over HTTP", () => {
  test("ETag and If-None-Match → 304; CORS for GET and OPTIONS", async ({ request }) => {
    const path = `/api/v1/articles/${DEMO_SLUG}/annotations`;
    const first = await request.get(path, { headers: { Origin: "https://elsewhere.example" } });
    expect(first.status()).toBe(200);
    expect(first.headers()["access-control-allow-origin"]).toBe("*");
    const etag = first.headers().etag;
    const second = await request.get(path, { headers: { "If-None-Match": etag } });
    expect(second.status()).toBe(304);
    const pre = await request.fetch(path, { method: "OPTIONS", headers: { Origin: "https://elsewhere.example", "Access-Control-Request-Method": "GET" } });
    expect(pre.status()).toBe(204);
    expect(pre.headers()["access-control-allow-origin"]).toBe("*");
  });

  test("errors are problem+json: 404 for unknown slug, id and path; 400 for a bad query; never 500", async ({ request }) => {
    for (const [path, status] of [
      ["/api/v1/articles/no-such-article", 404],
      ["/api/v1/annotations/no-such-id", 404],
      ["/api/v1/articles/%F0%9F%92%A5/annotations", 404],
      ["/api/v1/nothing", 404],
      ["/api/v1/articles?page=abc", 400],
      ["/api/v1/articles?pageSize=101", 400],
      [`/api/v1/articles/${DEMO_SLUG}/annotations?page=-1`, 400],
    ] as const) {
      const res = await request.get(path);
      expect({ path, status: res.status() }).toEqual({ path, status });
      expect(res.headers()["content-type"]).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
    }
  });

  test("one annotation by id is a W3C Annotation with its permalink as id", async ({ request }) => {
    const [a] = await demoAnnotations();
    const res = await request.get(`/api/v1/annotations/${a.id}`);
    const body = await res.json();
    expect(body.id).toBe(`${publicBaseUrl()}${DEMO_PATH}?annotation=${a.id}#annotation-${a.id}`);
    expect(body.type).toBe("Annotation");
  });
});
