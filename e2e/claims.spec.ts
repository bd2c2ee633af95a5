import { expect, test } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { REVIEWER, newSignedInPage } from "./helpers/review";
import { count, queryOne } from "./helpers/db";
import { DEMO_SLUG } from "./helpers/session";

const DEMO_TEXT = fs.readFileSync(path.join(__dirname, "..", "prisma", "demo", "baltic-ottawa-withdrawal.txt"), "utf8");

test.describe("search, without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("a reader searches “Podlesny” and lands on the permalink of one of his statements", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/search$/);
    await page.getByLabel("Words, a name or a quote").fill("Podlesny");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page).toHaveURL(/\/search\?q=Podlesny/);
    const results = page.getByTestId("search-results").locator("li");
    await expect(results.first()).toBeVisible();
    expect(await results.count()).toBeGreaterThanOrEqual(2);
    await expect(results.filter({ hasText: "Gennady Podlesny" }).first()).toBeVisible();

    const first = results.filter({ hasText: "Gennady Podlesny" }).first().locator("blockquote a");
    const href = (await first.getAttribute("href"))!;
    expect(href).toMatch(new RegExp(`^/articles/${DEMO_SLUG}\\?annotation=[A-Za-z0-9_-]+$`));
    await first.click();
    const annotationId = new URL(page.url()).searchParams.get("annotation")!;
    await expect(page).toHaveURL(new RegExp(`/articles/${DEMO_SLUG}\\?annotation=${annotationId}$`));
    const panel = page.locator(`#annotation-${annotationId}`);
    await expect(panel).toHaveAttribute("data-open", "true");
    await expect(panel.locator('[data-field="attribution"]')).toContainText("Podlesny");

    // An over-long query gets a clear message, not an error page.
    await page.goto(`/search?q=${"x".repeat(201)}`);
    await expect(page.getByRole("alert").filter({ hasText: "at most 200 characters" })).toBeVisible();
  });
});

test.describe("claim memory in the workspace", () => {
  test("re-importing the demo warns before creating anything; a reworded mines quote suggests the misattributed verdict and “Same claim” links them", async ({ browser }) => {
    const { context, page } = await newSignedInPage(browser, REVIEWER);
    const demo = (await queryOne<{ id: string }>(`SELECT id FROM "Article" WHERE slug = $1`, DEMO_SLUG))!;

    // Duplicate import: a warning with a link to the existing article, and nothing created without the tick.
    const before = await count(`SELECT COUNT(*)::int AS n FROM "Article"`);
    await page.goto("/review/new");
    await page.getByLabel("Article text").fill(DEMO_TEXT);
    await page.getByRole("button", { name: "Preview" }).click();
    const warning = page.getByTestId("duplicate-warning");
    await expect(warning).toBeVisible();
    await expect(warning.getByRole("link")).toHaveAttribute("href", `/review/articles/${demo.id}`);
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "already on the desk" }).first()).toBeVisible();
    expect(await count(`SELECT COUNT(*)::int AS n FROM "Article"`)).toBe(before);

    // A new article repeating the mines quote in other words.
    const stamp = Date.now();
    const text = [
      `Estonia, Latvia and Lithuania confirmed their exit from the landmine treaty on day ${stamp}.`,
      "‘They will sow millions of mines in the quiet pine and spruce forests along the border,’ a Russian military analyst was quoted as saying.",
    ].join("\n\n");
    await page.goto("/review/new");
    await page.getByLabel("Title").fill(`E2E mines ${stamp}`);
    await page.getByLabel("Outlet").fill("Baltic Daily");
    await page.getByLabel("Article text").fill(text);
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("heading", { name: /Proposed statements/ })).toBeVisible();
    await expect(page.getByTestId("duplicate-warning")).toHaveCount(0);
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.waitForURL(/\/review\/articles\/[^/?]+/);

    const statement = page.locator("[data-statement-id]").filter({ hasText: "sow millions of mines" }).first();
    const statementId = (await statement.getAttribute("data-statement-id"))!;
    await statement.click();
    await expect(page.locator(`[data-selected-statement="${statementId}"]`)).toBeVisible();
    const suggestion = page.getByTestId("claim-suggestion").first();
    await expect(suggestion).toContainText("Misattributed");
    await expect(suggestion).toContainText("sow millions of mines in quiet pine and spruce forests");
    await page.screenshot({ path: test.info().outputPath("checked-before.png"), fullPage: true });

    // Annotate (a draft is enough), then "Same claim".
    const form = page.getByRole("form", { name: "Annotation" });
    await form.getByLabel("Claim type").selectOption({ label: "Analyst or expert claim" });
    await form.getByLabel("Verification status").selectOption({ label: "Misattributed" });
    await form.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByTestId("claim-suggestion").first().getByRole("button", { name: "Same claim" })).toBeVisible();
    await page.getByTestId("claim-suggestion").first().getByRole("button", { name: "Same claim" }).click();
    await expect(page.getByTestId("claim-suggestion").first()).toContainText("Linked as the same claim.");
    const mine = (await queryOne<{ id: string }>(`SELECT id FROM "Annotation" WHERE "statementId" = $1`, statementId))!;
    expect(
      await count(`SELECT COUNT(*)::int AS n FROM "ClaimLink" WHERE relation = 'same' AND ($1 IN ("annotationAId", "annotationBId"))`, mine.id),
    ).toBe(1);
    expect(await count(`SELECT COUNT(*)::int AS n FROM "AuditEvent" WHERE action = 'claim_link.create' AND "entityId" LIKE '%' || $1 || '%'`, mine.id)).toBe(1);
    await context.close();
  });
});
