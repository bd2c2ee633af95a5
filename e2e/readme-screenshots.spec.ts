import { test } from "@playwright/test";
import { ACCOUNTS, DEMO_SLUG, signIn } from "./helpers/session";

// Refreshes the README's screenshots: UPDATE_SCREENSHOTS=1 node scripts/test.mjs e2e e2e/readme-screenshots.spec.ts
test.skip(!process.env.UPDATE_SCREENSHOTS, "set UPDATE_SCREENSHOTS=1 to refresh docs/screenshots");

test.use({ viewport: { width: 1280, height: 900 } });

test("reader page and home", async ({ page }) => {
  await page.goto(`/articles/${DEMO_SLUG}`);
  // The false claim near the top ("which they had signed in 1999"), with the title and summary in view.
  await page.locator('[data-annotation-id][data-status="false"]').first().click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "docs/screenshots/reader.png" });
  await page.goto("/");
  await page.screenshot({ path: "docs/screenshots/home.png" });
});

test("reviewer workspace and admin", async ({ page }) => {
  await signIn(page, ACCOUNTS.reviewer2.email, ACCOUNTS.reviewer2.password);
  await page.locator('a[href^="/review/articles/"]').first().click();
  await page.locator("[data-statement-id]").nth(3).click();
  await page.waitForTimeout(500);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "docs/screenshots/workspace.png" });
  await page.getByRole("button", { name: "Sign out" }).click();
  await signIn(page, ACCOUNTS.admin.email, ACCOUNTS.admin.password, "/admin/users");
  await page.screenshot({ path: "docs/screenshots/admin-users.png" });
});
