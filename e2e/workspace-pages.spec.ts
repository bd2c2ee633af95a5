import { expect, test } from "@playwright/test";
import { REVIEWER, importPasted, newSignedInPage } from "./helpers/review";
import { query } from "./helpers/db";
import { deleteArticle } from "./helpers/demo-copy";

// 70 paragraphs of 10 numbered sentences: 700 statements, so the workspace shows them 300 at a time (3 pages).
const sentence = (n: number) => `Sentence ${String(n).padStart(4, "0")} says the council counted ${(n * 37) % 997} new permits.`;
const TEXT = Array.from({ length: 70 }, (_, p) => Array.from({ length: 10 }, (_, s) => sentence(p * 10 + s + 1)).join(" ")).join("\n\n");

test.describe("workspace of a long article", () => {
  test("shows its statements a page at a time; an opened statement lands on its page", async ({ browser }) => {
    const { context, page } = await newSignedInPage(browser, REVIEWER);
    const articleId = await importPasted(page, `E2E long article ${Date.now()}`, TEXT);
    const statements = await query<{ id: string }>(`SELECT id FROM "Statement" WHERE "articleId" = $1 ORDER BY start`, articleId);
    expect(statements).toHaveLength(700);

    const text = page.getByTestId("workspace-text");
    const label = page.getByTestId("workspace-page-label").first();
    await expect(label).toHaveText("Statements 1–300 of 700 (page 1 of 3)");
    await expect(page.locator("[data-statement-id]")).toHaveCount(300);
    await expect(text).toContainText(sentence(1));
    await expect(text).toContainText(sentence(300));
    await expect(text).not.toContainText(sentence(301));
    await page.screenshot({ path: test.info().outputPath("workspace-page-1.png"), fullPage: false });

    // Next page: the later statements, and the URL says which page.
    await page.getByTestId("workspace-pager-top").getByRole("link", { name: "Next statements →" }).click();
    await expect(page).toHaveURL(/[?&]page=2\b/);
    await expect(label).toHaveText("Statements 301–600 of 700 (page 2 of 3)");
    await expect(text).toContainText(sentence(450));
    await expect(text).not.toContainText(sentence(300));
    expect(await page.locator("[data-statement-id]").first().getAttribute("data-statement-id")).toBe(statements[300].id);

    // Opening a statement on page 2 keeps page 2, and the panel counts it within the whole article.
    await page.locator(`[data-statement-id="${statements[449].id}"]`).click();
    await expect(page.locator(`[data-selected-statement="${statements[449].id}"]`)).toBeVisible();
    await expect(page.getByRole("heading", { name: /^Statement 450 of 700/ })).toBeVisible();
    await expect(label).toHaveText("Statements 301–600 of 700 (page 2 of 3)");
    await page.screenshot({ path: test.info().outputPath("workspace-page-2.png"), fullPage: false });

    // A link to a statement (?s=…) on the last page opens that page, whatever page the URL names.
    await page.goto(`/review/articles/${articleId}?page=1&s=${statements[649].id}`);
    await expect(label).toHaveText("Statements 601–700 of 700 (page 3 of 3)");
    await expect(page.locator(`[data-statement-id="${statements[649].id}"]`)).toHaveAttribute("data-selected", "true");
    await expect(page.getByRole("heading", { name: /^Statement 650 of 700/ })).toBeVisible();
    await expect(page.getByTestId("workspace-pager-bottom").getByRole("link", { name: "First" })).toBeVisible();
    await context.close();
  });

  test("an annotation a correction left without its statement is re-attached among the statements of the page shown", async ({ browser }) => {
    const { context, page } = await newSignedInPage(browser, REVIEWER);
    const articleId = await importPasted(page, `E2E long article with an orphan ${Date.now()}`, TEXT);
    const statements = await query<{ id: string }>(`SELECT id FROM "Statement" WHERE "articleId" = $1 ORDER BY start`, articleId);
    try {
      // A draft annotation whose sentence a correction removed (as corrections leave them: no statement, its quote kept).
      const columns = (
        await query<{ name: string }>(`SELECT column_name::text AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'Annotation' AND is_generated = 'NEVER'`)
      ).map((c) => c.name);
      const set: Record<string, string> = { id: "$1", articleId: "$2", statementId: "NULL", anchorState: "'orphaned'", workflowState: "'draft'", quoteExact: "'A sentence a correction removed.'", previousQuote: "'A sentence a correction removed.'", wordingChangedAt: "now()", version: "1", createdAt: "now()", updatedAt: "now()" };
      for (const c of columns) if (c.startsWith("approved") || c === "approverId" || c === "submittedAt" || c.startsWith("removal") || c.startsWith("removed") || c.startsWith("reattach") || c.startsWith("copied")) set[c] ??= "NULL";
      const orphanId = `e2eorphan${Date.now()}`;
      await query(
        `INSERT INTO "Annotation" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT ${columns.map((c) => set[c] ?? `a."${c}"`).join(", ")} FROM "Annotation" a WHERE a."approvedSnapshot" IS NOT NULL LIMIT 1`,
        orphanId,
        articleId,
      );

      // Page 1 offers its own 300 statements, not the article's 700.
      await page.goto(`/review/articles/${articleId}`);
      const orphans = page.getByTestId("workspace-orphans");
      await expect(orphans).toContainText("A sentence a correction removed.");
      const choice = orphans.getByLabel("Re-attach to the statement");
      await expect(choice.locator("option:not([disabled])")).toHaveCount(300);
      await expect(orphans).toContainText("Statements without an annotation on this page (statements 1–300). For another, go to its page");
      expect(await choice.locator("option").nth(1).getAttribute("value")).toBe(statements[0].id);

      // Page 2: statements 301–600; the one chosen there is requested.
      await page.getByTestId("workspace-pager-top").getByRole("link", { name: "Next statements →" }).click();
      await expect(page.getByTestId("workspace-page-label").first()).toHaveText("Statements 301–600 of 700 (page 2 of 3)");
      await expect(choice.locator("option:not([disabled])")).toHaveCount(300);
      await expect(choice.locator("option:not([disabled])").first()).toHaveText(/^301\. Sentence 0301 says/);
      await choice.selectOption(statements[449].id);
      await orphans.getByRole("button", { name: "Request re-attachment" }).click();
      await expect(orphans.getByTestId("pending-reattach")).toContainText("Sentence 0450 says");
      expect((await query<{ reattachStatementId: string }>(`SELECT "reattachStatementId" FROM "Annotation" WHERE id = $1`, orphanId))[0]!.reattachStatementId).toBe(statements[449].id);
    } finally {
      await context.close();
      await deleteArticle(articleId);
    }
  });

  test("a short article stays one page, without a pager", async ({ browser }) => {
    const { context, page } = await newSignedInPage(browser, REVIEWER);
    const articleId = await importPasted(page, `E2E short article ${Date.now()}`, TEXT.split("\n\n").slice(0, 3).join("\n\n"));
    await expect(page.locator("[data-statement-id]")).toHaveCount(30);
    await expect(page.getByTestId("workspace-pager-top")).toHaveCount(0);
    await page.goto(`/review/articles/${articleId}?page=2`);
    await expect(page.locator("[data-statement-id]")).toHaveCount(30);
    await context.close();
  });
});
