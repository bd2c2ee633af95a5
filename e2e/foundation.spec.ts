import { expect, test } from "@playwright/test";
import { ACCOUNTS, DEMO_SLUG, signIn } from "./helpers/session";
import { count, query } from "./helpers/db";

test.describe("reader: the worked example", () => {
  test("the home page lists the example and its follow-up, each with its provenance summary", async ({ page }) => {
    await page.goto("/");
    const link = page.getByRole("link", { name: /Baltic States Withdraw from Ottawa Convention/ });
    await expect(link).toBeVisible();
    await expect(page.getByRole("listitem").filter({ has: link }).getByTestId("provenance-summary")).toContainText("18 sourced statements");
    const followUp = page.getByRole("link", { name: "Baltic States’ Exit from the Landmine Ban Takes Effect" });
    await expect(page.getByRole("listitem").filter({ has: followUp }).getByTestId("provenance-summary")).toContainText("6 sourced statements");
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/articles/${DEMO_SLUG}$`));
  });

  test("the follow-up's repeated claim is linked to the example's, and their shared source's page spans both", async ({ page }) => {
    const repeated = (await query<{ id: string; slug: string; sourceId: string }>(
      `SELECT a.id, ar.slug, h."sourceId" FROM "Annotation" a JOIN "Article" ar ON ar.id = a."articleId" JOIN "ProvenanceHop" h ON h."annotationId" = a.id
       WHERE a."approvedQuote" LIKE 'A withdrawal becomes effective six months%' AND ar.state = 'published'`,
    ))[0];
    await page.goto(`/articles/${repeated.slug}?annotation=${repeated.id}`);
    const panel = page.locator(`#annotation-${repeated.id}`);
    await expect(panel).toHaveAttribute("data-open", "true");
    await panel.getByText("Also checked in 1 article").click();
    await panel.getByRole("link", { name: /Baltic States Withdraw from Ottawa Convention/ }).click();
    await expect(page).toHaveURL(new RegExp(`/articles/${DEMO_SLUG}\\?annotation=`));
    await page.goto(`/sources/${repeated.sourceId}`);
    await expect(page.getByRole("heading", { name: "Government of Latvia", level: 1 })).toBeVisible();
    await expect(page.getByText("2 published statements in 2 articles.")).toBeVisible();
  });

  test("shows 18 sourced statements, coloured by status and tagged by claim type", async ({ page }) => {
    await page.goto(`/articles/${DEMO_SLUG}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(
      "Baltic States Withdraw from Ottawa Convention in Major Defense Policy Shift – June 27 Update",
    );
    const highlights = page.locator("[data-annotation-id]");
    await expect(highlights).toHaveCount(18);

    const approved = await query<{ id: string; status: string; type: string }>(
      `SELECT a.id, s.slug AS status, t.slug AS type FROM "Annotation" a JOIN "VerificationStatus" s ON s.id = a."statusId" JOIN "ClaimType" t ON t.id = a."claimTypeId" JOIN "Article" ar ON ar.id = a."articleId" WHERE ar.slug = $1 AND a."approvedSnapshot" IS NOT NULL`,
      DEMO_SLUG,
    );
    expect(approved).toHaveLength(18);
    for (const row of approved) {
      const el = page.locator(`[data-annotation-id="${row.id}"]`);
      await expect(el).toHaveAttribute("data-status", row.status);
      await expect(el).toHaveAttribute("data-claim-type", row.type);
    }

    const misattributed = page.locator('[data-status="misattributed"]');
    await expect(misattributed).toHaveCount(1);
    await expect(misattributed).toContainText("one Russian military analyst reportedly warned");
    // Not colour alone: the tag spells out claim type and verdict.
    await expect(misattributed.locator(".highlight-tag")).toHaveText(/Analyst · Misattributed/);
    const bg = await misattributed.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).toBe("rgb(233, 213, 255)");
    await expect(page.getByRole("region", { name: "Legend" })).toContainText("Misattributed");
  });

  test("opens a statement's details by click", async ({ page }) => {
    await page.goto(`/articles/${DEMO_SLUG}`);
    const highlight = page.locator('[data-annotation-id][data-status="misattributed"]');
    const id = await highlight.getAttribute("data-annotation-id");
    const details = page.locator(`#annotation-${id}`);
    await expect(details).toBeHidden();
    await highlight.click();
    await expect(details).toBeVisible();
    await expect(details.locator('[data-field="status"]')).toHaveText(/Misattributed/);
    await expect(details.locator('[data-field="attribution"]')).toContainText("“one Russian military analyst reportedly”");
    await expect(details.locator('[data-field="chain"]')).toContainText("The Telegraph");
    await expect(details.locator('[data-field="review"]')).toHaveText(/Reviewed by Rita Reviewer \(.+\), approved by Sam Second on \d{1,2} \w+ \d{4}/);
    await expect(details.getByRole("link", { name: /Relay of The Telegraph/ }).first()).toHaveAttribute("href", /^https:\/\//);
  });

  test("opens a statement's details by keyboard, with Enter and with Space", async ({ page }) => {
    await page.goto(`/articles/${DEMO_SLUG}`);
    const interfax = page.locator("[data-annotation-id]").nth(1);
    const interfaxId = await interfax.getAttribute("data-annotation-id");
    await interfax.focus();
    await page.keyboard.press("Enter");
    const details = page.locator(`#annotation-${interfaxId}`);
    await expect(details).toBeVisible();
    await expect(details.locator('[data-field="attribution"]')).toContainText("reports by Interfax, citing statements from the foreign ministries");
    await expect(details.locator('[data-field="status"]')).toHaveText(/Verified/);
    await expect(details.locator('[data-field="chain"]')).toContainText("Interfax");

    const falseClaim = page.locator('[data-annotation-id][data-status="false"]').first();
    const falseId = await falseClaim.getAttribute("data-annotation-id");
    await falseClaim.focus();
    await page.keyboard.press(" ");
    await expect(page.locator(`#annotation-${falseId}`)).toBeVisible();
    await expect(page.locator(`#annotation-${falseId} [data-field="status"]`)).toHaveText(/False/);
    await expect(details).toBeHidden();
  });

  test("an unknown article is a 404", async ({ page }) => {
    const response = await page.goto("/articles/no-such-article");
    expect(response?.status()).toBe(404);
  });
});

test.describe("sign-in", () => {
  test("a reviewer signs in, sees who they are, and signs out", async ({ page }) => {
    await signIn(page, ACCOUNTS.reviewer.email, ACCOUNTS.reviewer.password);
    await expect(page).toHaveURL(/\/review/);
    await expect(page.getByTestId("signed-in-as")).toContainText(ACCOUNTS.reviewer.name);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
    await page.goto("/review");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a wrong password is refused without saying which field was wrong", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(ACCOUNTS.reviewer2.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form [role=alert]")).toHaveText("Email or password is incorrect.");
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  });

  test("five failures lock an email out for 15 minutes, whether or not the account exists", async ({ page }) => {
    const email = `locked-${Date.now()}@example.com`;
    await page.goto("/login");
    for (let i = 0; i < 5; i++) {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(`guess-${i}`);
      await Promise.all([
        page.waitForResponse((r) => r.url().includes("/api/auth/callback/credentials")),
        page.getByRole("button", { name: "Sign in" }).click(),
      ]);
      await expect(page.locator("form [role=alert]")).toHaveText("Email or password is incorrect.");
    }
    await page.getByLabel("Password").fill("guess-again");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.locator("form [role=alert]")).toHaveText(/Too many failed sign-in attempts.*15 minutes/);
    const failures = await count(`SELECT COUNT(*)::int AS n FROM "LoginAttempt" WHERE email = $1 AND succeeded = false`, email);
    expect(failures).toBe(5);
  });
});
