import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, request, test, type Browser, type Page } from "@playwright/test";
import { XSS_PAYLOADS } from "./fixtures/xss-payloads";
import type { XssSeed } from "./fixtures/seed-xss";
import { ACCOUNTS, signIn } from "./helpers/session";

// The XSS corpus (e2e/fixtures/xss-payloads.ts, one `window.__xss = n` per payload) written into every writable field
// that a page shows (e2e/fixtures/seed-xss.ts, through the app's data functions), then every page that shows them
// opened in Chromium: no payload may run (window.__xss stays undefined, no dialog opens), and the stored text must be
// on the page as text. Many payloads per page, few page loads: the whole spec stays within its 3-minute budget.

test.describe.configure({ mode: "serial" });

let seed: XssSeed;

/** Every payload on its own (the article text and the rationale hold all of them, one per line). */
const EACH_PAYLOAD = XSS_PAYLOADS.map((p) => p.trim());

interface Visit {
  path: string;
  /** Strings the page's text must contain (as text: a parsed payload would lose its brackets). */
  texts?: string[];
  /** Strings the page's form fields (input, textarea) must hold as their values. */
  fieldValues?: string[];
}

/** Opens each path, waits for late handlers (image errors, focus, animation), and reports what ran and what is missing. */
async function visitAll(browser: Browser, visits: Visit[], signInAs?: { email: string; password: string }): Promise<string[]> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on("dialog", (dialog) => {
    problems.push(`${page.url()}: a ${dialog.type()} dialog opened ("${dialog.message()}")`);
    void dialog.dismiss();
  });
  // Any write to window.__xss is caught even if later overwritten, and reported with the payload's number.
  await page.addInitScript(() => {
    const hits: unknown[] = [];
    Object.defineProperty(window, "__xssHits", { value: hits });
    Object.defineProperty(window, "__xss", {
      configurable: true,
      get: () => hits[hits.length - 1],
      set: (v) => {
        hits.push(v);
      },
    });
  });
  if (signInAs) await signIn(page, signInAs.email, signInAs.password);
  for (const visit of visits) {
    const res = await page.goto(visit.path, { waitUntil: "load" });
    if (!res || res.status() >= 400) problems.push(`${visit.path}: HTTP ${res?.status()}`);
    await page.waitForTimeout(150);
    problems.push(...(await pageProblems(page, visit)));
    if (process.env.XSS_SCREENSHOTS) await page.screenshot({ path: `${process.env.XSS_SCREENSHOTS}/${visit.path.replace(/[^a-z0-9]+/gi, "_").slice(0, 80)}.png`, fullPage: true });
  }
  // Frames (iframe srcdoc) report into their parent: checked on the last page too.
  await context.close();
  return problems;
}

