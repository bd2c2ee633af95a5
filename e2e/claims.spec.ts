import { expect, test } from "@playwright/test";
import fs from "node:fs";
import path from "node:path";
import { REVIEWER, REVIEWER2, approve, newSignedInPage } from "./helpers/review";
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
    // The preview also lists the demo's statements as checked before, each with its earlier verdict and permalink.
    const checkedBefore = page.getByTestId("import-checked-before");
    await expect(checkedBefore).toContainText(/\d+ statements checked before/);
    expect(await checkedBefore.getByTestId("import-checked-before-item").count()).toBeGreaterThanOrEqual(10);
    const minesItem = checkedBefore.getByTestId("import-checked-before-item").filter({ hasText: "sow millions of mines" }).first();
    await expect(minesItem).toContainText("Misattributed");
    await expect(minesItem.getByRole("link")).toHaveAttribute("href", new RegExp(`^/articles/${DEMO_SLUG}\\?annotation=`));
    await checkedBefore.screenshot({ path: test.info().outputPath("import-checked-before.png") });
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
    await expect(page.getByTestId("claim-suggestion").first().getByRole("button", { name: "Same claim", exact: true })).toBeVisible();
    await page.getByTestId("claim-suggestion").first().getByRole("button", { name: "Same claim", exact: true }).click();
    await expect(page.getByTestId("claim-suggestion").first()).toContainText("Linked as the same claim.");
    const mine = (await queryOne<{ id: string }>(`SELECT id FROM "Annotation" WHERE "statementId" = $1`, statementId))!;
    expect(
      await count(`SELECT COUNT(*)::int AS n FROM "ClaimLink" WHERE relation = 'same' AND ($1 IN ("annotationAId", "annotationBId"))`, mine.id),
    ).toBe(1);
    expect(await count(`SELECT COUNT(*)::int AS n FROM "AuditEvent" WHERE action = 'claim_link.create' AND "entityId" LIKE '%' || $1 || '%'`, mine.id)).toBe(1);
    await context.close();
  });
});

