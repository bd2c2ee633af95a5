import { expect, test, type Page } from "@playwright/test";
import { DEMO_SLUG } from "./helpers/session";
import { importPasted, openStatement } from "./helpers/review";
import { dbGet, SCREENSHOT_DIR, signInAdmin, statusRow, unique } from "./helpers/admin";

test.describe.configure({ mode: "serial" });

const s = unique();

function statusSection(page: Page) {
  return page.locator("section", { has: page.getByRole("heading", { name: "Verification statuses" }) });
}

/** Puts "Misattributed" back exactly as the demo has it (label, colour, description, rating, not retired). */
async function restoreMisattributed(page: Page, original: Awaited<ReturnType<typeof statusRow>>) {
  const current = await statusRow("misattributed");
  if (current.retired !== original.retired) {
    await page.goto("/admin/vocabulary");
    await page.getByTestId("vocab-misattributed").getByRole("button", { name: /^(Unretire|Retire) / }).click();
    await expect.poll(async () => (await statusRow("misattributed")).retired).toBe(original.retired);
  }
  const now = await statusRow("misattributed");
  if (now.label !== original.label || now.color !== original.color || now.description !== original.description || now.rating !== original.rating) {
    await page.goto("/admin/vocabulary");
    const li = page.getByTestId("vocab-misattributed");
    await li.getByRole("button", { name: /^Edit / }).click();
    await li.getByLabel("Label").fill(original.label);
    await li.getByLabel("Colour (hex)").fill(original.color);
    await li.getByLabel("Description").fill(original.description);
    await li.getByLabel("ClaimReview rating").selectOption(original.rating === null ? "" : String(original.rating));
    await li.getByRole("button", { name: "Save" }).click();
    await expect.poll(async () => (await statusRow("misattributed")).label).toBe(original.label);
  }
}

