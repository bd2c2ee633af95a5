import { expect, test } from "@playwright/test";
import { count } from "./helpers/db";
import { dbAll, dbGet, SCREENSHOT_DIR, signInAdmin } from "./helpers/admin";

test.describe("admin: audit log", () => {
  test("newest first, filterable, cursor-paginated, each entry expandable; the filtered view exports as CSV", async ({ page }) => {
    await signInAdmin(page, "/admin/audit");
    await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
    const list = page.getByTestId("audit-list");
    const total = await count(`SELECT COUNT(*)::int AS n FROM "AuditEvent"`);
    const newest = await dbAll<{ id: string }>(`SELECT id FROM "AuditEvent" ORDER BY "createdAt" DESC, id DESC LIMIT 50`);
    const ids = await list.getByTestId("audit-entry").evaluateAll((els) => els.map((e) => e.getAttribute("data-entity-id")));
    expect(ids.length).toBe(Math.min(50, total));
    await page.screenshot({ path: `${SCREENSHOT_DIR}/admin-audit.png`, fullPage: false });

    // Expand an entry: the before/after table (a <details>, no JavaScript needed).
    const first = list.getByTestId("audit-entry").first();
    await first.locator("summary").click();
    await expect(first.locator("details")).toHaveAttribute("open", "");

    if (total > 50) {
      await page.getByRole("link", { name: "Older events →" }).click();
      await expect(page).toHaveURL(/cursor=/);
      const older = (await dbAll<{ entityId: string }>(`SELECT "entityId" FROM "AuditEvent" ORDER BY "createdAt" DESC, id DESC LIMIT 50 OFFSET 50`)).map((r) => r.entityId);
      const shown = await page.getByTestId("audit-entry").evaluateAll((els) => els.map((e) => e.getAttribute("data-entity-id")));
      expect(shown).toEqual(older);
      await expect(page.getByRole("link", { name: "← Newest" })).toBeVisible();
    }
    expect(newest.length).toBeGreaterThan(0);

    // Filters: actor, entity type, action, dates.
    await page.goto("/admin/audit");
    await page.getByLabel("Actor").selectOption({ label: "Ada Admin <admin@example.com>" });
    await page.getByLabel("Entity type").selectOption("user");
    await page.getByLabel("Action").fill("user.sign_in");
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel("From").fill(today);
    await page.getByLabel("To (inclusive)").fill(today);
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/entityType=user/);
    const rows = page.getByTestId("audit-entry");
    await expect(rows.first()).toBeVisible();
    for (const action of await rows.evaluateAll((els) => els.map((e) => e.getAttribute("data-action")))) expect(action).toBe("user.sign_in");
    // Next to the raw id, a human label (resolved for the whole page in one query).
    await expect(rows.first().getByTestId("audit-entity-label")).toHaveText("Ada Admin <admin@example.com>");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/admin-audit-labels.png`, fullPage: false });
    const adminId = (await dbGet<{ id: string }>(`SELECT id FROM "User" WHERE email = 'admin@example.com'`)).id;
    const expected = await count(
      `SELECT COUNT(*)::int AS n FROM "AuditEvent" WHERE "actorId" = $1 AND "entityType" = 'user' AND action = 'user.sign_in'`,
      adminId,
    );

    // CSV of this filtered view.
    const href = await page.getByRole("link", { name: /Export this filtered view as CSV/ }).getAttribute("href");
    expect(href).toContain("action=user.sign_in");
    const res = await page.request.get(href as string);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toContain("text/csv");
    expect(res.headers()["content-disposition"]).toMatch(/attachment; filename="audit-log-.*\.csv"/);
    const lines = (await res.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("created_at,actor,actor_id,action,entity_type,entity_id,article_id,comment,before,after");
    expect(lines.length - 1).toBeGreaterThanOrEqual(Math.min(expected, 1));
    expect(lines.slice(1).every((l) => l.includes(",admin@example.com,") && l.includes(",user.sign_in,user,"))).toBe(true);

    // A range with nothing in it.
    await page.goto("/admin/audit?from=2000-01-01&to=2000-01-02");
    await expect(page.getByText("No events match these filters.")).toBeVisible();
    await page.goto("/admin/audit?from=2000-02-01&to=2000-01-02");
    await expect(page.locator('[role="alert"]:not(#__next-route-announcer__)')).toContainText("start date is after the end date");
  });
});
