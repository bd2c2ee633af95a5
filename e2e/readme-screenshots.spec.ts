import { test } from "@playwright/test";
import { DEMO_SLUG } from "./helpers/session";

// Refreshes the README's screenshots: UPDATE_SCREENSHOTS=1 node scripts/test.mjs e2e e2e/readme-screenshots.spec.ts
test.skip(!process.env.UPDATE_SCREENSHOTS, "set UPDATE_SCREENSHOTS=1 to refresh docs/screenshots");

test("reader page screenshots for the README", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/articles/${DEMO_SLUG}`);
  // The false claim near the top ("which they had signed in 1999"), with the title and summary in view.
  await page.locator('[data-annotation-id][data-status="false"]').first().click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "docs/screenshots/reader.png" });
  await page.goto("/");
  await page.screenshot({ path: "docs/screenshots/home.png" });
});
