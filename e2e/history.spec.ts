import { expect, test } from "@playwright/test";
import { REVIEWER, REVIEWER2, approve, newSignedInPage } from "./helpers/review";
import { query, queryOne } from "./helpers/db";
import { copyDemoArticle, deleteArticle } from "./helpers/demo-copy";
import { highlights } from "./helpers/reader";

/*
 * Issue 12's history, through the browser, on a copy of the demo (the other specs read the demo itself): a reviewer
 * corrects the article, a verdict is changed afterwards; a reader opens "As checked on" version 1 and sees the old
 * text with the old verdicts, while the article page shows the new state. The exports name the version.
 */

let copyId = "";
let copySlug = "";

test.beforeAll(async () => {
  ({ id: copyId, slug: copySlug } = await copyDemoArticle("history"));
});

test.afterAll(async () => {
  await deleteArticle(copyId);
});

const STATUS_LABELS: Record<string, string> = { verified: "Verified", "partly-true": "Partly true", false: "False", misattributed: "Misattributed" };

test("a corrected article keeps version 1 as checked; the page, the W3C export and ClaimReview follow the new state", async ({ browser }) => {
  const original = (await queryOne<{ text: string }>(`SELECT text FROM "Article" WHERE id = $1`, copyId))!.text;
  const rows = await query<{ id: string; quote: string; start: number; end: number; statementId: string; status: string }>(
    `SELECT a.id, a."quoteExact" AS quote, s.start, s."end", s.id AS "statementId", a."approvedStatusSlug" AS status
     FROM "Annotation" a JOIN "Statement" s ON s.id = a."statementId" WHERE a."articleId" = $1 ORDER BY s.start`,
    copyId,
  );
  const deleted = rows[6];
  const text = original.slice(0, deleted.start) + original.slice(deleted.end).replace(/^ /, "");
  // The annotation whose verdict changes after the correction: a rated one.
  const changed = rows.find((r) => r.id !== deleted.id && STATUS_LABELS[r.status])!;
  const newStatus = changed.status === "false" ? "verified" : "false";

  // The reviewer corrects the text: one statement removed.
  const { context: ctxA, page: a } = await newSignedInPage(browser, REVIEWER);
  await a.goto(`/review/articles/${copyId}`);
  await a.getByRole("link", { name: "Correct the article text…" }).click();
  await a.getByLabel("Corrected text").fill(text);
  await a.getByRole("button", { name: "Preview the correction" }).click();
  await expect(a.getByTestId("correction-preview")).toBeVisible();
  await a.getByLabel(/What changed, and why/).fill("The outlet removed a quote.");
  await a.getByRole("button", { name: "Confirm the correction" }).click();
  await a.waitForURL(`**/review/articles/${copyId}?corrected=2`);

  // Then the verdict of another statement changes: edited by one reviewer, approved by a second.
  await a.goto(`/review/articles/${copyId}?s=${changed.statementId}`);
  await a.getByRole("region", { name: "Annotation" }).getByRole("button", { name: "Edit" }).click();
  const form = a.getByRole("form", { name: "Annotation" });
  await form.getByLabel("Verification status").selectOption({ label: STATUS_LABELS[newStatus] });
  await form.getByRole("button", { name: "Submit for review" }).click();
  await expect(a.getByText("Saved and submitted for review.")).toBeVisible();
  await ctxA.close();
  const { context: ctxB, page: b } = await newSignedInPage(browser, REVIEWER2, `/review/articles/${copyId}?s=${changed.statementId}`);
  await approve(b.getByRole("form", { name: "Second review" }));
  await expect(b.locator("[data-selected-statement] h2").first()).toContainText("Approved");
  await ctxB.close();
  expect((await queryOne<{ s: string }>(`SELECT "approvedStatusSlug" AS s FROM "Annotation" WHERE id = $1`, changed.id))!.s).toBe(newStatus);

  // A reader: the article page shows the new state…
  const reader = await browser.newPage();
  await reader.goto(`/articles/${copySlug}`);
  await expect(reader.locator(`a.highlight[data-annotation-id="${changed.id}"]`)).toHaveAttribute("data-status", newStatus);
  await expect(reader.locator(`a.highlight[data-annotation-id="${deleted.id}"]`)).toHaveCount(0);
  await expect(highlights(reader)).toHaveCount(rows.length - 1);
  // The removed statement is listed apart, with a link to the version it was last in.
  await expect(reader.getByTestId("orphans").getByTestId("orphan-as-checked")).toHaveAttribute("href", `/articles/${copySlug}/versions/1#h-${deleted.id}`);

  // …and its correction notice leads to version 1 as checked: the old text, the old verdicts, the banner.
  await reader.getByTestId("corrected-notice").getByTestId("as-checked-link").click();
  await reader.waitForURL(`**/articles/${copySlug}/versions/1`);
  const banner = reader.getByTestId("as-checked-banner");
  await expect(banner).toContainText(/As checked on \d{1,2} \w+ \d{4}/);
  await expect(banner).toContainText("this is an earlier version");
  await expect(banner.getByRole("link", { name: "See the current article" })).toHaveAttribute("href", `/articles/${copySlug}`);
  await expect(highlights(reader)).toHaveCount(rows.length);
  await expect(reader.locator(`a.highlight[data-annotation-id="${deleted.id}"]`)).toContainText(deleted.quote.slice(0, 40));
  await expect(reader.locator(`a.highlight[data-annotation-id="${changed.id}"]`)).toHaveAttribute("data-status", changed.status);
  for (const r of rows) await expect(reader.locator(`a.highlight[data-annotation-id="${r.id}"]`)).toHaveAttribute("data-status", r.status);
  // The details open without JavaScript and show the verdict as it stood.
  await reader.locator(`a.highlight[data-annotation-id="${changed.id}"]`).click();
  await expect(reader.locator(`#annotation-${changed.id} [data-field="status"]`)).toContainText(STATUS_LABELS[changed.status]);
  await reader.screenshot({ path: test.info().outputPath("as-checked-version-1.png"), fullPage: true });
  const versionPage = await reader.request.get(`/articles/${copySlug}/versions/1`);
  expect(versionPage.headers()["cache-tag"]?.split(",")).toContain(`article:${copySlug}`);
  // No ClaimReview markup for an earlier version: it describes the current checks only.
  await expect(reader.locator("script#claim-reviews")).toHaveCount(0);

  // The changes page links to it too; the current version is the article; unknown versions are plain 404s.
  await reader.goto(`/articles/${copySlug}/changes`);
  await expect(reader.getByTestId("as-checked-link")).toHaveAttribute("href", `/articles/${copySlug}/versions/1`);
  await reader.goto(`/articles/${copySlug}/versions/2`);
  await expect(reader).toHaveURL(new RegExp(`/articles/${copySlug}$`));
  for (const path of [`/articles/${copySlug}/versions/3`, `/articles/${copySlug}/versions/0`, `/articles/${copySlug}/versions/abc`]) {
    expect((await reader.request.get(path)).status(), path).toBe(404);
  }

  // The W3C export names version 2 through a TimeState; the annotation removed from the text is not in it.
  const version2 = (await queryOne<{ createdAt: Date; text: string }>(`SELECT "createdAt", text FROM "ArticleVersion" WHERE "articleId" = $1 AND revision = 2`, copyId))!;
  const collection = (await (await reader.request.get(`/api/v1/articles/${copySlug}/annotations`)).json()) as {
    total: number;
    first: { items: { id: string; target: { state: { type: string; sourceDate: string; cached: string }; selector: { type: string; exact?: string }[] } }[] };
  };
  expect(collection.total).toBe(rows.length - 1);
  for (const item of collection.first.items) {
    expect(item.target.state.type).toBe("TimeState");
    expect(Date.parse(item.target.state.sourceDate)).toBe(Math.floor(new Date(version2.createdAt).getTime() / 1000) * 1000);
    expect(item.target.state.cached).toMatch(new RegExp(`/articles/${copySlug}/versions/2$`));
    expect(version2.text).toContain(item.target.selector[0].exact!);
  }
  expect(collection.first.items.some((i) => i.id.includes(deleted.id))).toBe(false);

  // ClaimReview: the changed verdict's dateModified is its new approval; datePublished stays the first one.
  const reviews = (await (await reader.request.get(`/api/v1/articles/${copySlug}/claimreview`)).json()) as { url: string; datePublished: string; dateModified: string; reviewRating: { alternateName: string } }[];
  const review = reviews.find((r) => r.url.includes(`annotation=${changed.id}`))!;
  expect(review.reviewRating.alternateName).toBe(STATUS_LABELS[newStatus]);
  const approvals = await query<{ at: Date }>(`SELECT "createdAt" AS at FROM "AnnotationRevision" WHERE "annotationId" = $1 AND event = 'approved' ORDER BY version`, changed.id);
  const seconds = (d: Date) => Math.floor(new Date(d).getTime() / 1000) * 1000;
  expect(Date.parse(review.dateModified)).toBe(seconds(approvals.at(-1)!.at));
  expect(Date.parse(review.datePublished)).toBeLessThan(Date.parse(review.dateModified));
  await reader.close();
});
