import { expect, test } from "@playwright/test";
import { dbAll, dbGet, SCREENSHOT_DIR, signInAdmin } from "./helpers/admin";

test.describe.configure({ mode: "serial" });

type SourceRow = { id: string; version: number; mergedIntoId: string | null };

/** The demo's two "The Telegraph" records: the one dated 24 June 2025 and the undated one, each in a chain. */
async function telegraphs() {
  const pick = (dated: boolean) =>
    dbGet<SourceRow>(
      `SELECT s.id, s.version, s."mergedIntoId" FROM "Source" s
       WHERE s.name = 'The Telegraph' AND s.date IS ${dated ? "NOT NULL" : "NULL"} AND EXISTS (SELECT 1 FROM "ProvenanceHop" h WHERE h."sourceId" = s.id)
       ORDER BY s."createdAt" ASC LIMIT 1`,
    );
  return { dated: await pick(true), undated: await pick(false) };
}

const hopIdsOf = async (sourceId: string) => (await dbAll<{ id: string }>(`SELECT id FROM "ProvenanceHop" WHERE "sourceId" = $1 ORDER BY id`, sourceId)).map((h) => h.id);

test.describe("admin: sources", () => {
  test("merge a duplicate source (previewed, audited, old page redirects), then undo it exactly", async ({ page, request }) => {
    const { dated, undated } = await telegraphs();
    expect(dated && undated).toBeTruthy();
    const undatedHops = await hopIdsOf(undated.id);
    const datedHops = await hopIdsOf(dated.id);
    expect(undatedHops.length).toBeGreaterThan(0);

    await signInAdmin(page, "/admin/sources?q=Telegraph");
    await expect(page.getByRole("heading", { name: "Sources", level: 1 })).toBeVisible();
    const row = page.getByTestId(`source-row-${dated.id}`);
    await expect(row).toContainText(`${datedHops.length} chain hop`);
    // The hint: the undated record is a likely duplicate of the dated one (same name).
    await expect(row.getByTestId("likely-duplicates")).toContainText("The Telegraph (same name");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/admin-sources.png`, fullPage: true });

    // Merge the undated record into the dated one: choose it, read the preview, confirm.
    await page.getByTestId(`source-row-${undated.id}`).getByRole("link", { name: "Merge into…" }).click();
    await expect(page.getByRole("heading", { name: "Merge “The Telegraph” into another source", level: 1 })).toBeVisible();
    await page.getByTestId("merge-candidates-duplicates").locator(`a[href*="into=${dated.id}"]`).click();
    await expect(page).toHaveURL(new RegExp(`into=${dated.id}`));
    const moves = page.getByTestId("merge-moves");
    await expect(moves).toContainText(`${undatedHops.length} chain ${undatedHops.length === 1 ? "hop moves" : "hops move"} to “The Telegraph”`);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/admin-sources-merge.png`, fullPage: true });
    await page.getByRole("button", { name: "Merge “The Telegraph” into “The Telegraph”" }).click();

    await expect(page.getByTestId("merge-done")).toContainText("“The Telegraph” was merged into “The Telegraph”");
    await expect(page.getByTestId(`merged-${undated.id}`)).toBeVisible();
    // The database: every hop moved, the row kept and marked, the event records exactly which hops moved.
    expect(await hopIdsOf(undated.id)).toEqual([]);
    expect((await hopIdsOf(dated.id)).sort()).toEqual([...datedHops, ...undatedHops].sort());
    const merged = await dbGet<SourceRow>(`SELECT id, version, "mergedIntoId" FROM "Source" WHERE id = $1`, undated.id);
    expect(merged.mergedIntoId).toBe(dated.id);
    const event = await dbGet<{ after: { hopIds: string[]; mergedIntoId: string }; actorLabel: string }>(
      `SELECT after, "actorLabel" FROM "AuditEvent" WHERE action = 'source.merge' AND "entityId" = $1 ORDER BY "createdAt" DESC LIMIT 1`,
      undated.id,
    );
    expect(event.actorLabel).toBe("admin@example.com");
    expect(event.after.mergedIntoId).toBe(dated.id);
    expect([...event.after.hopIds].sort()).toEqual([...undatedHops].sort());

    // The old page is a permanent redirect to the survivor, which lists the merged source's statements too.
    const res = await request.get(`/sources/${undated.id}`, { maxRedirects: 0 });
    expect(res.status()).toBe(308);
    expect(res.headers()["location"]).toMatch(new RegExp(`/sources/${dated.id}$`));
    await page.goto(`/sources/${undated.id}`);
    await expect(page).toHaveURL(new RegExp(`/sources/${dated.id}$`));
    await expect(page.getByRole("heading", { name: "The Telegraph", level: 1 })).toBeVisible();

    // The audit log shows the merge and leads to its undo.
    await page.goto("/admin/audit?entityType=source");
    const entry = page.locator(`[data-testid="audit-entry"][data-action="source.merge"][data-entity-id="${undated.id}"]`).first();
    await expect(entry.getByTestId("audit-entity-label")).toHaveText("The Telegraph");
    await entry.locator("summary").click();
    await entry.getByRole("link", { name: "Undo this merge on the sources page" }).click();

    // Undo, confirmed: exactly those hops go back, and the old page is a page again.
    await expect(page).toHaveURL(new RegExp(`/admin/sources#merged-${undated.id}$`));
    const mergedRow = page.getByTestId(`merged-${undated.id}`);
    await mergedRow.getByRole("button", { name: "Undo merge…" }).click();
    await mergedRow.getByRole("button", { name: "Yes, undo the merge" }).click();
    await expect(page.getByTestId("unmerge-done")).toContainText("Merge undone: “The Telegraph” is a source of its own again");
    await expect(page.getByTestId(`merged-${undated.id}`)).toHaveCount(0);
    expect((await hopIdsOf(undated.id)).sort()).toEqual([...undatedHops].sort());
    expect((await hopIdsOf(dated.id)).sort()).toEqual([...datedHops].sort());
    expect((await dbGet<SourceRow>(`SELECT id, version, "mergedIntoId" FROM "Source" WHERE id = $1`, undated.id)).mergedIntoId).toBeNull();
    expect(await dbGet(`SELECT id FROM "AuditEvent" WHERE action = 'source.unmerge' AND "entityId" = $1`, undated.id)).toBeTruthy();
    const back = await request.get(`/sources/${undated.id}`, { maxRedirects: 0 });
    expect(back.status()).toBe(200);
  });

  test("refuses a merge that went stale while the preview was open", async ({ page, browser }) => {
    const { dated, undated } = await telegraphs();
    await signInAdmin(page, `/admin/sources/${undated.id}/merge?into=${dated.id}`);
    await expect(page.getByTestId("merge-moves")).toBeVisible();
    // Another admin merges and undoes meanwhile: both versions move on.
    const other = await browser.newPage();
    await signInAdmin(other, `/admin/sources/${undated.id}/merge?into=${dated.id}`);
    await other.getByRole("button", { name: "Merge “The Telegraph” into “The Telegraph”" }).click();
    await expect(other.getByTestId("merge-done")).toBeVisible();
    await other.getByTestId(`merged-${undated.id}`).getByRole("button", { name: "Undo merge…" }).click();
    await other.getByTestId(`merged-${undated.id}`).getByRole("button", { name: "Yes, undo the merge" }).click();
    await expect(other.getByTestId("unmerge-done")).toBeVisible();
    await other.close();

    await page.getByRole("button", { name: "Merge “The Telegraph” into “The Telegraph”" }).click();
    await expect(page.getByTestId("merge-message")).toContainText("changed since you opened this page");
    expect((await dbGet<SourceRow>(`SELECT id, version, "mergedIntoId" FROM "Source" WHERE id = $1`, undated.id)).mergedIntoId).toBeNull();
  });
});
