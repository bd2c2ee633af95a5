import { expect, test, type Page } from "@playwright/test";
import { REVIEWER, newSignedInPage } from "./helpers/review";
import { query, queryOne } from "./helpers/db";
import { highlights } from "./helpers/reader";
import { copyDemoArticle, deleteArticle } from "./helpers/demo-copy";

/*
 * Issue 12's done-when, through the browser, on a copy of the demo article (the other specs read the demo itself):
 * one statement deleted, one sentence reworded, a paragraph inserted above the first statement.
 */

let copyId = "";
let copySlug = "";
let copyTitle = "";

test.beforeAll(async () => {
  ({ id: copyId, slug: copySlug, title: copyTitle } = await copyDemoArticle("corrections"));
});

test.afterAll(async () => {
  // Leave the database as the other specs expect it: the demo is the only article.
  await deleteArticle(copyId);
});

async function correctedText() {
  const article = (await queryOne<{ text: string }>(`SELECT text FROM "Article" WHERE id = $1`, copyId))!;
  const rows = await query<{ id: string; quote: string; start: number; end: number }>(
    `SELECT a.id, a."quoteExact" AS quote, s.start, s."end" FROM "Annotation" a JOIN "Statement" s ON s.id = a."statementId" WHERE a."articleId" = $1 ORDER BY s.start`,
    copyId,
  );
  const deleted = rows[6];
  const reworded = rows.filter((r) => r.id !== deleted.id && r.quote.split(" ").length >= 14).at(-1)!;
  const words = reworded.quote.split(" ");
  const at = Math.floor(words.length / 2);
  words[at] = words[at] === "reportedly" ? "allegedly" : "reportedly";
  const newQuote = words.join(" ");
  let text = article.text.slice(0, reworded.start) + newQuote + article.text.slice(reworded.end);
  text = text.slice(0, deleted.start) + text.slice(deleted.end).replace(/^ /, "");
  const breakBefore = article.text.lastIndexOf("\n\n", rows[0].start);
  const at0 = breakBefore < 0 ? 0 : breakBefore + 2;
  text = `${text.slice(0, at0)}Editor's note: this article was updated after publication. The ministries did not respond to questions.\n\n${text.slice(at0)}`;
  return { text, deleted, reworded, newQuote, total: rows.length };
}

async function preview(page: Page, text: string) {
  await page.goto(`/review/articles/${copyId}`);
  await page.getByRole("link", { name: "Correct the article text…" }).click();
  await page.waitForURL(`**/review/articles/${copyId}/correct`);
  await page.getByLabel("Corrected text").fill(text);
  await page.getByRole("button", { name: "Preview the correction" }).click();
  await expect(page.getByTestId("correction-preview")).toBeVisible();
}

test("a reviewer corrects an article: preview of every outcome, stale preview refused, confirm; readers see the correction", async ({ browser }) => {
  const { context, page } = await newSignedInPage(browser, REVIEWER);
  const { text, deleted, reworded, newQuote, total } = await correctedText();

  await preview(page, text);
  const outcomes = page.getByTestId("correction-outcome");
  await expect(outcomes).toHaveCount(total);
  await expect(page.locator('[data-testid="correction-outcome"][data-kind="orphaned"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="correction-outcome"][data-kind="changed"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="correction-outcome"][data-kind="moved"]')).toHaveCount(total - 2);
  await expect(page.locator('[data-kind="changed"] ins')).toContainText(/reportedly|allegedly/);
  await expect(page.getByTestId("new-statements")).toContainText("Editor's note");
  await page.screenshot({ path: test.info().outputPath("correction-preview.png"), fullPage: true });
  // Nothing saved by the preview.
  expect((await queryOne<{ revision: number }>(`SELECT revision FROM "Article" WHERE id = $1`, copyId))!.revision).toBe(1);

  // A second tab previews another correction, and the first one is confirmed meanwhile: the second is refused.
  const other = await context.newPage();
  await preview(other, `${text}\n\nA paragraph only the stale preview adds.`);

  await page.getByLabel(/What changed, and why/).fill("The outlet removed a quote and reworded a sentence.");
  await page.getByRole("button", { name: "Confirm the correction" }).click();
  await page.waitForURL(`**/review/articles/${copyId}?corrected=2`);
  await expect(page.getByTestId("corrected-notice")).toBeVisible();

  await other.getByLabel(/What changed, and why/).fill("Stale.");
  await other.getByRole("button", { name: "Confirm the correction" }).click();
  await expect(other.getByTestId("confirm-error")).toContainText("The article changed since your preview");
  expect((await queryOne<{ revision: number }>(`SELECT revision FROM "Article" WHERE id = $1`, copyId))!.revision).toBe(2);
  await context.close();

  // Readers (no session).
  const reader = await browser.newPage();
  await reader.goto(`/articles/${copySlug}`);
  await expect(reader.getByTestId("corrected-notice")).toContainText("Article corrected on");
  await expect(reader.getByTestId("orphans")).toContainText(deleted.quote.slice(0, 40));
  await expect(highlights(reader)).toHaveCount(total - 1);
  await expect(reader.locator(`a.highlight[data-annotation-id="${deleted.id}"]`)).toHaveCount(0);
  await reader.screenshot({ path: test.info().outputPath("reader-corrected.png"), fullPage: true });

  await reader.goto(`/articles/${copySlug}?annotation=${reworded.id}`);
  const marked = reader.locator(`#annotation-${reworded.id}`).getByTestId("wording-changed");
  await expect(marked).toContainText("under re-review");
  await expect(marked.locator("ins")).toContainText(newQuote.slice(0, 30));

  await reader.goto(`/articles/${copySlug}?annotation=${deleted.id}`);
  await expect(reader.getByTestId("orphan-permalink")).toContainText("no longer in the article");

  const api = await reader.request.get(`/api/v1/annotations/${deleted.id}`);
  expect(api.status()).toBe(410);

  await reader.goto(`/articles/${copySlug}/changes`);
  await expect(reader.getByTestId("changes-diff").locator("ins").first()).toContainText("Editor's note");
  await expect(reader.getByTestId("changes-diff").locator("del").first()).toBeVisible();

  await reader.goto("/corrections");
  await expect(reader.getByTestId("corrections-log")).toContainText(copyTitle);
  await expect(reader.locator('[data-testid="corrections-log"] [data-kind="removed"]').first()).toBeVisible();
  await reader.goto("/methodology");
  await expect(reader.getByTestId("corrections-count")).toContainText(/Corrections in the last 12 months: \d+/);
  await reader.close();
});