test.describe("admin: vocabularies", () => {
  test("add (contrast enforced, input kept), reorder by keyboard, retire, unretire and delete an unused status", async ({ page }) => {
    await signInAdmin(page, "/admin/vocabulary");
    await expect(page.getByRole("heading", { name: "Vocabularies", level: 1 })).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/admin-vocabulary.png`, fullPage: true });
    const section = statusSection(page);
    const label = `E2E verdict ${s}`;
    await section.locator("summary", { hasText: "Add a verification status" }).click();
    await section.getByLabel("Label").last().fill(label);
    await section.getByLabel("Description").last().fill("Made by the admin e2e test.");
    await section.getByLabel("Colour (hex)").last().fill("#1e3a8a");
    await section.getByRole("button", { name: "Add", exact: true }).click();
    const err = section.locator("#add-verification_status-color-error");
    await expect(err).toContainText(/contrast ratio of \d+\.\d\d:1; highlighted text needs at least 4\.5:1/);
    await expect(section.getByLabel("Label").last()).toHaveValue(label);
    expect(await dbGet(`SELECT id FROM "VerificationStatus" WHERE label = $1`, label)).toBeUndefined();
    await section.getByLabel("Colour (hex)").last().fill("#fef9c3");
    await section.getByRole("button", { name: "Add", exact: true }).click();
    await expect(section.getByTestId("add-verification_status-message")).toContainText(`Added “${label}”`);
    const slug = `e2e-verdict-${s}`.toLowerCase();
    const row = () => statusRow(slug);
    expect(await row()).toMatchObject({ label, color: "#fef9c3", retired: false });

    const li = page.getByTestId(`vocab-${slug}`);
    const pos = (await row()).position;
    await li.getByRole("button", { name: `Move ${label} up` }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await row()).position).toBe(pos - 1);
    await expect(li.getByRole("status")).toContainText("Order saved");
    // Focus stays on the button, so pressing Enter again moves it further.
    await expect(li.getByRole("button", { name: `Move ${label} up` })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await row()).position).toBe(pos - 2);
    await expect(li.getByRole("button", { name: `Move ${label} up` })).toBeFocused();
    await li.getByRole("button", { name: `Move ${label} down` }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await row()).position).toBe(pos - 1);
    await expect(li.getByRole("button", { name: `Move ${label} down` })).toBeFocused();

    await li.getByRole("button", { name: `Retire ${label}` }).click();
    await expect(li.getByText("Retired", { exact: true })).toBeVisible();
    expect((await row()).retired).toBe(true);
    await li.getByRole("button", { name: `Unretire ${label}` }).click();
    await expect(li.getByText("Retired", { exact: true })).toHaveCount(0);
    expect((await row()).retired).toBe(false);

    // Back down where it was, so the neighbour's position is as before.
    await li.getByRole("button", { name: `Move ${label} down` }).click();
    await expect.poll(async () => (await row()).position).toBe(pos);

    await li.getByRole("button", { name: `Delete ${label}` }).click();
    await li.getByRole("button", { name: "Cancel" }).click();
    expect(await row()).toBeDefined();
    await li.getByRole("button", { name: `Delete ${label}` }).click();
    await li.getByRole("button", { name: "Yes, delete" }).click();
    await expect(li).toHaveCount(0);
    expect(await row()).toBeUndefined();
    // The row is gone, so the section says so (and takes the focus).
    await expect(section.getByTestId("verification_status-deleted-message")).toContainText(`Deleted “${label}”`);
    await expect(section.getByTestId("verification_status-deleted-message")).toBeFocused();
  });

  test("a used value cannot be deleted; a low-contrast recolour is refused with the ratio", async ({ page }) => {
    await signInAdmin(page, "/admin/vocabulary");
    const official = page.getByTestId("vocab-official-statement");
    await official.getByRole("button", { name: /^Delete / }).click();
    await official.getByRole("button", { name: "Yes, delete" }).click();
    await expect(official.getByRole("alert")).toContainText(/is used by \d+ annotations? and cannot be deleted\. Retire it instead/);
    expect(await dbGet(`SELECT id FROM "ClaimType" WHERE slug = 'official-statement'`)).toBeDefined();

    const before = await statusRow("verified");
    const verified = page.getByTestId("vocab-verified");
    await verified.getByRole("button", { name: /^Edit / }).click();
    await verified.getByLabel("Colour (hex)").fill("#166534");
    await verified.getByRole("button", { name: "Save" }).click();
    await expect(verified.locator(`#v-${before.id}-color-error`)).toContainText(/Text \(#111827\) on #166534 has a contrast ratio of \d\.\d\d:1/);
    await expect(verified.getByLabel("Colour (hex)")).toHaveValue("#166534");
    expect(await statusRow("verified")).toEqual(before);
  });

  test("rename and retire show on the reader page at once; the original is restored afterwards", async ({ page }) => {
    const original = await statusRow("misattributed");
    const renamed = `Misattributed (e2e ${s})`;
    try {
      // The reader page and a permalink are served (and so cached by the app) before the change; they tell shared
      // caches a bounded staleness and carry the vocabulary tag, so a CDN purge by tag reaches them…
      const { id: misattributedId } = (await dbGet<{ id: string }>(
        `SELECT a.id FROM "Annotation" a JOIN "Article" r ON r.id = a."articleId" WHERE r.slug = $1 AND a."approvedStatusSlug" = 'misattributed'`,
        DEMO_SLUG,
      ))!;
      const permalink = `/articles/${DEMO_SLUG}?annotation=${misattributedId}`;
      for (const path of [`/articles/${DEMO_SLUG}`, permalink]) {
        await page.request.get(path);
        const res = await page.request.get(path);
        expect(res.status()).toBe(200);
        expect(res.headers()["cache-control"]).toBe("public, s-maxage=60, stale-while-revalidate=30");
        expect(res.headers()["cache-tag"]?.split(",")).toEqual(expect.arrayContaining([`article:${DEMO_SLUG}`, "vocabulary"]));
        expect(await res.text()).not.toContain(renamed);
      }
      await signInAdmin(page, "/admin/vocabulary");
      const li = page.getByTestId("vocab-misattributed");
      await li.getByRole("button", { name: /^Edit / }).click();
      await li.getByLabel("Label").fill(renamed);
      await li.getByRole("button", { name: "Save" }).click();
      await expect(li.getByRole("status")).toContainText(`Saved “${renamed}”`);

      // …and the very next request shows the new label.
      await page.goto(`/articles/${DEMO_SLUG}`);
      const highlight = page.locator('[data-annotation-id][data-status="misattributed"]');
      await expect(highlight).toHaveCount(1);
      await expect(highlight.locator(".highlight-tag")).toContainText(renamed);
      await expect(page.getByRole("region", { name: "Legend" })).toContainText(renamed);
      await highlight.click();
      const id = await highlight.getAttribute("data-annotation-id");
      await expect(page.locator(`#annotation-${id} [data-field="status"]`)).toContainText(renamed);
      await page.goto(permalink);
      await expect(page.locator(`#annotation-${misattributedId}[data-open="true"] [data-field="status"]`)).toContainText(renamed);

      await page.goto("/admin/vocabulary");
      await page.getByTestId("vocab-misattributed").getByRole("button", { name: `Retire ${renamed}` }).click();
      await expect(page.getByTestId("vocab-misattributed").getByText("Retired", { exact: true })).toBeVisible();
      await page.goto(`/articles/${DEMO_SLUG}`);
      await expect(highlight).toHaveCount(1); // stays on the annotation that uses it…
      await highlight.click();
      await expect(page.locator(`#annotation-${id} [data-field="status"]`)).toContainText("retired"); // …shown as retired

      // …but cannot be chosen for a new annotation in the reviewer form.
      await importPasted(page, `Admin vocabulary e2e ${s}`, "The minister said the plan was working. Critics said it had failed.");
      await openStatement(page, 0);
      const statusSelect = page.getByRole("form", { name: "Annotation" }).getByLabel("Verification status");
      await expect(statusSelect.locator("option", { hasText: "Verified" }).first()).toBeAttached();
      await expect(statusSelect.locator("option", { hasText: renamed })).toHaveCount(0);

      await page.goto("/admin/vocabulary");
      await page.getByTestId("vocab-misattributed").getByRole("button", { name: `Unretire ${renamed}` }).click();
      await expect(page.getByTestId("vocab-misattributed").getByText("Retired", { exact: true })).toHaveCount(0);
    } finally {
      await restoreMisattributed(page, original);
    }
    const after = await statusRow("misattributed");
    expect({ ...after, version: 0 }).toEqual({ ...original, version: 0 });
    await page.goto(`/articles/${DEMO_SLUG}`);
    await expect(page.locator('[data-status="misattributed"] .highlight-tag')).toContainText("Analyst · Misattributed");
    await expect(page.locator('[data-status="misattributed"] .highlight-tag')).not.toContainText("e2e");
    await expect(page.getByRole("region", { name: "Legend" })).not.toContainText(renamed);

    // The audit log shows the rename and the retirement with their diffs.
    await page.goto(`/admin/audit?entityType=verification_status&action=verification_status.`);
    const entries = page.locator(`[data-testid="audit-entry"][data-entity-id="${original.id}"]`);
    const firstRename = page.locator(`[data-testid="audit-entry"][data-entity-id="${original.id}"][data-action="verification_status.update"]`).last();
    await firstRename.locator("summary").click();
    const labelRow = firstRename.locator('tr[data-change="changed"]', { hasText: "label" });
    await expect(labelRow.locator("td").nth(0)).toHaveText("Misattributed");
    await expect(labelRow.locator("td").nth(1)).toHaveText(renamed);
    for (const action of ["retire", "unretire"]) {
      await expect(page.locator(`[data-testid="audit-entry"][data-entity-id="${original.id}"][data-action="verification_status.${action}"]`).first()).toBeAttached();
    }
    expect(await entries.count()).toBeGreaterThanOrEqual(4);
  });
});