test.describe("claim memory: copies, consistency notes and the drafts tab", () => {
  test("“Same claim + copy” puts the chain into the draft with its marker; a different verdict needs the approver's note; the drafts tab finds a draft", async ({ browser }) => {
    const { context, page } = await newSignedInPage(browser, REVIEWER);
    const demoMines = (await queryOne<{ id: string; version: number }>(
      `SELECT a.id, (SELECT MAX(version) FROM "AnnotationRevision" r WHERE r."annotationId" = a.id AND r.event = 'approved')::int AS version
       FROM "Annotation" a JOIN "Article" ar ON ar.id = a."articleId" WHERE ar.slug = $1 AND a."approvedQuote" LIKE '%sow millions of mines%'`,
      DEMO_SLUG,
    ))!;
    const stamp = Date.now();
    const word = `Quorvex${stamp}`;
    const text = [
      `The ${word} commission said the Baltic mine stockpiles would be rebuilt by the end of the decade.`,
      "‘They will sow millions of mines in the quiet pine and spruce forests along the border,’ a Russian military analyst was quoted as saying.",
    ].join("\n\n");
    await page.goto("/review/new");
    await page.getByLabel("Title").fill(`E2E copy ${stamp}`);
    await page.getByLabel("Article text").fill(text);
    await page.getByRole("button", { name: "Preview" }).click();
    // The preview: the reworded mines quote was checked before, as misattributed.
    const preview = page.getByTestId("import-checked-before");
    await expect(preview).toContainText(/statements? checked before/);
    await expect(preview.getByTestId("import-checked-before-item").filter({ hasText: "sow millions of mines" })).toContainText("Misattributed");
    await page.getByRole("button", { name: "Import", exact: true }).click();
    await page.waitForURL(/\/review\/articles\/[^/?]+/);
    const articleId = new URL(page.url()).pathname.split("/").pop()!;

    // A draft on the first statement, for the drafts tab.
    const first = page.locator("[data-statement-id]").filter({ hasText: word }).first();
    const firstId = (await first.getAttribute("data-statement-id"))!;
    await first.click();
    const form = page.getByRole("form", { name: "Annotation" });
    await form.getByLabel("Claim type").selectOption({ label: "Analyst or expert claim" });
    await form.getByRole("button", { name: "Save draft" }).click();
    await expect.poll(() => count(`SELECT COUNT(*)::int AS n FROM "Annotation" WHERE "statementId" = $1`, firstId)).toBe(1);

    // The mines statement: a draft with its own chain, then "Same claim, and copy its source chain and evidence".
    const mines = page.locator("[data-statement-id]").filter({ hasText: "sow millions of mines" }).first();
    const minesId = (await mines.getAttribute("data-statement-id"))!;
    await mines.click();
    await expect(page.locator(`[data-selected-statement="${minesId}"]`)).toBeVisible();
    await form.getByLabel("Claim type").selectOption({ label: "Analyst or expert claim" });
    await form.getByLabel("Verification status").selectOption({ label: "Unverified" });
    await form.getByRole("button", { name: "Save draft" }).click();
    const suggestion = page.getByTestId("claim-suggestion").filter({ hasText: "Misattributed" }).first();
    await suggestion.getByRole("button", { name: "Same claim, and copy its source chain and evidence" }).click();
    const marker = page.getByTestId("copied-from");
    await expect(marker).toContainText(`version ${demoMines.version}`);
    await expect(marker.getByRole("link")).toHaveAttribute("href", `/articles/${DEMO_SLUG}?annotation=${demoMines.id}`);
    await page.screenshot({ path: test.info().outputPath("copied-chain.png"), fullPage: true });
    const mine = (await queryOne<{ id: string; approvedSnapshot: unknown; copiedFromId: string }>(`SELECT id, "approvedSnapshot", "copiedFromId" FROM "Annotation" WHERE "statementId" = $1`, minesId))!;
    expect(mine.copiedFromId).toBe(demoMines.id);
    expect(mine.approvedSnapshot).toBeNull();
    const hops = async (id: string) => (await queryOne<{ ids: string | null }>(`SELECT string_agg("sourceId", ',' ORDER BY position) AS ids FROM "ProvenanceHop" WHERE "annotationId" = $1`, id))!.ids;
    const demoChain = (await queryOne<{ ids: string }>(`SELECT string_agg(h->'source'->>'id', ',') AS ids FROM "Annotation" a, jsonb_array_elements(a."approvedSnapshot"->'chain') h WHERE a.id = $1`, demoMines.id))!.ids;
    expect(await hops(mine.id)).toBe(demoChain);
    expect(await count(`SELECT COUNT(*)::int AS n FROM "AuditEvent" WHERE action = 'annotation.copy_chain' AND "entityId" = $1`, mine.id)).toBe(1);
    // The form now holds the copied chain: submit it for review as unverified.
    await form.getByRole("button", { name: "Submit for review" }).click();
    await expect.poll(async () => (await queryOne<{ s: string }>(`SELECT "workflowState" AS s FROM "Annotation" WHERE id = $1`, mine.id))!.s).toBe("in_review");

    // The drafts tab finds the first statement's draft; the published tab does not.
    await page.goto(`/search?q=${word}`);
    await expect(page.getByRole("heading", { name: "No published statement matches." })).toBeVisible();
    await page.getByTestId("search-tabs").getByRole("link", { name: "Including drafts" }).click();
    await expect(page).toHaveURL(/tab=drafts/);
    const draftHit = page.getByTestId("draft-search-results").locator("li").first();
    await expect(draftHit).toContainText(word);
    await expect(draftHit.getByRole("link").first()).toHaveAttribute("href", `/review/articles/${articleId}?s=${firstId}`);
    await page.screenshot({ path: test.info().outputPath("search-drafts-tab.png"), fullPage: true });
    const drafts = await page.request.get(`/search?q=${word}&tab=drafts`);
    expect(drafts.headers()["cache-control"]).toBe("private, no-store");
    await context.close();

    // Anonymous: the drafts tab gives the published results and a sign-in prompt, never the draft.
    const anonymous = await browser.newContext();
    const reader = await anonymous.newPage();
    const response = await reader.goto(`/search?q=${word}&tab=drafts`);
    expect(response!.headers()["cache-control"]).toBe("private, no-store");
    await expect(reader.getByTestId("drafts-sign-in")).toBeVisible();
    await expect(reader.getByTestId("search-tabs")).toHaveCount(0);
    await expect(reader.locator("main")).not.toContainText(`The ${word} commission`);
    const publicResponse = await reader.goto(`/search?q=${word}`);
    expect(publicResponse!.headers()["cache-control"]).toMatch(/^public, s-maxage=/);
    // Searches with a query went through the shared rate limiter (proxy.ts counts them per address).
    expect(await count(`SELECT COALESCE(SUM(count), 0)::int AS n FROM "RateLimitBucket" WHERE key LIKE 'search-ip:%'`)).toBeGreaterThanOrEqual(4);
    await anonymous.close();

    // The second reviewer approves: the cluster's published verdict is Misattributed, so a note is required.
    const second = await newSignedInPage(browser, REVIEWER2, `/review/articles/${articleId}`);
    await second.page.goto(`/review/articles/${articleId}?s=${minesId}`);
    const review = second.page.getByRole("form", { name: "Second review" });
    const note = review.getByTestId("consistency-note");
    await expect(note).toContainText("Misattributed");
    await expect(note).toContainText("You are approving “Unverified”");
    await approve(review);
    await expect(review.getByText(/Write a note \(at least 20 characters\)/).first()).toBeVisible();
    expect((await queryOne<{ s: string }>(`SELECT "workflowState" AS s FROM "Annotation" WHERE id = $1`, mine.id))!.s).toBe("in_review");
    await second.page.screenshot({ path: test.info().outputPath("consistency-note.png"), fullPage: true });
    const why = "A second outlet quoted the analyst by name; the misattribution does not apply here.";
    await review.getByLabel(/Why does this verdict differ/).fill(why);
    await review.getByRole("button", { name: "Approve" }).click();
    await expect.poll(async () => (await queryOne<{ s: string }>(`SELECT "workflowState" AS s FROM "Annotation" WHERE id = $1`, mine.id))!.s).toBe("approved");
    const event = (await queryOne<{ after: { consistency?: { note: string; clusterVerdictSlug: string } } }>(
      `SELECT after FROM "AuditEvent" WHERE action = 'annotation.approve' AND "entityId" = $1`,
      mine.id,
    ))!;
    expect(event.after.consistency).toMatchObject({ note: why, clusterVerdictSlug: "misattributed" });
    await second.context.close();
  });
});
