import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { query, queryOne } from "./helpers/db";
import { ACCOUNTS, DEMO_SLUG, signIn } from "./helpers/session";

/** Serious or critical WCAG 2.1 A/AA violations on the current page, as readable lines. */
async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 5).map((n) => n.target.join(" ")).join(", ")}`);
}

async function expectNoSeriousViolations(page: Page, what: string) {
  expect(await axe(page), `axe on ${what}`).toEqual([]);
}

/** The demo article's id, and a statement of it that carries an annotation (read-only). */
async function demoIds() {
  const article = (await queryOne<{ id: string }>(`SELECT id FROM "Article" WHERE slug = $1`, DEMO_SLUG))!;
  const statement = (await queryOne<{ id: string }>(
    `SELECT s.id FROM "Statement" s JOIN "Annotation" a ON a."statementId" = s.id WHERE s."articleId" = $1 ORDER BY s.start LIMIT 1`,
    article.id,
  ))!;
  return { articleId: article.id, statementId: statement.id };
}

/**
 * Presses Tab up to `max` times and records every focused element: its accessible-ish name and whether a focus
 * indicator is drawn (outline or box-shadow). Stops when focus leaves the document or cycles.
 */
async function tabThrough(page: Page, max = 120) {
  const seen: { name: string; visible: boolean }[] = [];
  await page.locator("body").focus();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const cs = getComputedStyle(el);
      const outline = cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0;
      const shadow = cs.boxShadow && cs.boxShadow !== "none";
      const name = (el.getAttribute("aria-label") || el.textContent || (el as HTMLInputElement).name || el.id || el.tagName).trim().replace(/\s+/g, " ").slice(0, 60);
      return { key: `${el.tagName}:${name}:${el.getBoundingClientRect().top}`, name: `${el.tagName.toLowerCase()} “${name}”`, visible: outline || !!shadow };
    });
    if (!info) break;
    if (seen.length && seen[0].name === info.name && i > 2) break;
    seen.push({ name: info.name, visible: info.visible });
  }
  return seen;
}

async function expectKeyboardReachable(page: Page, names: (string | RegExp)[], what: string) {
  const seen = await tabThrough(page);
  const invisible = seen.filter((s) => !s.visible).map((s) => s.name);
  expect(invisible, `focus indicator missing on ${what}`).toEqual([]);
  for (const n of names) {
    expect(
      seen.some((s) => (typeof n === "string" ? s.name.includes(n) : n.test(s.name))),
      `${what}: “${n}” reachable by Tab (saw ${seen.map((s) => s.name).join(" | ")})`,
    ).toBe(true);
  }
}

test.describe("accessibility of the signed-in pages (axe: no serious or critical violations)", () => {
  test("login page", async ({ page }) => {
    await page.goto("/login");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expectNoSeriousViolations(page, "/login");
    await expectKeyboardReachable(page, [/^input/, "Sign in"], "/login");
  });

  test("invite page with an invalid token", async ({ page }) => {
    await page.goto("/invite/not-a-real-token");
    await expect(page.locator("main")).toBeVisible();
    await expectNoSeriousViolations(page, "/invite/not-a-real-token");
  });

  test("review desk, import form (empty and previewed)", async ({ page }) => {
    await signIn(page, ACCOUNTS.reviewer.email, ACCOUNTS.reviewer.password, "/review");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page, "/review");
    await expectKeyboardReachable(page, ["Sign out"], "/review");

    await page.goto("/review/new");
    await expect(page.getByLabel("Title")).toBeVisible();
    await expectNoSeriousViolations(page, "/review/new (empty)");
    await expectKeyboardReachable(page, ["Preview", "Sign out"], "/review/new");

    await page.getByLabel("Title").fill(`A11y preview ${Date.now()}`);
    await page
      .getByLabel("Article text")
      .fill("The minister said on Monday that unemployment fell to 4.1 percent.\n\nCritics argued the figures were misleading, according to the opposition party.");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("heading", { name: /Proposed statements/ })).toBeVisible();
    await expectNoSeriousViolations(page, "/review/new (preview)");
    await expectKeyboardReachable(page, ["Import"], "/review/new (preview)");
    // Nothing is imported: the preview is left as it is.
  });

  test("workspace of the demo article: nothing selected, and an annotated statement open", async ({ page }) => {
    const { articleId, statementId } = await demoIds();
    await signIn(page, ACCOUNTS.reviewer.email, ACCOUNTS.reviewer.password, `/review/articles/${articleId}`);
    await expect(page.locator("[data-statement-id]").first()).toBeVisible();
    await expectNoSeriousViolations(page, "workspace (nothing selected)");
    await expectKeyboardReachable(page, ["Review desk", /data-statement|span/i, "Unpublish"], "workspace");

    // Open the annotated statement by keyboard: focus it, press Enter.
    const statement = page.locator(`[data-statement-id="${statementId}"]`);
    await statement.focus();
    await page.keyboard.press("Enter");
    await expect(page.locator(`[data-selected-statement="${statementId}"]`)).toBeVisible();
    // An approved annotation opens read-only; "Edit" (by keyboard) opens the form.
    await expect(page.getByTestId("annotation-read-only")).toBeVisible();
    await expectNoSeriousViolations(page, "workspace (annotated statement selected, read-only)");
    await page.getByRole("button", { name: "Edit", exact: true }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByLabel("Claim type")).toBeFocused();
    await expect(page.getByLabel("Verification status")).toBeVisible();
    await expectNoSeriousViolations(page, "workspace (annotated statement selected)");
    // Tab from the top of the panel again (the Edit button moved focus into the form, past Split…).
    await page.locator("[data-selected-statement] [tabindex='-1']").first().focus();
    await expectKeyboardReachable(page, ["Split…", "Request removal…", "Add hop", "Add evidence link", "Save draft", "Submit for review"], "workspace (statement selected)");

    // The panels that open inside the form, opened with the keyboard (Space / Enter), without saving anything.
    const split = page.getByRole("button", { name: "Split…" });
    await split.focus();
    await page.keyboard.press("Space");
    await expect(split).toHaveAttribute("aria-expanded", "true");
    const rationalePreview = page.locator("form").getByRole("button", { name: "Preview", exact: true });
    await rationalePreview.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("region", { name: "Rationale preview" })).toBeVisible();
    await expectNoSeriousViolations(page, "workspace (split panel and rationale preview open)");
  });

  test("admin sources: the list and a merge preview", async ({ page }) => {
    const telegraphs = await query<{ id: string }>(`SELECT id FROM "Source" WHERE name = 'The Telegraph' AND "mergedIntoId" IS NULL ORDER BY "createdAt" LIMIT 2`);
    await signIn(page, ACCOUNTS.admin.email, ACCOUNTS.admin.password, "/admin/sources");
    for (const path of ["/admin/sources?q=Telegraph", `/admin/sources/${telegraphs[1].id}/merge?into=${telegraphs[0].id}`]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSeriousViolations(page, path);
    }
    await expectKeyboardReachable(page, [/Merge “The Telegraph” into “The Telegraph”/, "Cancel"], "merge preview");
  });

  test("admin pages: users, vocabulary, audit", async ({ page }) => {
    // Three axe scans and a Tab through every control of three pages (the vocabulary page has about ninety).
    test.setTimeout(120_000);
    await signIn(page, ACCOUNTS.admin.email, ACCOUNTS.admin.password, "/admin/users");
    for (const path of ["/admin/users", "/admin/vocabulary", "/admin/audit"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSeriousViolations(page, path);
    }
    await page.goto("/admin/users");
    await expectKeyboardReachable(page, ["Invite"], "/admin/users");
    // The session menu is fetched after the page loads (SessionMenu): tab through once it is there.
    await page.goto("/admin/vocabulary");
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expectKeyboardReachable(page, ["Sign out"], "/admin/vocabulary");
    await page.goto("/admin/audit");
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expectKeyboardReachable(page, ["Sign out"], "/admin/audit");
  });

  test("403 page (admin page as a reviewer)", async ({ page }) => {
    await signIn(page, ACCOUNTS.reviewer.email, ACCOUNTS.reviewer.password, "/review");
    const response = await page.goto("/admin/users");
    expect(response?.status()).toBe(403);
    await expectNoSeriousViolations(page, "403 page");
  });
});