async function pageProblems(page: Page, visit: Visit): Promise<string[]> {
  const problems: string[] = [];
  const hits = await page.evaluate(() => (window as unknown as { __xssHits: unknown[] }).__xssHits);
  if (hits.length) problems.push(`${visit.path}: payload(s) ${hits.map((n) => `#${String(n)} ${XSS_PAYLOADS[Number(n) - 1] ?? ""}`).join(", ")} RAN`);
  const injected = await page.evaluate(() => {
    // Elements a payload would create if it were parsed as HTML rather than shown as text.
    const suspicious = [...document.querySelectorAll("[onerror],[onload],[onmouseover],[onfocus],[ontoggle],[onstart],[onbegin],iframe[srcdoc],object,embed")];
    const scripts = [...document.querySelectorAll("script:not([src]):not([type='application/ld+json'])")].filter((s) => /__xss/.test(s.textContent ?? "") && !/self\.__next_f|__next_f\.push/.test(s.textContent ?? ""));
    const links = [...document.querySelectorAll("a[href],iframe[src],[src]")].filter((el) => /^\s*(javascript|data):/i.test(el.getAttribute("href") ?? el.getAttribute("src") ?? ""));
    return [...suspicious, ...scripts, ...links].map((el) => el.outerHTML.slice(0, 120));
  });
  for (const html of injected) problems.push(`${visit.path}: injected element ${html}`);
  if (visit.texts?.length) {
    const text = await page.evaluate(() => document.body.textContent ?? "");
    const missing = visit.texts.filter((t) => !text.includes(t));
    if (missing.length) problems.push(`${visit.path}: ${missing.length} of ${visit.texts.length} stored values not shown as text, e.g. ${JSON.stringify(missing[0])}`);
  }
  if (visit.fieldValues?.length) {
    const values = await page.evaluate(() => [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>("input, textarea")].map((e) => e.value));
    const missing = visit.fieldValues.filter((v) => !values.includes(v));
    if (missing.length) problems.push(`${visit.path}: ${missing.length} of ${visit.fieldValues.length} stored values not in the form's fields, e.g. ${JSON.stringify(missing[0])}`);
  }
  return problems;
}

const stored = (field: string) => seed.stored[field] ?? [];

test.describe("XSS corpus", () => {
  test.beforeAll(async ({ baseURL }) => {
    test.setTimeout(120_000);
    // Warm the server's caches first, as the specs before this one do in `npm test`: the seed, written from another
    // process, must reach the pages through the cache invalidation (PostgreSQL NOTIFY), not through a cold cache.
    const warm = await request.newContext({ baseURL });
    for (const p of ["/", "/methodology", "/corrections"]) expect((await warm.get(p)).status()).toBe(200);
    await warm.dispose();
    const tsx = path.resolve("node_modules/.bin/tsx");
    const out = execFileSync(tsx, ["e2e/fixtures/seed-xss.ts"], { env: process.env, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    seed = JSON.parse(out.trim().split("\n").pop() as string) as XssSeed;
  });

  test("the corpus is large enough, and every field holds every payload", () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    XSS_PAYLOADS.forEach((payload, i) => expect(payload.includes(`__xss=${i + 1}`) || payload.startsWith("\u202e"), payload).toBe(true));
    // The vocabulary's entries are claim types and statuses alternately: together they hold every payload. The short
    // label (24 characters) holds only the payloads that fit; the URL fields hold the http(s) breakouts (below).
    const fields = ["article.title", "article.outlet", "article.byline", "user.name", "vocabulary.label", "vocabulary.description", "annotation.speakerName", "annotation.speakerRole", "annotation.attributionText", "annotation.rationale", "hop.name", "hop.note", "evidence.title", "evidence.note", "annotation.returnComment", "correction.reason"];
    for (const field of fields) {
      const values = field.startsWith("vocabulary.") ? [...stored(`claim_type.${field.slice(11)}`), ...stored(`verification_status.${field.slice(11)}`)] : stored(field);
      const missing = XSS_PAYLOADS.filter((p) => !values.join(" ").includes(p.trim()));
      expect(missing, `payloads missing from ${field}`).toEqual([]);
    }
  });

  test("the detector itself sees a payload that runs and markup that was parsed", async ({ browser }) => {
    // A page that does render a payload as HTML (a data: URL stands in for a broken page): the checks must report it.
    const html = `<title>t</title><p>${XSS_PAYLOADS[5]}</p>`;
    const problems = await visitAll(browser, [{ path: `data:text/html,${encodeURIComponent(html)}`, texts: [XSS_PAYLOADS[5]] }]);
    expect(problems.join("\n")).toContain("payload(s) #6");
    expect(problems.join("\n")).toContain("injected element");
    expect(problems.join("\n")).toContain("not shown as text");
  });

  test("URL fields refuse javascript: and data: addresses", () => {
    expect(seed.refused.filter((r) => r.field.startsWith("ACCEPTED"))).toEqual([]);
    expect(seed.refused.filter((r) => /^\s*(javascript|data):/i.test(r.value)).length).toBeGreaterThanOrEqual(5);
  });

  test("no payload runs on the public pages, and each shows the stored text", async ({ browser }) => {
    test.setTimeout(120_000);
    const main = `/articles/${seed.mainSlug}`;
    const visits: Visit[] = [
      { path: "/", texts: stored("article.title").slice(0, 1) },
      { path: main, texts: [stored("article.title")[0], stored("article.outlet")[0], stored("article.byline")[0], ...EACH_PAYLOAD] },
      ...seed.annotationIds.map((id, j) => ({
        path: `${main}/annotation/${id}`,
        texts: [stored("annotation.speakerName")[j], stored("annotation.speakerRole")[j], stored("annotation.attributionText")[j], stored("hop.name")[j], stored("hop.note")[j], stored("evidence.title")[j], stored("evidence.note")[j]],
      })),
      { path: `${main}?status=${encodeURIComponent("x")}` },
      { path: `${main}/changes`, texts: stored("correction.reason").slice(0, 1) },
      ...seed.slugs.slice(1).map((slug, k) => ({ path: `/articles/${slug}`, texts: [stored("article.title")[k + 1]] })),
      { path: "/corrections", texts: stored("correction.reason") },
      { path: "/methodology", texts: [...stored("claim_type.label"), ...stored("verification_status.label")] },
      { path: `/search?q=${encodeURIComponent("corpus quotes")}` },
      ...seed.sourceIds.map((id) => ({ path: `/sources/${id}` })),
    ];
    expect(await visitAll(browser, visits)).toEqual([]);
  });

  test("the JSON-LD on the reader page is intact JSON that carries the payloads as data", async ({ page }) => {
    await page.goto(`/articles/${seed.mainSlug}`);
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(blocks.length).toBeGreaterThan(0);
    const values: string[] = [];
    const collect = (v: unknown): void => {
      if (typeof v === "string") values.push(v);
      else if (v && typeof v === "object") Object.values(v).forEach(collect);
    };
    blocks.forEach((block) => collect(JSON.parse(block)));
    // The speaker (itemReviewed.author.name) and the headline arrive whole, as data, through the `</script>` breakouts.
    expect(values).toContain(stored("annotation.speakerName")[0]);
    expect(values).toContain(stored("article.title")[0]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  });

  test("no payload runs in the reviewer's desk, workspace and correction pages", async ({ browser }) => {
    test.setTimeout(90_000);
    const visits: Visit[] = [
      { path: "/review", texts: [stored("article.title")[0]] },
      { path: `/review/articles/${seed.mainArticleId}`, texts: [stored("article.title")[0]] },
      // An approved annotation opened in the form (its values in the fields), and the returned ones with their comment.
      // An approved annotation (its author and approver named), and the returned ones: their comment, and the draft
      // form holding every field's value.
      { path: `/review/articles/${seed.mainArticleId}?s=${seed.annotationStatementIds[0]}`, texts: stored("user.name").slice(0, 2) },
      ...seed.returnedStatementIds.map((id, j) => {
        const n = seed.annotationIds.length + j;
        return {
          path: `/review/articles/${seed.mainArticleId}?s=${id}`,
          texts: [stored("annotation.returnComment")[j]],
          // (the notes sit in fields the form opens on demand; they are checked on the public permalinks)
          fieldValues: [stored("annotation.speakerName")[n], stored("annotation.speakerRole")[n], stored("annotation.attributionText")[n], stored("hop.name")[n], stored("evidence.title")[n]],
        };
      }),
      { path: `/review/articles/${seed.mainArticleId}/correct` },
    ];
    expect(await visitAll(browser, visits, ACCOUNTS.reviewer)).toEqual([]);
  });

  test("no payload runs in the admin area (users, vocabulary, audit log)", async ({ browser }) => {
    test.setTimeout(90_000);
    const visits: Visit[] = [
      { path: "/admin/users", texts: stored("user.name") },
      { path: "/admin/vocabulary", texts: [...stored("claim_type.label"), ...stored("verification_status.label"), ...stored("claim_type.description")] },
      { path: "/admin/audit" },
    ];
    expect(await visitAll(browser, visits, ACCOUNTS.admin)).toEqual([]);
  });
});
